/**
 * "Stop at…" beside Stop timer: a time field for a stop between the start and now (the way to
 * fix "I forgot to stop at 18:00"), and the banner once the timer runs longer than the person's
 * limit. A time outside the timer is refused with a message and the field resets.
 */
import { useEffect, useState } from 'preact/hooks';
import { durations, formatHoursMinutes } from '../core/time';
import type { TimerState } from '../core/timer';
import { t } from '../platform/i18n';
import { settingsItem } from '../shared/storage';
import { useItem } from '../ui/use-item';
import { useNow } from '../ui/use-now';
import { StopAtForm } from './lazy-panels';

export type Running = Extract<TimerState, { status: 'running' }>;

export function StopAt({ timer }: { timer: Running }) {
  const now = useNow(true);
  const settings = useItem(settingsItem);
  const [open, setOpen] = useState(false);
  // The form loads after the popup's first frame, so it is in before anyone clicks "Stop at…".
  useEffect(() => void StopAtForm.preload(), []);
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
