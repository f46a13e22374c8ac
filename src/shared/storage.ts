/**
 * Every key in `storage.local`, its shape, and its one writer. Storage is the single source of
 * truth; the popup and options render it and send commands, they never write these keys.
 * Shapes are versioned (`schemaVersion`, core/migrations.ts) and every value is read in full
 * (core/stored.ts): what a version cannot read is moved aside at worker start, never defaulted.
 */
import { defineFamily, defineItem, type StorageItem } from '../platform/storage-item';
import { upgradeSettings, type Settings } from '../core/settings';
import { PRESENT, type AwayState } from '../core/away-state';
import { NO_HEARTBEAT, type Heartbeat } from '../core/heartbeat';
import type { LoggedEntry, OutboxEntry } from '../core/outbox';
import type { TaskRef, TimerState } from '../core/timer';
import type { TodayEntry } from '../core/today-view';
import { isRecord } from '../core/guards';
import { ENTRY_PREFIX, QUARANTINE_PREFIX } from '../core/storage-keys';
import {
  readList,
  readQuarantined,
  readStoredEntry,
  readStoredLogged,
  readStoredTask,
  readStoredTimer,
  type Quarantined,
} from '../core/stored';

const valid =
  <T>(read: (raw: unknown) => T | null) =>
  (raw: unknown): raw is T =>
    read(raw) !== null;

/** `schemaVersion`: the shape of everything below (core/migrations.ts). Writer: background, at start. */
export const schemaVersionItem = defineItem<number | null>('schemaVersion', null, (raw): raw is number =>
  Number.isSafeInteger(raw),
);

/** `timer`: idle, or the running task, its owner and its start (epoch ms). Writer: background. */
export const timerItem = defineItem<TimerState>('timer', { status: 'idle' }, valid(readStoredTimer));

/**
 * `entry:<id>`: one key per stopped entry not yet in COR, each with its owner; listed oldest
 * stop first. One key each, so a step of one entry writes one entry, whatever the length of the
 * line. Writer: background.
 */
export const outboxItem = defineFamily<OutboxEntry>(
  ENTRY_PREFIX,
  readStoredEntry,
  (a, b) => a.stoppedAt - b.stoppedAt || a.id.localeCompare(b.id),
);

/** `quarantine:<key>`: values no version could read, with what was recovered, until the person decides. Writer: background. */
export const quarantineItem = defineFamily<Quarantined & { readonly key: string }>(
  QUARANTINE_PREFIX,
  (raw, key) => {
    const item = readQuarantined(raw);
    return item === null ? null : { ...item, key };
  },
  (a, b) => a.at - b.at,
);

/** `recentTasks`: the last tasks a timer ran on, newest first (the shortcut's "last task"). Writer: background. */
export const recentTasksItem = defineItem<TaskRef[]>(
  'recentTasks',
  [],
  (raw): raw is TaskRef[] => readList(raw, readStoredTask) !== null,
);

/** `pinnedTasks`: tasks the person pinned to the top of the picker, in pin order. Writer: background. */
export const pinnedTasksItem = defineItem<TaskRef[]>(
  'pinnedTasks',
  [],
  (raw): raw is TaskRef[] => readList(raw, readStoredTask) !== null,
);

/** `myTasks`: "My tasks" as COR last listed them (open, by deadline), for an instant picker. Writer: background. */
export interface MyTasks {
  readonly tasks: readonly TaskRef[];
  readonly fetchedAt: number | null;
}
export const myTasksItem = defineItem<MyTasks>(
  'myTasks',
  { tasks: [], fetchedAt: null },
  (raw): raw is MyTasks => isRecord(raw) && readList(raw.tasks, readStoredTask) !== null,
);

/** `recent`: the last entries COR confirmed, newest first. Writer: background. */
export const recentItem = defineItem<LoggedEntry[]>(
  'recent',
  [],
  (raw): raw is LoggedEntry[] => readList(raw, readStoredLogged) !== null,
);

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
  /**
   * Which sign-in these tokens belong to: new at every sign-in. A write that follows a network
   * wait (a refresh, a task list) is dropped when the generation it started under is gone.
   */
  readonly generation: string;
}
export const authItem = defineItem<AuthSecrets | null>(
  'auth',
  null,
  (raw): raw is AuthSecrets | null =>
    raw === null ||
    (isRecord(raw) &&
      typeof raw.accessToken === 'string' &&
      raw.accessToken !== '' &&
      typeof raw.generation === 'string'),
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
      /**
       * The company's web-app subdomain (`acme`), when the sign-in named it (consent page) or the
       * popup was opened on one of its task pages. Checked where used (core/cor-web.ts): the same
       * optional field as before, so no migration.
       */
      readonly company?: string | null;
    };
export const accountItem = defineItem<AccountView>(
  'account',
  { status: 'signed-out' },
  (raw): raw is AccountView =>
    isRecord(raw) && (raw.status === 'signed-out' || raw.status === 'signed-in' || raw.status === 'expired'),
);

export type { Settings, ToolbarClick } from '../core/settings';
export { DEFAULT_SETTINGS } from '../core/settings';

/**
 * `settings`: the person's choices. Writer: the options page (the only key it writes); the
 * background reads it and applies it. Read through `upgradeSettings`: settings stored by an
 * older version (fields missing) read as complete, with defaults for what is new.
 */
const storedSettings = defineItem<unknown>('settings', undefined, (raw): raw is unknown => raw !== undefined);
export const settingsItem: StorageItem<Settings> = {
  key: storedSettings.key,
  read: upgradeSettings,
  get: async () => upgradeSettings(await storedSettings.get()),
  watch: (callback, signal) => storedSettings.watch((raw) => callback(upgradeSettings(raw)), signal),
  entry: (value) => ({ [storedSettings.key]: value }),
  readStored: (stored) => upgradeSettings(stored[storedSettings.key]),
  owns: (key) => key === storedSettings.key,
};

/**
 * `away`: time away from the running timer — an absence still open, and the question "You were
 * away" until it is answered (`core/away.ts`). Writer: background.
 */
export const awayItem = defineItem<AwayState>(
  'away',
  PRESENT,
  (raw): raw is AwayState =>
    isRecord(raw) &&
    (raw.departedAt === null || typeof raw.departedAt === 'number') &&
    (raw.question === null ||
      (isRecord(raw.question) && typeof raw.question.leftAt === 'number' && typeof raw.question.backAt === 'number')),
);

/** `heartbeat`: the worker's last moment seen and the reminders already given (`core/heartbeat.ts`). Writer: background. */
export const heartbeatItem = defineItem<Heartbeat>(
  'heartbeat',
  NO_HEARTBEAT,
  (raw): raw is Heartbeat =>
    isRecord(raw) && (raw.lastSeen === null || typeof raw.lastSeen === 'number') && isRecord(raw.track),
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
