/**
 * Every answer from COR (or the lack of one) is classified here, once. Everything downstream
 * branches on the class, never on raw status codes.
 */
import { durations } from './time';

/** What the network layer saw, before any interpretation. */
export type HttpResult =
  | { readonly kind: 'response'; readonly status: number; readonly body: string; readonly retryAfter: string | null }
  /** fetch rejected (refused, reset, TLS, DNS): the request may or may not have reached COR. */
  | { readonly kind: 'network-error' }
  /** No answer within our time limit: COR may have acted on it. */
  | { readonly kind: 'timeout' }
  /** The browser says it is offline; nothing was sent. */
  | { readonly kind: 'offline' };

export type ReasonCode =
  | 'offline'
  | 'network'
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
  | 'unexpected';

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

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * durations.SECOND;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
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

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
