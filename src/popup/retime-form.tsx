/**
 * Corrected times for an entry held in Needs attention (a long entry, or one whose clock
 * changed): start and stop in the person's local time; sent only when the stop is after the
 * start and not in the future.
 */
import { useState } from 'preact/hooks';
import type { OutboxEntry } from '../core/outbox';
import { t } from '../platform/i18n';
import { send } from '../platform/messaging';
import { ErrorText } from '../ui/error-text';
import { useFocusOnMount } from '../ui/use-focus-on-mount';
import { useCommand } from './use-command';

/** `YYYY-MM-DDTHH:MM` in the browser's zone, the value of a datetime-local field. */
function localValue(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function RetimeForm({ entry, onCancel }: { entry: OutboxEntry; onCancel?: () => void }) {
  const [start, setStart] = useState(localValue(entry.startedAt));
  const [stop, setStop] = useState(localValue(Math.max(entry.stoppedAt, entry.startedAt)));
  const { busy, error, setError, run } = useCommand();
  const field = useFocusOnMount<HTMLInputElement>();
  const submit = (event: Event) => {
    event.preventDefault();
    // A datetime-local value without a zone is read in the browser's own zone.
    const startedAt = new Date(start).getTime();
    const stoppedAt = new Date(stop).getTime();
    if (!(stoppedAt > startedAt) || stoppedAt > Date.now()) {
      setError(t('errorInvalidStop'));
      setStop(localValue(Math.max(entry.stoppedAt, entry.startedAt)));
      return;
    }
    void run(() => send('outbox.retime', { id: entry.id, startedAt, stoppedAt }));
  };
  const id = `retime-${entry.id}`;
  return (
    <form class="stack" onSubmit={submit}>
      <div class="row wrap">
        <label for={`${id}-start`}>{t('entryStartLabel')}</label>
        <input
          id={`${id}-start`}
          ref={field}
          type="datetime-local"
          required
          value={start}
          onInput={(e) => setStart(e.currentTarget.value)}
        />
        <label for={`${id}-stop`}>{t('entryStopLabel')}</label>
        <input
          id={`${id}-stop`}
          type="datetime-local"
          required
          value={stop}
          onInput={(e) => setStop(e.currentTarget.value)}
        />
      </div>
      <div class="row wrap">
        <button type="submit" disabled={busy}>
          {t('logWithTimes')}
        </button>
        {onCancel !== undefined && (
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
      <ErrorText text={error} />
    </form>
  );
}
