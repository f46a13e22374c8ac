import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED, startFakeCor, type FakeCor } from './server.ts';
import { corRequest, type CorResponse } from './test-helper.ts';

let cor: FakeCor;
let token: string;

beforeEach(async () => {
  cor = await startFakeCor();
  token = cor.issueToken().access_token;
});

afterEach(async () => {
  await cor.close();
});

const HOUR = { task_log_id: SEED.tasks.design, start: '2026-02-06T10:00:00Z', stop: '2026-02-06T11:00:00Z' };

function postHour(): Promise<CorResponse> {
  return corRequest(cor, { path: '/v1/hours', token, json: HOUR });
}

describe('status faults', () => {
  it.each([
    [401, { error: 401, message: 'Unauthorized' }],
    [404, { error: 404, message: 'Not Found' }],
    [429, { error: 429, message: 'Too Many Requests' }],
    [500, { status: 'ERROR', code: 'FS003', message: 'Internal error' }],
    [502, { status: 'ERROR', code: 'FS003', message: 'Internal error' }],
    [503, { status: 'ERROR', code: 'FS003', message: 'Internal error' }],
  ])('%i answers its default body and creates nothing', async (status, body) => {
    cor.failNext(1, { status });
    const res = await postHour();
    expect(res.status).toBe(status);
    expect(res.json).toEqual(body);
    expect(cor.hours).toHaveLength(0);
    expect((await postHour()).status).toBe(200); // only the next one
  });

  it('417 answers a validation array; a custom body and Retry-After are honoured', async () => {
    cor.failNext(1, { status: 417 });
    const v = await postHour();
    expect(v.status).toBe(417);
    expect(Array.isArray(v.json)).toBe(true);
    cor.failNext(1, { status: 429, body: { error: 429, message: 'Slow down' }, retryAfter: 7 });
    const r = await postHour();
    expect(r.json).toEqual({ error: 429, message: 'Slow down' });
    expect(r.headers['retry-after']).toBe('7');
  });

  it('only hits requests matching method and path (string or RegExp), n times, in order', async () => {
    cor.failNext(2, { status: 503 }, { method: 'post', path: '/v1/hours' });
    cor.failNext(1, { status: 500 }, { path: /^\/v1\/tasks/ });
    expect((await corRequest(cor, { path: '/v1/me', token })).status).toBe(200);
    expect((await corRequest(cor, { path: '/v1/hours', token })).status).toBe(200); // GET: not matched
    expect((await corRequest(cor, { path: '/v1/tasks/1001', token })).status).toBe(500);
    expect((await postHour()).status).toBe(503);
    expect((await postHour()).status).toBe(503);
    expect((await postHour()).status).toBe(200);
    const faulted = cor.requests.filter((r) => r.fault !== undefined).map((r) => `${r.method} ${r.path}`);
    expect(faulted).toEqual(['GET /v1/tasks/1001', 'POST /v1/hours', 'POST /v1/hours']);
  });

  it('clearFaults removes pending faults', async () => {
    cor.failNext(5, { status: 500 });
    cor.clearFaults();
    expect((await postHour()).status).toBe(200);
  });
});

describe('transport faults', () => {
  it('delay answers normally after ms', async () => {
    cor.failNext(1, { kind: 'delay', ms: 150 });
    const started = Date.now();
    const res = await postHour();
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(cor.hours).toHaveLength(1);
  });

  it('drop destroys the socket before handling: nothing created', async () => {
    cor.failNext(1, { kind: 'drop' });
    await expect(postHour()).rejects.toThrow();
    expect(cor.hours).toHaveLength(0);
    expect(cor.requests.at(-1)?.fault).toEqual({ kind: 'drop' });
  });

  it('commit-then-drop creates the hour, then destroys the socket without answering', async () => {
    cor.failNext(1, { kind: 'commit-then-drop' }, { method: 'POST', path: '/v1/hours' });
    await expect(postHour()).rejects.toThrow();
    expect(cor.hours).toHaveLength(1);
    const list = await corRequest(cor, {
      path: `/v1/hours?filters=${encodeURIComponent(JSON.stringify({ users: [8546] }))}`,
      token,
    });
    expect((list.json as { total: string }).total).toBe('1');
  });

  it('malformed answers 200 with truncated JSON', async () => {
    cor.failNext(1, { kind: 'malformed' });
    const res = await postHour();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.text).toBe('{"id": 12,');
    expect(res.json).toBeUndefined();
    expect(cor.hours).toHaveLength(0);
  });

  it('html answers an HTML error page with the status', async () => {
    cor.failNext(1, { kind: 'html', status: 502 });
    const res = await postHour();
    expect(res.status).toBe(502);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('502 Bad Gateway');
  });
});

describe('down / up', () => {
  it('refuses connections while down, then serves on the same port', async () => {
    const port = cor.port;
    await cor.down();
    await expect(postHour()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await cor.up();
    expect(cor.port).toBe(port);
    expect((await postHour()).status).toBe(200);
    expect((await corRequest(cor, { path: '/v1/me', token })).status).toBe(200); // tokens survive
  });

  it('down abandons a delayed request (nothing created)', async () => {
    cor.failNext(1, { kind: 'delay', ms: 5_000 });
    const pending = postHour();
    await cor.waitFor((r) => r.path === '/v1/hours');
    await cor.down();
    await expect(pending).rejects.toThrow();
    expect(cor.hours).toHaveLength(0);
    await cor.up();
  });
});

describe('waitFor', () => {
  it('resolves for a request already recorded or recorded later', async () => {
    await corRequest(cor, { path: '/v1/me', token });
    const earlier = await cor.waitFor((r) => r.path === '/v1/me');
    expect(earlier.method).toBe('GET');
    const later = cor.waitFor((r) => r.method === 'POST' && r.path === '/v1/hours');
    await postHour();
    const req = await later;
    expect(req.json).toEqual(HOUR);
    expect(req.headers.authorization).toBe(`Bearer ${token}`);
    expect(req.host).toBe('api.projectcor.com');
  });

  it('rejects on timeout listing what was recorded, without secrets', async () => {
    await corRequest(cor, { path: '/v1/me', token });
    const error = await cor.waitFor((r) => r.path === '/never', 50).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('GET api.projectcor.com/v1/me');
    expect(message).not.toContain(token);
  });
});
