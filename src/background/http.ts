/**
 * The one place the extension talks to the network. It only ever calls COR's API origin, so a
 * token can never leave for another host, and it reports what it saw without judging it.
 */
import { COR_API_BASE, type CorRequest } from '../core/cor-requests';
import type { HttpResult } from '../core/cor-response';

/** Long enough for a slow COR, short enough that a lost answer is retried the same minute. */
export const REQUEST_TIMEOUT_MS = 15_000;

export async function execute(request: CorRequest, bearer?: string): Promise<HttpResult> {
  if (!request.url.startsWith(`${COR_API_BASE}/`)) throw new Error('Refusing a request outside the COR API');
  if (globalThis.navigator?.onLine === false) return { kind: 'offline' };
  const headers: Record<string, string> = { ...request.headers };
  if (bearer !== undefined) headers.Authorization = `Bearer ${bearer}`;
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers,
      body: request.body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
    });
    const body = await response.text();
    return { kind: 'response', status: response.status, body, retryAfter: response.headers.get('Retry-After') };
  } catch (error) {
    return error instanceof DOMException && error.name === 'TimeoutError'
      ? { kind: 'timeout' }
      : { kind: 'network-error' };
  }
}
