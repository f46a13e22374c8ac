/**
 * Wall-clock times in a named time zone, with Intl: what "18:00" means on a given day where the
 * person is, across midnight and DST changes. Pure: the zone comes in as an argument (the
 * browser's own, `Intl.DateTimeFormat().resolvedOptions().timeZone`), never from the process.
 */
import { durations } from './time';

export interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  /** 0 = Sunday. */
  readonly weekday: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formats.set(timeZone, f);
  }
  return f;
}

export function localParts(epochMs: number, timeZone: string): LocalParts & { readonly second: number } {
  const parts = Object.fromEntries(
    format(timeZone)
      .formatToParts(epochMs)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

/** Minutes east of UTC in `timeZone` at that moment. */
function offsetMs(epochMs: number, timeZone: string): number {
  const p = localParts(epochMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epochMs / durations.SECOND) * durations.SECOND;
}

/**
 * The moment a local wall-clock time names. The zone's offset half a day before and after
 * covers any DST change that day: in the repeated hour the first of the two moments is taken;
 * in a gap (a time that does not exist) the clock is read with the offset from before the jump,
 * which lands as far after the jump as the time was after its start (02:30 → 03:30).
 */
export function fromLocal(
  date: { readonly year: number; readonly month: number; readonly day: number },
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const offsets = [offsetMs(wall - 12 * durations.HOUR, timeZone), offsetMs(wall + 12 * durations.HOUR, timeZone)];
  const matching = offsets.map((o) => wall - o).filter((at) => sameWall(at, hour, minute, timeZone));
  return matching.length > 0 ? Math.min(...matching) : wall - Math.min(...offsets);
}

function sameWall(at: number, hour: number, minute: number, timeZone: string): boolean {
  const p = localParts(at, timeZone);
  return p.hour === hour && p.minute === minute;
}

/** `HH:MM` typed into a time field; null when it is not a time of day. */
export function parseHhmm(text: string): { readonly hour: number; readonly minute: number } | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}

/**
 * "Stop at…": the latest moment with the typed wall-clock time that is after the start and not
 * after now — today's 18:00, or yesterday's when the timer ran overnight. Null when no such
 * moment exists (before the start, in the future, or not a time).
 */
export function typedStop(text: string, startedAt: number, now: number, timeZone: string): number | null {
  const time = parseHhmm(text);
  if (time === null || now <= startedAt) return null;
  // Walk back day by day from today to the start's day (a timer can run for days).
  for (let day = now; day >= startedAt - durations.HOUR * 24; day -= durations.HOUR * 24) {
    const at = fromLocal(localParts(day, timeZone), time.hour, time.minute, timeZone);
    if (at > startedAt && at <= now) return at;
    if (at <= startedAt) return null;
  }
  return null;
}
