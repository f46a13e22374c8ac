/**
 * The message protocol between the extension's pages (popup, options) and the background.
 * Pages send commands and render what storage says; answers only report how a command went.
 */
import type { Reason } from '../core/cor-response';
import type { AccountView } from './storage';

export type CommandError = 'not-running' | 'no-task' | 'invalid-task';

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

export interface Protocol {
  'timer.start': { request: { readonly taskId: number }; response: CommandResult };
  'timer.stop': { request: Record<string, never>; response: CommandResult };
  'outbox.send-now': { request: Record<string, never>; response: CommandResult };
  'auth.sign-in': { request: SignInRequest; response: SignInResult };
  /** Without `confirm`, refuses while entries wait, so the page can warn first. */
  'auth.sign-out': { request: { readonly confirm: boolean }; response: SignOutResult };
}

export type MessageName = keyof Protocol;

export type Message = { [K in MessageName]: { readonly name: K; readonly data: Protocol[K]['request'] } }[MessageName];

const NAMES: ReadonlySet<string> = new Set<MessageName>([
  'timer.start',
  'timer.stop',
  'outbox.send-now',
  'auth.sign-in',
  'auth.sign-out',
]);

/** Shape check at the trust boundary; each handler validates its own fields. */
export function isMessage(raw: unknown): raw is Message {
  if (typeof raw !== 'object' || raw === null) return false;
  const { name, data } = raw as { name?: unknown; data?: unknown };
  return typeof name === 'string' && NAMES.has(name) && typeof data === 'object' && data !== null;
}
