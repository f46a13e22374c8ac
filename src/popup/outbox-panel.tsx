import type { OutboxEntry } from '../core/outbox';
import { nextWakeUp } from '../core/outbox-line';
import { t } from '../platform/i18n';
import type { CommandResult } from '../shared/protocol';
import { formatTimeOfDay, reasonText } from '../ui/format';
import type { EntryContext } from './attention-entry';
import { AttentionEntry } from './lazy-panels';
import { useFocusAfterResolve } from './use-focus-after-resolve';

/** Entries not yet in COR: how many, why, when the next try is, and a way to try now. */
export function OutboxPanel(props: {
  outbox: readonly OutboxEntry[];
  context: EntryContext;
  onSendNow: () => Promise<CommandResult>;
}) {
  const waiting = props.outbox.filter((e) => e.state !== 'needs-attention');
  const attention = props.outbox.filter((e) => e.state === 'needs-attention');
  const list = useFocusAfterResolve(attention.map((e) => e.id));
  if (props.outbox.length === 0) return null;
  const reason = [...waiting].reverse().find((e) => e.reason !== undefined)?.reason;
  const next = nextWakeUp(waiting);
  return (
    <section class="notice stack" aria-labelledby={waiting.length > 0 ? 'outbox-heading' : 'attention-heading'}>
      {waiting.length > 0 && (
        <div>
          <h2 id="outbox-heading">
            {waiting.length === 1 ? t('outboxWaitingOne') : t('outboxWaitingMany', waiting.length)}
          </h2>
          <div class="row">
            <p>
              {reason !== undefined && `${reasonText(reason)} `}
              <span class="muted">
                {waiting.some((e) => e.state === 'sending')
                  ? t('outboxSendingNow')
                  : next !== null && next > Date.now()
                    ? t('outboxNextAttempt', formatTimeOfDay(next))
                    : ''}
              </span>
            </p>
            <button type="button" class="small" onClick={() => void props.onSendNow()}>
              {t('sendNow')}
            </button>
          </div>
        </div>
      )}
      {attention.length > 0 && (
        <div>
          <h2 id="attention-heading">
            {attention.length === 1 ? t('needsAttentionOne') : t('needsAttentionMany', attention.length)}
          </h2>
          <ul class="stack attention-list" ref={list} aria-labelledby="attention-heading">
            {attention.map((e) => (
              <AttentionEntry key={e.id} entry={e} context={props.context} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
