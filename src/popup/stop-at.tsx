/**
 * "Stop at…" beside Stop timer: a time field for a stop between the start and now (the way to
 * fix "I forgot to stop at 18:00"), and the banner once the timer runs longer than the person's
 * limit. A time outside the timer is refused with a message and the field resets.
 */
import { useState } from 'preact/hooks';
import { typedStop } from '../core/local-time';
import { durations, formatHoursMinutes } from '../core/time';
import type { TimerState } from '../core/timer';
import { t } from '../platform/i18n';
import { send } from '../platform/messaging';
import { settingsItem } from '../shared/storage';
import { ErrorText } from '../ui/error-text';
import { useFocusOnMount } from '../ui/use-focus-on-mount';
import { useItem } from '../ui/use-item';
import { useNow } from '../ui/use-now';
import { useCommand } from './use-command';

type Running = Extract<TimerState, { status: 'running' }>;

export function StopAt({ timer }: { timer: Running }) {
  const now = useNow(true);
  const settings = useItem(settingsItem);
  const [open, setOpen] = useState(false);
  const long = settings !== undefined && now - timer.startedAt >= settings.remindAfterHours * durations.HOUR;
  return (
    <div class="stack">
      {long && (
        <p class="notice" role="status">
          {t('longRunningBanner', formatHoursMinutes(now - timer.startedAt))}
        </p>
      )}
      {open ? (
        <StopAtForm timer={timer} onCancel={() => setOpen(false)} />
      ) : (
        <div class="row">
          <button type="button" onClick={() => setOpen(true)}>
            {t('stopAtOpen')}
          </button>
        </div>
      )}
    </div>
  );
}

function StopAtForm({ timer, onCancel }: { timer: Running; onCancel: () => void }) {
  const [value, setValue] = useState('');
  const { busy, error, setError, run } = useCommand();
  const field = useFocusOnMount<HTMLInputElement>();
  const submit = (event: Event) => {
    event.preventDefault();
    const at = typedStop(value, timer.startedAt, Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);
    if (at === null) {
      setError(t('errorInvalidStop'));
      setValue('');
      return;
    }
    void run(() => send('timer.stop-at', { at }));
  };
  return (
    <form class="stack" onSubmit={submit}>
      <div class="row start-row">
        <div class="start-field">
          <label for="stop-at">{t('stopAtLabel')}</label>
          <input
            id="stop-at"
            ref={field}
            type="time"
            required
            value={value}
            onInput={(e) => setValue(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Escape' && onCancel()}
          />
        </div>
        <button type="submit" class="stop" disabled={busy}>
          {t('stopAtConfirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
      <ErrorText text={error} />
    </form>
  );
}
