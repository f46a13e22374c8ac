/** Date-time parsing and COR's formats (ISO `...Z` on POST, zone-less UTC on GET, 16-decimal hours). */

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Strict RFC 3339 date-time with `Z` or a `±HH:MM` offset: a real calendar date and clock time.
 * Returns epoch milliseconds, or null when the text is not such a date-time.
 */
export function parseDateTime(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const fraction = m[7] ?? '';
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  let offsetMinutes = 0;
  const zone = m[8] ?? 'Z';
  if (zone !== 'Z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}

/** `YYYY-MM-DD` as a real date; returns the UTC midnight in ms, or null. */
export function parseDateOnly(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = DATE_ONLY.exec(text);
  if (!m) return null;
  const [year, month, day] = m.slice(1, 4).map(Number) as [number, number, number];
  return validDate(year, month, day) ? Date.UTC(year, month - 1, day) : null;
}

/** Drop milliseconds: COR stores seconds. */
export function truncateToSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** `2026-02-06T00:00:00Z` (seconds precision). */
export function formatIsoZ(ms: number): string {
  return `${new Date(truncateToSecond(ms)).toISOString().slice(0, 19)}Z`;
}

/** `2026-02-06 00:00:00` in UTC, the zone-less form GET /hours answers with. */
export function formatZoneless(ms: number): string {
  return new Date(truncateToSecond(ms)).toISOString().slice(0, 19).replace('T', ' ');
}

/** Convert a stored ISO `...Z` string to the zone-less UTC form; null stays null. */
export function isoToZoneless(iso: string | null): string | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatZoneless(ms);
}

/** Whole seconds as decimal hours with 16 decimals, rounded half up: 42 s -> "0.0116666666666667". */
export function decimalHours(seconds: number): string {
  const scale = 10n ** 16n;
  const s = BigInt(Math.max(0, Math.round(seconds)));
  const scaled = (s * scale * 2n + 3600n) / (3600n * 2n);
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(16, '0');
  return `${whole}.${fraction}`;
}
