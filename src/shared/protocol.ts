/**
 * The message protocol between the extension's pages (popup, options) and the background.
 * Pages send commands and render what storage says; answers only report how a command went
 * (and, for task searches, what COR found).
 */
import type { AwayAnswer } from '../core/away';
import type { Reason } from '../core/cor-response';
import type { TaskRef, TimerError } from '../core/timer';
import type { AccountView } from './storage';

/**
 * `entry-gone`: the outbox entry acted on is no longer waiting for the person (delivered, changed, discarded).
 * `storage-failed`: the browser refused to save the change (quota, disk); nothing changed.
 * `away-pending`: "You were away" waits for an answer; nothing stops or switches the timer before it.
 */
export type CommandError = TimerError | 'invalid-task' | 'entry-gone' | 'storage-failed' | 'away-pending';

export type CommandResult = { readonly ok: true } | { readonly ok: false; readonly error: CommandError };

/** The ways to sign in. The password travels once, to the background and on to COR; it is never stored. */
export type SignInRequest =
  | { readonly method: 'password'; readonly email: string; readonly password: string }
  | { readonly method: 'company'; readonly company: string }
  | { readonly method: 'api-key'; readonly key: string; readonly secret: string }
  | { readonly method: 'token'; readonly token: string };

export type SignInError =
  | 'invalid-input'
  | 'invalid-company'
  | 'wrong-credentials'
  | 'consent-denied'
  | 'consent-failed'
  | 'cor-unreachable'
  | 'cor-error'
  | 'malformed-answer';

export type SignInResult =
  | { readonly ok: true; readonly account: AccountView }
  | { readonly ok: false; readonly error: SignInError; readonly reason?: Reason };

/**
 * Without `confirm`, refused while the person's entries wait; without `timer`, refused while a
 * timer runs (stop and log it for its owner, or discard it: it never runs on ownerless).
 */
export interface SignOutRequest {
  readonly confirm: boolean;
  readonly timer?: 'stop' | 'discard';
}

export type SignOutResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: 'entries-waiting'; readonly count: number }
  | { readonly ok: false; readonly error: 'timer-running'; readonly task: TaskRef }
  | { readonly ok: false; readonly error: 'storage-failed' };

export type SearchResult =
  { readonly ok: true; readonly tasks: readonly TaskRef[] } | { readonly ok: false; readonly reason: Reason };

/** `not-found`: COR says there is no such task; `unknown`: COR could not be asked. */
export type LookupResult =
  { readonly ok: true; readonly task: TaskRef } | { readonly ok: false; readonly error: 'not-found' | 'unknown' };

type None = Record<string, never>;

export interface Protocol {
  'timer.start': { request: { readonly task: TaskRef }; response: CommandResult };
  'timer.stop': { request: None; response: CommandResult };
  /** Without `confirmed`, refuses a start before the previous entry's stop (`overlaps-previous`). */
  'timer.adjust-start': {
    request: { readonly startedAt: number; readonly confirmed: boolean };
    response: CommandResult;
  };
  'timer.discard': { request: None; response: CommandResult };
  'timer.undo-discard': { request: None; response: CommandResult };
  /** "Stop at…": stops the running timer at that moment (between its start and now). */
  'timer.stop-at': { request: { readonly at: number }; response: CommandResult };
  /** The answer to "You were away". */
  'away.answer': { request: { readonly answer: AwayAnswer }; response: CommandResult };
  /** Needs attention: send the entry with corrected times ("Stop at…", clock changed). */
  'outbox.retime': {
    request: { readonly id: string; readonly startedAt: number; readonly stoppedAt: number };
    response: CommandResult;
  };
  'tasks.search': { request: { readonly query: string }; response: SearchResult };
  'tasks.lookup': { request: { readonly id: number }; response: LookupResult };
  /** Refreshes "My tasks" from COR into storage. */
  'tasks.refresh': { request: None; response: CommandResult };
  'tasks.pin': { request: { readonly task: TaskRef; readonly pinned: boolean }; response: CommandResult };
  'outbox.send-now': { request: None; response: CommandResult };
  /** The person's decisions on a "Needs attention" entry. */
  'outbox.retry': { request: { readonly id: string }; response: CommandResult };
  'outbox.move': { request: { readonly id: string; readonly task: TaskRef }; response: CommandResult };
  'outbox.discard': { request: { readonly id: string }; response: CommandResult };
  'auth.sign-in': { request: SignInRequest; response: SignInResult };
  'auth.sign-out': { request: SignOutRequest; response: SignOutResult };
  /** Another account's (or an unknown account's) entry: discard it, or send it as the signed-in person. */
  'outbox.discard-other': { request: { readonly id: string }; response: CommandResult };
  'outbox.claim': { request: { readonly id: string }; response: CommandResult };
  /** An entry or timer set aside as unreadable: send what was recovered, or discard it. */
  'quarantine.retry': { request: { readonly key: string }; response: CommandResult };
  'quarantine.discard': { request: { readonly key: string }; response: CommandResult };
  /** Reads my hours of today from COR into `today`. */
  'today.refresh': { request: None; response: CommandResult };
  /** The popup opened on this COR task page: its company is where "Open in COR" links go. */
  'account.page-seen': { request: { readonly url: string }; response: CommandResult };
}

export type MessageName = keyof Protocol;

export type Message = { [K in MessageName]: { readonly name: K; readonly data: Protocol[K]['request'] } }[MessageName];

const NAMES: ReadonlySet<string> = new Set<MessageName>([
  'timer.start',
  'timer.stop',
  'timer.adjust-start',
  'timer.discard',
  'timer.undo-discard',
  'timer.stop-at',
  'away.answer',
  'outbox.retime',
  'tasks.search',
  'tasks.lookup',
  'tasks.refresh',
  'tasks.pin',
  'outbox.send-now',
  'outbox.retry',
  'outbox.move',
  'outbox.discard',
  'auth.sign-in',
  'auth.sign-out',
  'outbox.discard-other',
  'outbox.claim',
  'quarantine.retry',
  'quarantine.discard',
  'today.refresh',
  'account.page-seen',
]);

/** Shape check at the trust boundary; each handler validates its own fields. */
export function isMessage(raw: unknown): raw is Message {
  if (typeof raw !== 'object' || raw === null) return false;
  const { name, data } = raw as { name?: unknown; data?: unknown };
  return typeof name === 'string' && NAMES.has(name) && typeof data === 'object' && data !== null;
}
