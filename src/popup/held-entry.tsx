/**
 * An entry held in Needs attention because its times need the person's check: longer than
 * their limit ("Check the times: 14:02 is longer than usual" — Log it / Stop at… / Discard),
 * or run while the computer's clock changed (fields to correct start and stop, or Discard).
 */
import { useState } from 'preact/hooks';
import type { OutboxEntry } from '../core/outbox';
import { formatHoursMinutes } from '../core/time';
import { t } from '../platform/i18n';
import { send } from '../platform/messaging';
import { ErrorText } from '../ui/error-text';
import { formatTimeOfDay, reasonText, taskLabel } from '../ui/format';
import { DiscardQuestion } from './attention-entry';
import { RetimeForm } from './retime-form';
import { useCommand } from './use-command';

export const isHeld = (entry: OutboxEntry): boolean =>
  entry.reason?.code === 'long-entry' || entry.reason?.code === 'clock-jumped';

type Mode = 'idle' | 'retiming' | 'confirm-discard';

export function HeldEntry({ entry }: { entry: OutboxEntry }) {
  const clockChanged = entry.reason?.code === 'clock-jumped';
  const [mode, setMode] = useState<Mode>(clockChanged ? 'retiming' : 'idle');
  const { busy, error, run } = useCommand();
  const span = t(
    'entrySpan',
    taskLabel(entry.task),
    formatTimeOfDay(entry.startedAt),
    formatTimeOfDay(entry.stoppedAt),
  );
  const why = clockChanged
    ? reasonText({ code: 'clock-jumped' })
    : t('reasonLongEntry', formatHoursMinutes(entry.stoppedAt - entry.startedAt));
  return (
    <li class="stack" aria-label={span}>
      <p class="title">{span}</p>
      <p>{why}</p>
      {mode === 'retiming' && <RetimeForm entry={entry} onCancel={clockChanged ? undefined : () => setMode('idle')} />}
      {mode !== 'confirm-discard' && (
        <div class="row wrap">
          {!clockChanged && mode === 'idle' && (
            <>
              <button
                type="button"
                disabled={busy}
                onClick={() => void run(() => send('outbox.retry', { id: entry.id }))}
              >
                {t('logIt')}
              </button>
              <button type="button" disabled={busy} onClick={() => setMode('retiming')}>
                {t('stopAtOpen')}
              </button>
            </>
          )}
          <button type="button" disabled={busy} onClick={() => setMode('confirm-discard')}>
            {t('discard')}
          </button>
        </div>
      )}
      {mode === 'confirm-discard' && (
        <DiscardQuestion
          busy={busy}
          onDiscard={() => void run(() => send('outbox.discard', { id: entry.id }))}
          onKeep={() => setMode(clockChanged ? 'retiming' : 'idle')}
        />
      )}
      <ErrorText text={error} />
    </li>
  );
}
