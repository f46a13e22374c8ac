/**
 * Time helpers at the edges of the app. Inside, every moment is epoch milliseconds (a number);
 * ISO strings exist only at the COR boundary.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * COR's zone-less answers (`2026-02-06 00:00:00`, seen in the GET /hours example) carry no
 * offset. Our assumption, pending a round-trip test against a real account: they are UTC, the
 * same zone we send in. This is the one switch to change if that proves wrong: the offset, in
 * minutes east of UTC, that COR's zone-less times are written in.
 */
export const COR_ZONELESS_OFFSET_MINUTES = 0;

/** `2026-02-06T09:05:03Z`: COR's documented request format, whole seconds (COR stores no more). */
export function toCorDateTime(epochMs: number): string {
  return new Date(Math.floor(epochMs / SECOND) * SECOND).toISOString().replace('.000Z', 'Z');
}

const ZONELESS = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/;

/** Reads COR's date-times: ISO 8601 with a zone, or the zone-less `YYYY-MM-DD HH:mm:ss`. */
export function parseCorDateTime(text: string): number | null {
  const zoneless = ZONELESS.exec(text);
  if (zoneless) {
    const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = zoneless.slice(1, 7).map(Number);
    const utc = Date.UTC(y, mo - 1, d, h, mi, s);
    // Date.UTC rolls 2026-13-45 over into 2027; COR never means that, so refuse it.
    if (toCorDateTime(utc) !== `${zoneless.slice(1, 4).join('-')}T${zoneless.slice(4, 7).join(':')}Z`) return null;
    return utc - COR_ZONELESS_OFFSET_MINUTES * MINUTE;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/** `YYYY-MM-DD` of a moment in UTC, for COR's date filters. */
export function toCorDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** Whole seconds, so that what we compare is what COR stored. */
export function toWholeSeconds(epochMs: number): number {
  return Math.floor(epochMs / SECOND);
}

/** `1:02:03` for a running clock. Negative spans (a clock that jumped back) show as 0:00:00. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / SECOND));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${pad(m)}:${pad(s)}`;
}

/** `0:42`, `10:00`, `123:05`: hours and minutes, as people write logged time. */
export function formatHoursMinutes(ms: number): string {
  const totalMinutes = Math.max(0, Math.floor(ms / MINUTE));
  return `${Math.floor(totalMinutes / 60)}:${pad(totalMinutes % 60)}`;
}

/** COR's `duration` is a decimal-hours string ("0.7000000000000000"); null when it is not one. */
export function parseDecimalHours(text: unknown): number | null {
  if (typeof text !== 'string' && typeof text !== 'number') return null;
  const hours = Number(text);
  return Number.isFinite(hours) && hours >= 0 ? Math.round(hours * HOUR) : null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export const durations = { SECOND, MINUTE, HOUR } as const;
