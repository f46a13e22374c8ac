/**
 * Reading COR's `Hour` records: turning POST /hours' answer into what we show, and recognising
 * an entry of ours among the hours COR lists (the duplicate check; COR has no idempotency key).
 */
import { isRecord } from './guards';
import { cutTitle } from './cor-text';
import type { LoggedEntry } from './outbox';
import type { StoppedEntry } from './timer';
import { parseCorDateTime, parseDecimalHours, toWholeSeconds } from './time';

/** The logged record from COR's answer; falls back to our own times where COR's are unreadable. */
export function loggedFromHour(entry: StoppedEntry, hour: unknown, now: number): LoggedEntry {
  const record = isRecord(hour) ? hour : {};
  const corId = toInteger(record.id);
  const durationMs = parseDecimalHours(record.duration) ?? entry.stoppedAt - entry.startedAt;
  const corTitle =
    isRecord(record.task) && typeof record.task.title === 'string' ? cutTitle(record.task.title) : undefined;
  const title = entry.task.title ?? corTitle;
  return {
    entryId: entry.id,
    corId,
    task: title === undefined ? { id: entry.task.id } : { id: entry.task.id, title },
    startedAt: entry.startedAt,
    stoppedAt: entry.stoppedAt,
    durationMs,
    loggedAt: now,
  };
}

/** COR's answer to POST /hours is the `Hour` it stored; without its id we cannot tell it is one. */
export function isHour(json: unknown): boolean {
  return isRecord(json) && toInteger(json.id) !== null;
}

/** Same task and same start to the second: what COR stores of a POST we made. */
export function isSameEntry(hour: unknown, entry: StoppedEntry): boolean {
  if (!isRecord(hour) || toInteger(hour.task_log_id) !== entry.task.id || typeof hour.start !== 'string') return false;
  const start = parseCorDateTime(hour.start);
  return start !== null && toWholeSeconds(start) === toWholeSeconds(entry.startedAt);
}

export interface HoursPage {
  readonly hours: readonly unknown[];
  readonly lastPage: number;
}

/** `PaginatedHoursResponse`; COR sends some numbers as strings (`"page": "1"`). */
export function readHoursPage(json: unknown): HoursPage | null {
  if (!isRecord(json) || !Array.isArray(json.data)) return null;
  return { hours: json.data, lastPage: toInteger(json.lastPage) ?? 1 };
}

/** An integer from a number or a numeric string, as COR sends either. */
export function toInteger(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : null;
}
