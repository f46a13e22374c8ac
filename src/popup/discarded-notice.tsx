import type { Discarded } from '../core/timer';
import { t } from '../platform/i18n';
import { send } from '../platform/messaging';
import { taskLabel } from '../ui/format';
import { useNow } from '../ui/use-now';

/** How long Undo is offered after Discard. */
const UNDO_MS = 10_000;

export function DiscardedNotice({ discarded }: { discarded: Discarded }) {
  const now = useNow(true);
  if (now - discarded.at > UNDO_MS) return null;
  return (
    <div class="notice row" role="status">
      <p>{t('discardedNotice', taskLabel(discarded.task))}</p>
      <button type="button" onClick={() => void send('timer.undo-discard', {})}>
        {t('undo')}
      </button>
    </div>
  );
}
