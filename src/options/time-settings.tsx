/**
 * Settings for time away and reminders (issue 11). The options page is the one writer of
 * `settings`; each change writes the whole value, read through `upgradeSettings`. A number out
 * of range is refused with a message and nothing is saved.
 */
import { useEffect, useState } from 'preact/hooks';
import { AWAY_MINUTES, REMIND_HOURS, wholeIn, type Settings } from '../core/settings';
import { t, type MessageKey } from '../platform/i18n';
import { writeItems } from '../platform/storage-item';
import { settingsItem } from '../shared/storage';
import { ErrorText } from '../ui/error-text';
import { useItem } from '../ui/use-item';
import { TrackReminderSettings } from './track-reminder-settings';

export function TimeSettings() {
  const settings = useItem(settingsItem);
  if (settings === undefined) return null;
  const save = (change: Partial<Settings>) => void writeItems(settingsItem.entry({ ...settings, ...change }));
  return (
    <section class="stack" aria-labelledby="time-heading">
      <h2 id="time-heading">{t('optionsTimeHeading')}</h2>
      <div>
        <label class="choice">
          <input
            type="checkbox"
            checked={settings.askAway}
            aria-describedby="ask-away-hint"
            onChange={(e) => save({ askAway: e.currentTarget.checked })}
          />
          {t('askAwayLabel')}
        </label>
        <p id="ask-away-hint" class="muted">
          {t('askAwayHint')}
        </p>
      </div>
      <WholeNumber
        id="away-minutes"
        label="awayMinutesLabel"
        invalid="awayMinutesInvalid"
        range={AWAY_MINUTES}
        value={settings.awayMinutes}
        onSave={(awayMinutes) => save({ awayMinutes })}
      />
      <WholeNumber
        id="remind-after"
        label="remindAfterLabel"
        invalid="remindAfterInvalid"
        hint="remindAfterHint"
        range={REMIND_HOURS}
        value={settings.remindAfterHours}
        onSave={(remindAfterHours) => save({ remindAfterHours })}
      />
      <TrackReminderSettings value={settings.trackReminder} onSave={(trackReminder) => save({ trackReminder })} />
      <fieldset>
        <legend>{t('browserCloseLabel')}</legend>
        {(['keep', 'stop'] as const).map((choice) => (
          <label class="choice" key={choice}>
            <input
              type="radio"
              name="browser-close"
              checked={settings.browserClose === choice}
              onChange={() => save({ browserClose: choice })}
            />
            {t(choice === 'keep' ? 'browserCloseKeep' : 'browserCloseStop')}
          </label>
        ))}
      </fieldset>
    </section>
  );
}

/** A whole-number field saved when the person commits it (leaves the field or presses Enter). */
export function WholeNumber(props: {
  id: string;
  label: MessageKey;
  invalid: MessageKey;
  hint?: MessageKey;
  range: { readonly min: number; readonly max: number };
  value: number;
  onSave: (value: number) => void;
}) {
  const [text, setText] = useState(String(props.value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(String(props.value)), [props.value]);
  const commit = () => {
    const value = wholeIn(text.trim() === '' ? NaN : Number(text), props.range);
    if (value === null) return setError(t(props.invalid));
    setError(null);
    if (value !== props.value) props.onSave(value);
  };
  const described = [props.hint && `${props.id}-hint`, error && `${props.id}-error`].filter(Boolean).join(' ');
  return (
    <div>
      <label for={props.id}>{t(props.label)}</label>
      <input
        id={props.id}
        type="number"
        inputMode="numeric"
        min={props.range.min}
        max={props.range.max}
        step={1}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={described === '' ? undefined : described}
        onInput={(e) => setText(e.currentTarget.value)}
        onChange={commit}
      />
      {props.hint !== undefined && (
        <p id={`${props.id}-hint`} class="muted">
          {t(props.hint)}
        </p>
      )}
      <div id={`${props.id}-error`}>
        <ErrorText text={error} />
      </div>
    </div>
  );
}
