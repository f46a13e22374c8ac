/**
 * The network guards, with `fetch` stubbed where the test plays the network and the real one
 * where the behaviour is the browser's own (redirects): COR-only URLs, no cookies, no redirects
 * followed, a capped body, and the difference between "never sent" and "sent, answer lost".
 */
import { createServer, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COR_API_BASE, meRequest, postHoursRequest } from '../core/cor-requests';
import { classify } from '../core/cor-response';
import { hostAccess } from '../test/fake-extras';
import { installFakeBrowser } from '../test/fake-platform';
import { execute, MAX_BODY_BYTES, REQUEST_TIMEOUT_MS } from './http';

vi.mock('../platform/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const TOKEN = 'token-of-ana-0123456789';
const post = postHoursRequest({
  taskId: 7,
  startedAt: Date.UTC(2026, 10, 30, 9),
  stoppedAt: Date.UTC(2026, 10, 30, 10),
});

/** A stubbed network: records what it was asked, answers with `answer`. */
function network(answer: (request: Request) => Promise<Response> | Response) {
  const seen: Request[] = [];
  vi.stubGlobal('fetch', (input: Request) => {
    seen.push(input);
    return Promise.resolve(answer(input));
  });
  return seen;
}

/** A body of 64 kB chunks, 32 MB in all (as good as endless here), counting what was read. */
function endlessBody(headers: Record<string, string> = {}) {
  const pulled = { bytes: 0, cancelled: false };
  const chunk = new Uint8Array(64 * 1024).fill(0x7b);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= 32 * 1024 * 1024) return controller.close();
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { pulled, response: new Response(body, { status: 200, headers }) };
}

beforeEach(() => installFakeBrowser());
afterEach(() => vi.unstubAllGlobals());

describe('http: only COR, only as asked', () => {
  it.each([
    'https://evil.example/v1/hours',
    'https://api.projectcor.com.evil.example/v1/hours',
    'http://api.projectcor.com/v1/hours',
    'https://api.projectcor.com/v2/hours',
  ])('refuses %s without touching the network', async (url) => {
    const seen = network(() => new Response('{}'));
    await expect(execute({ ...post, url }, TOKEN)).rejects.toThrow('outside the COR API');
    expect(seen).toHaveLength(0);
  });

  it('sends the bearer token and no cookies, refuses redirects and the HTTP cache', async () => {
    const seen = network(() => new Response('{"id": 1}', { status: 201 }));
    expect(await execute(post, TOKEN)).toMatchObject({ kind: 'response', status: 201, body: '{"id": 1}' });
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request!.url).toBe(`${COR_API_BASE}/hours`);
    expect(request!.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(request!.credentials).toBe('omit');
    expect(request!.redirect).toBe('error');
    expect(request!.cache).toBe('no-store');
    expect(await request!.text()).toBe(post.body);
  });
});

describe('http: a redirect is never followed', () => {
  let server: Server;
  const hits: string[] = [];
  beforeEach(async () => {
    hits.length = 0;
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/v1/hours') res.writeHead(302, { Location: '/elsewhere' }).end();
      else res.writeHead(200).end('{"id": 1}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterEach(() => new Promise((resolve) => server.close(resolve)));

  it('a 302 from "COR" fails the request (in doubt), and its target is never asked', async () => {
    const { port } = server.address() as { port: number };
    const realFetch = globalThis.fetch;
    // The browser's own fetch, pointed at a local server: the Request keeps our redirect mode.
    network((request) =>
      realFetch(new Request(request.url.replace(/^https:\/\/[^/]+/, `http://127.0.0.1:${port}`), request)),
    );
    const result = await execute(post, TOKEN);
    expect(result).toEqual({ kind: 'network-error' });
    expect(hits).toEqual(['/v1/hours']);
  });
});

describe('http: a capped body', () => {
  it('stops reading a huge body past 2 MB, and reads it as no answer', async () => {
    const { pulled, response } = endlessBody();
    network(() => response);
    const result = await execute(meRequest(), TOKEN);
    expect(result).toEqual({ kind: 'response', status: 200, body: '', retryAfter: null });
    expect(pulled.cancelled).toBe(true);
    // What was read is the cap plus at most the chunks already queued, not the whole stream.
    expect(pulled.bytes).toBeLessThan(MAX_BODY_BYTES + 4 * 64 * 1024);
    // A 2xx without a readable body: callers see no data, a POST's entry goes in doubt.
    expect(classify(result, 0)).toEqual({ class: 'ok', data: undefined });
  });

  it('does not start reading a body that declares more than 2 MB', async () => {
    const { pulled, response } = endlessBody({ 'Content-Length': String(MAX_BODY_BYTES + 1) });
    network(() => response);
    expect(await execute(meRequest(), TOKEN)).toMatchObject({ kind: 'response', body: '' });
    expect(pulled.cancelled).toBe(true);
  });

  it('reads a body of exactly 2 MB in full, across chunks and multi-byte characters', async () => {
    const text = `"${'é'.repeat((MAX_BODY_BYTES - 2) / 2)}"`;
    network(() => new Response(text));
    const result = await execute(meRequest(), TOKEN);
    expect(result.kind === 'response' && result.body).toBe(text);
  });
});

describe('http: not sent versus in doubt', () => {
  it('a token the browser cannot put in a header: not sent, nothing reached the network', async () => {
    const seen = network(() => new Response('{"id": 1}', { status: 201 }));
    const result = await execute(post, 'token\r\nX-Injected: 1');
    expect(result).toEqual({ kind: 'not-sent' });
    expect(seen).toHaveLength(0);
    expect(classify(result, 0)).toMatchObject({ class: 'retryable', outcomeUnknown: false });
  });

  it('a TypeError from fetch itself (connection refused, reset) is a network error: COR may have it', async () => {
    network(() => Promise.reject(new TypeError('Failed to fetch')));
    const result = await execute(post, TOKEN);
    expect(result).toEqual({ kind: 'network-error' });
    expect(classify(result, 0)).toMatchObject({ reason: { code: 'network' }, outcomeUnknown: true });
  });

  it('our time limit running out is a timeout', async () => {
    network(() => Promise.reject(new DOMException('signal timed out', 'TimeoutError')));
    expect(await execute(post, TOKEN)).toEqual({ kind: 'timeout' });
  });

  it('COR not answering within the time limit is a timeout, and a request leaves no timer behind', async () => {
    vi.useFakeTimers();
    try {
      network(
        (request) =>
          new Promise((_, reject) =>
            request.signal.addEventListener('abort', () => reject(request.signal.reason as DOMException)),
          ),
      );
      const result = execute(post, TOKEN);
      await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS);
      expect(await result).toEqual({ kind: 'timeout' });
      network(() => new Response('{}'));
      expect(await execute(post, TOKEN)).toMatchObject({ kind: 'response', status: 200 });
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('offline: nothing sent', async () => {
    const seen = network(() => new Response('{}'));
    vi.stubGlobal('navigator', { onLine: false });
    expect(await execute(post, TOKEN)).toEqual({ kind: 'offline' });
    expect(seen).toHaveLength(0);
  });

  it('Firefox with COR’s host permission refused: "not allowed", not "COR couldn\'t be reached"', async () => {
    hostAccess.cor = false;
    network(() => Promise.reject(new TypeError('NetworkError when attempting to fetch resource.')));
    const result = await execute(post, TOKEN);
    expect(result).toEqual({ kind: 'not-allowed' });
    expect(classify(result, 0)).toMatchObject({ reason: { code: 'not-allowed' } });
  });
});
