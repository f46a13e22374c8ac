/** "Remind me to track time": on or off, the weekdays, the hours, and after how many minutes of activity. */
import { useState } from 'preact/hooks';
import type { TrackReminder } from '../core/settings';
import { t } from '../platform/i18n';
import { ErrorText } from '../ui/error-text';
import { WholeNumber } from './time-settings';

/** Weekday names in the browser's language, Monday first (0 = Sunday, as `Date` counts). */
const DAYS = [1, 2, 3, 4, 5, 6, 0].map((day) => ({
  day,
  // 2026-11-29 was a Sunday: day d of that week names weekday d.
  name: new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 10, 29 + day)),
}));

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const minuteOf = (text: string) => {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
};

export function TrackReminderSettings({ value, onSave }: { value: TrackReminder; onSave: (v: TrackReminder) => void }) {
  const [error, setError] = useState<string | null>(null);
  const saveHours = (change: { fromMinute?: number | null; toMinute?: number | null }) => {
    const fromMinute = change.fromMinute === undefined ? value.fromMinute : change.fromMinute;
    const toMinute = change.toMinute === undefined ? value.toMinute : change.toMinute;
    if (fromMinute === null || toMinute === null || toMinute <= fromMinute) return setError(t('trackHoursInvalid'));
    setError(null);
    onSave({ ...value, fromMinute, toMinute });
  };
  return (
    <fieldset class="stack">
      <legend>
        <label class="choice">
          <input
            type="checkbox"
            checked={value.enabled}
            onChange={(e) => onSave({ ...value, enabled: e.currentTarget.checked })}
          />
          {t('trackReminderLabel')}
        </label>
      </legend>
      <fieldset disabled={!value.enabled}>
        <legend>{t('trackDaysLabel')}</legend>
        <div class="row wrap">
          {DAYS.map(({ day, name }) => (
            <label class="choice" key={day}>
              <input
                type="checkbox"
                checked={value.days.includes(day)}
                onChange={(e) =>
                  onSave({
                    ...value,
                    days: e.currentTarget.checked ? [...value.days, day].sort() : value.days.filter((d) => d !== day),
                  })
                }
              />
              {name}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="row wrap hours">
        <label for="track-from">{t('trackFromLabel')}</label>
        <input
          id="track-from"
          type="time"
          disabled={!value.enabled}
          value={hhmm(value.fromMinute)}
          onChange={(e) => saveHours({ fromMinute: minuteOf(e.currentTarget.value) })}
        />
        <label for="track-to">{t('trackToLabel')}</label>
        <input
          id="track-to"
          type="time"
          disabled={!value.enabled}
          value={hhmm(value.toMinute % 1440)}
          onChange={(e) => saveHours({ toMinute: minuteOf(e.currentTarget.value) })}
        />
      </div>
      <ErrorText text={error} />
      <WholeNumber
        id="track-after"
        label="trackAfterLabel"
        invalid="awayMinutesInvalid"
        range={{ min: 1, max: 240 }}
        value={value.afterMinutes}
        onSave={(afterMinutes) => onSave({ ...value, afterMinutes })}
      />
    </fieldset>
  );
}
