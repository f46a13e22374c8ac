import type { OutboxEntry } from '../core/outbox';
import { nextWakeUp } from '../core/outbox';
import { t } from '../platform/i18n';
import type { CommandResult } from '../shared/protocol';
import { formatTimeOfDay, reasonText } from '../ui/format';
import { AttentionEntry } from './attention-entry';

/** Entries not yet in COR: how many, why, when the next try is, and a way to try now. */
export function OutboxPanel(props: { outbox: readonly OutboxEntry[]; onSendNow: () => Promise<CommandResult> }) {
  const waiting = props.outbox.filter((e) => e.state !== 'needs-attention');
  const attention = props.outbox.filter((e) => e.state === 'needs-attention');
  if (props.outbox.length === 0) return null;
  const reason = [...waiting].reverse().find((e) => e.reason !== undefined)?.reason;
  const next = nextWakeUp(waiting);
  return (
    <section class="notice stack" aria-labelledby="outbox-heading">
      {waiting.length > 0 && (
        <div>
          <h2 id="outbox-heading">
            {waiting.length === 1 ? t('outboxWaitingOne') : t('outboxWaitingMany', waiting.length)}
          </h2>
          {reason !== undefined && <p>{reasonText(reason)}</p>}
          {waiting.some((e) => e.state === 'sending') ? (
            <p class="muted">{t('outboxSendingNow')}</p>
          ) : (
            next !== null && next > Date.now() && <p class="muted">{t('outboxNextAttempt', formatTimeOfDay(next))}</p>
          )}
          <button type="button" onClick={() => void props.onSendNow()}>
            {t('sendNow')}
          </button>
        </div>
      )}
      {attention.length > 0 && (
        <div>
          <h2 id={waiting.length > 0 ? undefined : 'outbox-heading'}>
            {attention.length === 1 ? t('needsAttentionOne') : t('needsAttentionMany', attention.length)}
          </h2>
          <ul class="stack">
            {attention.map((e) => (
              <AttentionEntry key={e.id} entry={e} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
