/**
 * Every key in `storage.local`, its shape, and its one writer. Storage is the single source of
 * truth; the popup and options render it and send commands, they never write these keys.
 */
import { defineItem } from '../platform/storage-item';
import type { LoggedEntry, OutboxEntry } from '../core/outbox';
import type { TaskRef, TimerState } from '../core/timer';
import type { TodayEntry } from '../core/today';
import { isRecord } from '../core/cor-response';

/** `timer`: idle, or the running task and its start (epoch ms). Writer: background. */
export const timerItem = defineItem<TimerState>('timer', { status: 'idle' }, (raw): raw is TimerState => {
  if (!isRecord(raw)) return false;
  if (raw.status === 'idle') return true;
  return (
    raw.status === 'running' &&
    typeof raw.startedAt === 'number' &&
    isRecord(raw.task) &&
    typeof raw.task.id === 'number'
  );
});

/** `outbox`: stopped entries not yet in COR, oldest first. Writer: background. */
export const outboxItem = defineItem<OutboxEntry[]>(
  'outbox',
  [],
  (raw): raw is OutboxEntry[] =>
    Array.isArray(raw) && raw.every((e) => isRecord(e) && typeof e.id === 'string' && typeof e.startedAt === 'number'),
);

/** `recentTasks`: the last tasks a timer ran on, newest first (the shortcut's "last task"). Writer: background. */
export const recentTasksItem = defineItem<TaskRef[]>(
  'recentTasks',
  [],
  (raw): raw is TaskRef[] => Array.isArray(raw) && raw.every((t) => isRecord(t) && typeof t.id === 'number'),
);

/** `pinnedTasks`: tasks the person pinned to the top of the picker, in pin order. Writer: background. */
export const pinnedTasksItem = defineItem<TaskRef[]>(
  'pinnedTasks',
  [],
  (raw): raw is TaskRef[] => Array.isArray(raw) && raw.every((t) => isRecord(t) && typeof t.id === 'number'),
);

/** `myTasks`: "My tasks" as COR last listed them (open, by deadline), for an instant picker. Writer: background. */
export interface MyTasks {
  readonly tasks: readonly TaskRef[];
  readonly fetchedAt: number | null;
}
export const myTasksItem = defineItem<MyTasks>(
  'myTasks',
  { tasks: [], fetchedAt: null },
  (raw): raw is MyTasks => isRecord(raw) && Array.isArray(raw.tasks),
);

/** `recent`: the last entries COR confirmed, newest first. Writer: background. */
export const recentItem = defineItem<LoggedEntry[]>('recent', [], (raw): raw is LoggedEntry[] => Array.isArray(raw));

/** How the person signed in: a COR password, their company's consent page, an API key, or a pasted token. */
export type AuthMethod = 'password' | 'company' | 'api-key' | 'token';

/**
 * `auth`: the credentials. SECRET: read and written only by the background, never sent to a
 * page, never logged, never in `storage.sync`. Passwords are never stored. Writer: background.
 */
export interface AuthSecrets {
  readonly method: AuthMethod;
  readonly accessToken: string;
  /** COR rotates it on every refresh; null when COR gave none (a pasted token). */
  readonly refreshToken?: string | null;
  /** Epoch ms when the access token lapses; null or absent when unknown. */
  readonly expiresAt?: number | null;
  /** API-key sign-in only: kept like a token, to get a new token when one lapses. */
  readonly client?: { readonly key: string; readonly secret: string } | null;
}
export const authItem = defineItem<AuthSecrets | null>(
  'auth',
  null,
  (raw): raw is AuthSecrets | null =>
    raw === null || (isRecord(raw) && typeof raw.accessToken === 'string' && raw.accessToken !== ''),
);

/**
 * `account`: what the pages may know about the session: who, and whether COR still accepts
 * us. No secrets. Writer: background.
 */
export type AccountView =
  | { readonly status: 'signed-out' }
  | {
      readonly status: 'signed-in' | 'expired';
      readonly method: AuthMethod;
      readonly userId: number | null;
      readonly name: string | null;
      readonly picture: string | null;
    };
export const accountItem = defineItem<AccountView>(
  'account',
  { status: 'signed-out' },
  (raw): raw is AccountView =>
    isRecord(raw) && (raw.status === 'signed-out' || raw.status === 'signed-in' || raw.status === 'expired'),
);

/** What a click on the toolbar icon does: open the popup, or start and stop the timer. */
export type ToolbarClick = 'popup' | 'toggle';

export interface Settings {
  readonly toolbarClick: ToolbarClick;
  /** Notify when the timer starts or stops from the shortcut, the icon or a menu (the popup shows it itself). */
  readonly notifications: boolean;
}

export const DEFAULT_SETTINGS: Settings = { toolbarClick: 'popup', notifications: true };

/**
 * `settings`: the person's choices. Writer: the options page (the only key it writes); the
 * background reads it and applies it.
 */
export const settingsItem = defineItem<Settings>(
  'settings',
  DEFAULT_SETTINGS,
  (raw): raw is Settings =>
    isRecord(raw) &&
    (raw.toolbarClick === 'popup' || raw.toolbarClick === 'toggle') &&
    typeof raw.notifications === 'boolean',
);

/**
 * `today`: my hours COR holds for one local day, for an instant "Today" in the popup. `failedAt`
 * is set when the last refresh could not reach COR (the popup then says "as of"). Writer: background.
 */
export interface TodayCache {
  readonly date: string;
  readonly userId: number;
  readonly entries: readonly TodayEntry[];
  readonly fetchedAt: number;
  readonly failedAt: number | null;
  /** COR's `daily_hours` from `/me`, in ms; null when COR gives none. */
  readonly dailyMs: number | null;
}
export const todayItem = defineItem<TodayCache | null>(
  'today',
  null,
  (raw): raw is TodayCache | null =>
    raw === null ||
    (isRecord(raw) &&
      typeof raw.date === 'string' &&
      typeof raw.fetchedAt === 'number' &&
      Array.isArray(raw.entries) &&
      raw.entries.every((e) => isRecord(e) && typeof e.corId === 'number' && isRecord(e.task))),
);
