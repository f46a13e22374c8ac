import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../platform/i18n';

/** `HH:MM` of a moment in the person's own time zone. */
function hhmm(epochMs: number): string {
  const d = new Date(epochMs);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The same local day as `base`, at the typed hour and minute (seconds kept, so +0 changes nothing). */
function atTime(base: number, value: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const d = new Date(base);
  d.setHours(Number(match[1]), Number(match[2]));
  return d.getTime();
}

/**
 * "Started at": a time field; the change is sent when the person commits it (Enter or leaving
 * the field). A refused time does not stay in the field: it goes back to the timer's start.
 */
export function StartTimeField(props: { startedAt: number; onChange: (startedAt: number) => Promise<void> }) {
  const [value, setValue] = useState(hhmm(props.startedAt));
  const latest = useRef(props.startedAt);
  latest.current = props.startedAt;
  useEffect(() => setValue(hhmm(props.startedAt)), [props.startedAt]);
  const commit = async () => {
    const at = atTime(props.startedAt, value);
    if (at === null || hhmm(at) === hhmm(props.startedAt)) return;
    await props.onChange(at);
    setValue(hhmm(latest.current));
  };
  return (
    <div class="start-field row">
      <label for="started-at">{t('startedAtLabel')}</label>
      <input
        id="started-at"
        type="time"
        value={value}
        onInput={(e) => setValue(e.currentTarget.value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void commit();
        }}
      />
    </div>
  );
}
