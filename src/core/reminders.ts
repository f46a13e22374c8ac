/**
 * Reminders that only speak up, never change anything: a timer running longer than the
 * person's limit ("Still working on …?"), and activity without a timer within working hours
 * ("You're not tracking time"). Pure: the worker passes the moment, the zone and what it saw.
 */
import { localParts } from './local-time';
import type { TrackReminder } from './settings';
import { durations } from './time';
import type { TrackState } from './heartbeat';

// Stored with the heartbeat (core/heartbeat.ts), which the pages' storage items read without this module.
export { NOT_TRACKING, type TrackState } from './heartbeat';

/** The long-running reminder is due once per timer: when its length reaches the limit. */
export function longRunningDue(startedAt: number, now: number, limitMs: number, remindedFor: number | null): boolean {
  return now - startedAt >= limitMs && remindedFor !== startedAt;
}

/** At most one "You're not tracking time" an hour. */
export const TRACK_REMINDER_GAP_MS = durations.HOUR;

export interface TrackInput {
  readonly now: number;
  readonly active: boolean;
  readonly timerRunning: boolean;
  readonly settings: TrackReminder;
  readonly timeZone: string;
}

export function withinHours(now: number, settings: TrackReminder, timeZone: string): boolean {
  const p = localParts(now, timeZone);
  const minute = p.hour * 60 + p.minute;
  return settings.days.includes(p.weekday) && minute >= settings.fromMinute && minute < settings.toMinute;
}

export function trackStep(state: TrackState, input: TrackInput): { state: TrackState; remind: boolean } {
  const { now, settings } = input;
  const counting =
    settings.enabled && input.active && !input.timerRunning && withinHours(now, settings, input.timeZone);
  if (!counting) return { state: { ...state, activeSince: null }, remind: false };
  const activeSince = state.activeSince === null || state.activeSince > now ? now : state.activeSince;
  const longEnough = now - activeSince >= settings.afterMinutes * durations.MINUTE;
  const quiet = state.remindedAt === null || now - state.remindedAt >= TRACK_REMINDER_GAP_MS || state.remindedAt > now;
  if (longEnough && quiet) return { state: { activeSince, remindedAt: now }, remind: true };
  return { state: { ...state, activeSince }, remind: false };
}
