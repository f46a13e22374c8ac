/**
 * The person's settings and how any stored version of them is read. Fields added after a
 * version shipped are missing from what that version stored: they take their defaults, and a
 * field of the wrong type or out of range falls back alone, never taking the others with it.
 */
import { isRecord } from './guards';

/** What a click on the toolbar icon does: open the popup, or start and stop the timer. */
export type ToolbarClick = 'popup' | 'toggle';

/** "When the browser closes": keep the timer running, or stop it at the moment the browser closed. */
export type BrowserClose = 'keep' | 'stop';

/** "Remind me to track time": on which weekdays (0 = Sunday), between which minutes of the day. */
export interface TrackReminder {
  readonly enabled: boolean;
  readonly days: readonly number[];
  readonly fromMinute: number;
  readonly toMinute: number;
  /** Minutes of activity without a timer before the reminder. */
  readonly afterMinutes: number;
}

export interface Settings {
  readonly toolbarClick: ToolbarClick;
  /** Notify when the timer starts or stops from the shortcut, the icon or a menu (the popup shows it itself). */
  readonly notifications: boolean;
  /** "Ask about time away". */
  readonly askAway: boolean;
  /** "Minutes away before asking": whole minutes, 1–240. */
  readonly awayMinutes: number;
  /** "Remind me when a timer runs longer than" (hours, 1–24); also the long-entry limit. */
  readonly remindAfterHours: number;
  readonly trackReminder: TrackReminder;
  readonly browserClose: BrowserClose;
}

export const AWAY_MINUTES = { min: 1, max: 240 } as const;
export const REMIND_HOURS = { min: 1, max: 24 } as const;

export const DEFAULT_SETTINGS: Settings = {
  toolbarClick: 'popup',
  notifications: true,
  askAway: true,
  awayMinutes: 5,
  remindAfterHours: 10,
  trackReminder: { enabled: false, days: [1, 2, 3, 4, 5], fromMinute: 9 * 60, toMinute: 18 * 60, afterMinutes: 15 },
  browserClose: 'keep',
};

/** Reads any stored settings (today's, older ones, or garbage) into a complete, valid value. */
export function upgradeSettings(raw: unknown): Settings {
  const r = isRecord(raw) ? raw : {};
  const d = DEFAULT_SETTINGS;
  return {
    toolbarClick: r.toolbarClick === 'toggle' || r.toolbarClick === 'popup' ? r.toolbarClick : d.toolbarClick,
    notifications: typeof r.notifications === 'boolean' ? r.notifications : d.notifications,
    askAway: typeof r.askAway === 'boolean' ? r.askAway : d.askAway,
    awayMinutes: wholeIn(r.awayMinutes, AWAY_MINUTES) ?? d.awayMinutes,
    remindAfterHours: wholeIn(r.remindAfterHours, REMIND_HOURS) ?? d.remindAfterHours,
    trackReminder: readTrackReminder(r.trackReminder),
    browserClose: r.browserClose === 'stop' || r.browserClose === 'keep' ? r.browserClose : d.browserClose,
  };
}

function readTrackReminder(raw: unknown): TrackReminder {
  const d = DEFAULT_SETTINGS.trackReminder;
  if (!isRecord(raw)) return d;
  const days = Array.isArray(raw.days) ? raw.days.filter((x) => wholeIn(x, { min: 0, max: 6 }) !== null) : null;
  return {
    enabled: typeof raw.enabled === 'boolean' ? raw.enabled : d.enabled,
    days: days === null ? d.days : [...new Set(days as number[])].sort(),
    fromMinute: wholeIn(raw.fromMinute, { min: 0, max: 1439 }) ?? d.fromMinute,
    toMinute: wholeIn(raw.toMinute, { min: 1, max: 1440 }) ?? d.toMinute,
    afterMinutes: wholeIn(raw.afterMinutes, { min: 1, max: 240 }) ?? d.afterMinutes,
  };
}

/** The value when it is a whole number within the range, else null. */
export function wholeIn(value: unknown, range: { readonly min: number; readonly max: number }): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max
    ? value
    : null;
}
