/**
 * The one place the extension talks to the network. It only ever calls COR's API origin, so a
 * token can never leave for another host, and it reports what it saw without judging it.
 */
import { COR_API_BASE, type CorRequest } from '../core/cor-requests';
import type { HttpResult } from '../core/cor-response';
import { mayReachCor } from '../platform/permissions';
import { readCapped } from './read-capped';

/** Long enough for a slow COR, short enough that a lost answer is retried the same minute. */
export const REQUEST_TIMEOUT_MS = 15_000;
/**
 * COR's largest answers are pages of 50 tasks or hours (tens of kB). A body past this is no
 * answer of COR's; reading it whole would only let a proxy fill the worker's memory.
 */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export async function execute(request: CorRequest, bearer?: string): Promise<HttpResult> {
  if (!request.url.startsWith(`${COR_API_BASE}/`)) throw new Error('Refusing a request outside the COR API');
  if (globalThis.navigator?.onLine === false) return { kind: 'offline' };
  // The time limit covers the answer and its body. A timer cleared at the end, not
  // AbortSignal.timeout: that one keeps its signal, and the request's signals that follow it,
  // alive for the whole 15 s after the answer came (≈ 0.3 KB a request: docs/PERFORMANCE.md).
  const limit = new AbortController();
  const timer = setTimeout(() => limit.abort(new DOMException('', 'TimeoutError')), REQUEST_TIMEOUT_MS);
  const prepared = prepare(request, bearer, limit.signal);
  try {
    if (prepared === null) return { kind: 'not-sent' };
    const response = await fetch(prepared);
    const body = await readCapped(response, MAX_BODY_BYTES);
    // An oversized body is read as no body: a 2xx without COR's record, which callers treat as malformed.
    return {
      kind: 'response',
      status: response.status,
      body: body ?? '',
      retryAfter: response.headers.get('Retry-After'),
    };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') return { kind: 'timeout' };
    return (await mayReachCor()) ? { kind: 'network-error' } : { kind: 'not-allowed' };
  } finally {
    clearTimeout(timer);
    // Nothing reads the request's timing entries; the browser would keep up to 250 of them.
    performance.clearResourceTimings();
  }
}

/**
 * The request as the browser will send it, or null when the browser refuses to build it (a
 * header value it cannot send throws a TypeError here, before anything leaves). A TypeError
 * from `fetch` itself is a network failure and stays one.
 */
function prepare(request: CorRequest, bearer: string | undefined, signal: AbortSignal): Request | null {
  const headers: Record<string, string> = { ...request.headers };
  if (bearer !== undefined) headers.Authorization = `Bearer ${bearer}`;
  try {
    return new Request(request.url, {
      method: request.method,
      headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal,
      // No cookies: COR is reached with the bearer token only, never with a web session of COR's.
      credentials: 'omit',
      cache: 'no-store',
      // A redirect could carry the Authorization header to another host: refuse to follow any.
      redirect: 'error',
    });
  } catch {
    return null;
  }
}
