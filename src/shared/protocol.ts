/**
 * The message protocol between the extension's pages (popup, options) and the background.
 * Pages send commands and render what storage says; answers only report how a command went
 * (and, for task searches, what COR found).
 */
import type { Reason } from '../core/cor-response';
import type { TaskRef, TimerError } from '../core/timer';
import type { AccountView } from './storage';

/** `entry-gone`: the outbox entry acted on is no longer waiting for the person (delivered, changed, discarded). */
/** `signed-out`: no timer starts without a COR session (its hours could go nowhere). */
export type CommandError = TimerError | 'invalid-task' | 'entry-gone' | 'signed-out';

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

export type SignOutResult =
  { readonly ok: true } | { readonly ok: false; readonly error: 'entries-waiting'; readonly count: number };

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
  /** Without `confirm`, refuses while entries wait, so the page can warn first. */
  'auth.sign-out': { request: { readonly confirm: boolean }; response: SignOutResult };
  /** Reads my hours of today from COR into `today`. */
  'today.refresh': { request: None; response: CommandResult };
}

export type MessageName = keyof Protocol;

export type Message = { [K in MessageName]: { readonly name: K; readonly data: Protocol[K]['request'] } }[MessageName];

const NAMES: ReadonlySet<string> = new Set<MessageName>([
  'timer.start',
  'timer.stop',
  'timer.adjust-start',
  'timer.discard',
  'timer.undo-discard',
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
  'today.refresh',
]);

/** Shape check at the trust boundary; each handler validates its own fields. */
export function isMessage(raw: unknown): raw is Message {
  if (typeof raw !== 'object' || raw === null) return false;
  const { name, data } = raw as { name?: unknown; data?: unknown };
  return typeof name === 'string' && NAMES.has(name) && typeof data === 'object' && data !== null;
}
