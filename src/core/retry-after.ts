/**
 * `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. The header comes from COR or
 * from anything between us and COR, so its word is bounded: one absurd value must not park
 * the whole outbox (delivery is in order) for years.
 */
import { durations } from './time';

/** The longest wait a `Retry-After` can impose; our own backoff takes over after that. */
export const MAX_RETRY_AFTER_MS = durations.HOUR;

/** delay-seconds is digits only: no sign, no fraction (a "-5" or "1.5" is not a delay). */
const DELAY_SECONDS = /^\d+$/;
/**
 * The three HTTP-date forms all begin with a day name ("Sun, 06 Nov 1994 …", "Sunday, 06-Nov-94 …",
 * "Sun Nov  6 …"). Requiring it keeps `Date.parse`'s leniency out: it reads "-5" or "2026" as dates.
 */
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? [ -~]+$/;

/** The wait in ms, at most MAX_RETRY_AFTER_MS; null when absent or unreadable (then the header is ignored). */
export function parseRetryAfter(value: string | null, now: number): number | null {
  const text = value?.trim() ?? '';
  let wait: number;
  if (DELAY_SECONDS.test(text)) wait = Number(text) * durations.SECOND;
  else if (HTTP_DATE.test(text)) wait = Date.parse(text) - now;
  else return null;
  if (Number.isNaN(wait)) return null;
  return Math.min(Math.max(0, wait), MAX_RETRY_AFTER_MS);
}
