import type { Discarded } from '../core/timer';
import { t } from '../platform/i18n';
import { send } from '../platform/messaging';
import { taskLabel } from '../ui/format';
import { useFocusOnMount } from '../ui/use-focus-on-mount';
import { useNow } from '../ui/use-now';

/** How long Undo is offered after Discard. */
const UNDO_MS = 10_000;

export function DiscardedNotice({ discarded }: { discarded: Discarded }) {
  const now = useNow(true);
  // Right after Discard, Undo is what a person may want: it takes the focus from the gone Discard button.
  const undo = useFocusOnMount<HTMLButtonElement>();
  if (now - discarded.at > UNDO_MS) return null;
  return (
    <div class="notice row" role="status">
      <p>{t('discardedNotice', taskLabel(discarded.task))}</p>
      <button type="button" ref={undo} onClick={() => void send('timer.undo-discard', {})}>
        {t('undo')}
      </button>
    </div>
  );
}
