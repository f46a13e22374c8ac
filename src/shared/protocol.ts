/**
 * The message protocol between the extension's pages (popup, options) and the background.
 * Pages send commands and render what storage says; answers only report how a command went.
 */
import type { Reason } from '../core/cor-response';
import type { AccountView } from './storage';

export type CommandError = 'not-running' | 'no-task' | 'invalid-task' | 'invalid-token';

export type CommandResult = { readonly ok: true } | { readonly ok: false; readonly error: CommandError };

export type SaveTokenResult =
  | { readonly ok: true; readonly account: AccountView }
  | { readonly ok: false; readonly error: CommandError }
  /** Saved, but COR could not confirm it: refused (auth) or unreachable. */
  | { readonly ok: false; readonly error: 'unconfirmed'; readonly reason: Reason };

export interface Protocol {
  'timer.start': { request: { readonly taskId: number }; response: CommandResult };
  'timer.stop': { request: Record<string, never>; response: CommandResult };
  'outbox.send-now': { request: Record<string, never>; response: CommandResult };
  'auth.save-token': { request: { readonly token: string }; response: SaveTokenResult };
  'auth.sign-out': { request: Record<string, never>; response: CommandResult };
}

export type MessageName = keyof Protocol;

export type Message = { [K in MessageName]: { readonly name: K; readonly data: Protocol[K]['request'] } }[MessageName];

const NAMES: ReadonlySet<string> = new Set<MessageName>([
  'timer.start',
  'timer.stop',
  'outbox.send-now',
  'auth.save-token',
  'auth.sign-out',
]);

/** Shape check at the trust boundary; each handler validates its own fields. */
export function isMessage(raw: unknown): raw is Message {
  if (typeof raw !== 'object' || raw === null) return false;
  const { name, data } = raw as { name?: unknown; data?: unknown };
  return typeof name === 'string' && NAMES.has(name) && typeof data === 'object' && data !== null;
}
