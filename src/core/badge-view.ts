/**
 * What the toolbar icon shows, from stored state and the current time. Pure: the background
 * renders it (badge text, colour, icon, tooltip) on every state change and on a minute alarm.
 */
import { formatHoursMinutes, durations } from './time';
import type { TaskRef, TimerState } from './timer';

export type BadgeView =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly text: string; readonly task: TaskRef; readonly startedAt: number }
  /** Entries wait or fail, or the session expired: `!` wins over the elapsed time until it is dealt with. */
  | { readonly kind: 'attention'; readonly running: { readonly task: TaskRef; readonly startedAt: number } | null }
  /** "You were away" waits for an answer: `?` until the person answers. */
  | { readonly kind: 'away'; readonly task: TaskRef };

export interface BadgeInput {
  readonly timer: TimerState;
  /** Entries not in COR yet, anyone's (another account's waiting entries count too). */
  readonly waiting: number;
  readonly sessionExpired: boolean;
  readonly now: number;
  readonly awayPending?: boolean;
}

export function badgeView({ timer, waiting, sessionExpired, now, awayPending }: BadgeInput): BadgeView {
  const running = timer.status === 'running' ? { task: timer.task, startedAt: timer.startedAt } : null;
  if (awayPending === true && running !== null) return { kind: 'away', task: running.task };
  if (waiting > 0 || sessionExpired) return { kind: 'attention', running };
  if (running === null) return { kind: 'idle' };
  return { kind: 'running', text: formatBadgeElapsed(now - running.startedAt), ...running };
}

/**
 * Elapsed time for the badge, which has room for about four characters: `0:00` … `99:59`, then
 * whole hours (`100h`), since minutes no longer matter at that size and would be cut off.
 */
export function formatBadgeElapsed(ms: number): string {
  const hours = Math.floor(Math.max(0, ms) / durations.HOUR);
  return hours < 100 ? formatHoursMinutes(ms) : `${hours}h`;
}

/** The next moment the badge text changes: the next whole minute of elapsed time. */
export function nextBadgeMinute(startedAt: number, now: number): number {
  const elapsed = Math.max(0, now - startedAt);
  return startedAt + (Math.floor(elapsed / durations.MINUTE) + 1) * durations.MINUTE;
}
