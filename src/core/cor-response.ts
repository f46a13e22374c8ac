/**
 * Every answer from COR (or the lack of one) is classified here, once. Everything downstream
 * branches on the class, never on raw status codes.
 */
import { isRecord } from './guards';
import { parseRetryAfter } from './retry-after';
import { durations } from './time';

/** What the network layer saw, before any interpretation. */
export type HttpResult =
  | { readonly kind: 'response'; readonly status: number; readonly body: string; readonly retryAfter: string | null }
  /** fetch rejected (refused, reset, TLS, DNS): the request may or may not have reached COR. */
  | { readonly kind: 'network-error' }
  /** No answer within our time limit: COR may have acted on it. */
  | { readonly kind: 'timeout' }
  /** The browser says it is offline; nothing was sent. */
  | { readonly kind: 'offline' }
  /**
   * The request could not even be built (say, a header value the browser refuses): it never
   * left, so it cannot have booked anything.
   */
  | { readonly kind: 'not-sent' }
  /**
   * It failed and the browser says we may not reach COR at all: in Firefox the person can refuse
   * or withdraw the host permission. Whether a request left before the refusal is unknown.
   */
  | { readonly kind: 'not-allowed' };

export type ReasonCode =
  | 'offline'
  | 'network'
  /** The browser was not allowed to reach COR (Firefox: host permission refused). */
  | 'not-allowed'
  /** A request we could not send at all (nothing reached COR). */
  | 'not-sent'
  | 'timeout'
  | 'server-error'
  /** COR (or something in between) answered with a body we could not read. */
  | 'malformed'
  | 'unavailable'
  | 'rate-limited'
  | 'unauthorized'
  | 'signed-out'
  | 'session-expired'
  | 'rejected'
  | 'task-not-found'
  | 'forbidden'
  | 'clock-jumped'
  /** Something no rule covers went wrong while handling the entry (set aside, never blocking others). */
  | 'unexpected'
  /** Longer than the person's "remind me" limit, stopped outside the popup: held to check the times. */
  | 'long-entry';

/** Why something did not go through, in a form the UI can turn into the person's words. */
export interface Reason {
  readonly code: ReasonCode;
  readonly status?: number;
  /** COR's own message, shown as text, never as HTML. */
  readonly message?: string;
}

export type Classified =
  | { readonly class: 'ok'; readonly data: unknown }
  | { readonly class: 'auth'; readonly reason: Reason }
  | {
      readonly class: 'retryable';
      readonly reason: Reason;
      readonly retryAfterMs?: number;
      /** True when COR may have acted on the request although we saw no answer. */
      readonly outcomeUnknown: boolean;
    }
  | { readonly class: 'rejected'; readonly reason: Reason };

/** COR's docs advise waiting about five minutes after a 503. */
export const UNAVAILABLE_WAIT_MS = 5 * durations.MINUTE;

export function classify(result: HttpResult, now: number): Classified {
  switch (result.kind) {
    case 'offline':
      return { class: 'retryable', reason: { code: 'offline' }, outcomeUnknown: false };
    case 'network-error':
      return { class: 'retryable', reason: { code: 'network' }, outcomeUnknown: true };
    case 'not-allowed':
      return { class: 'retryable', reason: { code: 'not-allowed' }, outcomeUnknown: true };
    case 'not-sent':
      return { class: 'retryable', reason: { code: 'not-sent' }, outcomeUnknown: false };
    case 'timeout':
      return { class: 'retryable', reason: { code: 'timeout' }, outcomeUnknown: true };
    case 'response':
      return classifyResponse(result, now);
  }
}

function classifyResponse(result: Extract<HttpResult, { kind: 'response' }>, now: number): Classified {
  const { status } = result;
  const json = parseJson(result.body);
  if (status >= 200 && status < 300) return { class: 'ok', data: json };
  const reason = (code: ReasonCode): Reason => withMessage({ code, status }, corMessage(json));
  if (status === 401) return { class: 'auth', reason: reason('unauthorized') };
  if (status === 429) {
    return { class: 'retryable', reason: reason('rate-limited'), outcomeUnknown: false, ...retryAfter(result, now) };
  }
  if (status === 503) {
    const wait = parseRetryAfter(result.retryAfter, now) ?? UNAVAILABLE_WAIT_MS;
    return { class: 'retryable', reason: reason('unavailable'), outcomeUnknown: false, retryAfterMs: wait };
  }
  if (status >= 500 || status === 408) {
    return { class: 'retryable', reason: reason('server-error'), outcomeUnknown: false, ...retryAfter(result, now) };
  }
  if (status === 403) return { class: 'rejected', reason: reason('forbidden') };
  if (status === 404 || isMissingTask(json)) return { class: 'rejected', reason: reason('task-not-found') };
  return { class: 'rejected', reason: reason('rejected') };
}

function retryAfter(result: { retryAfter: string | null }, now: number): { retryAfterMs?: number } {
  const ms = parseRetryAfter(result.retryAfter, now);
  return ms === null ? {} : { retryAfterMs: ms };
}

export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

const MAX_MESSAGE = 300;

/**
 * COR's error bodies come in several documented shapes: `{error, message}`, CORCustomError
 * `{status, name, code, message}`, CORErrorResponse `{status, code, message}`, and validation
 * arrays `[{field, validation, message}]`. Anything else yields no message.
 */
export function corMessage(json: unknown): string | undefined {
  let text: string | undefined;
  if (Array.isArray(json)) {
    text = json
      .map((item: unknown) => (isRecord(item) && typeof item.message === 'string' ? item.message : null))
      .filter((m): m is string => m !== null && m.trim() !== '')
      .join('; ');
  } else if (isRecord(json) && typeof json.message === 'string') {
    text = json.message;
  }
  text = text?.trim();
  if (!text) return undefined;
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}

/** COR answers an unknown task id on POST /hours with a 417 `exists` validation on the id. */
function isMissingTask(json: unknown): boolean {
  return (
    Array.isArray(json) &&
    json.some(
      (item: unknown) =>
        isRecord(item) && item.validation === 'exists' && (item.field === 'task_log_id' || item.field === 'task_id'),
    )
  );
}

function withMessage(reason: Reason, message: string | undefined): Reason {
  return message === undefined ? reason : { ...reason, message };
}

// Its home is core/guards.ts; the worker's modules still import it from here.
export { isRecord };
