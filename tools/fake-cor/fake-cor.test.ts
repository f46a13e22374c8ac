import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED, startFakeCor, type FakeCor } from './server.ts';
import { corLogin, corRequest } from './test-helper.ts';

let cor: FakeCor;

beforeEach(async () => {
  cor = await startFakeCor();
});

afterEach(async () => {
  await cor.close();
});

interface FlatAuth {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token: string;
}

function asFlat(value: unknown): FlatAuth {
  return value as FlatAuth;
}

describe('login', () => {
  it('answers the flat AuthResponse by default', async () => {
    const res = await corLogin(cor, SEED.user.email, SEED.password);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      access_token: expect.any(String) as unknown,
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: expect.any(String) as unknown,
    });
    const me = await corRequest(cor, { path: '/v1/me', token: asFlat(res.json).access_token });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({
      id: 8546,
      first_name: 'Ana',
      last_name: 'García',
      email: 'ana@acme.test',
      gmt: '-03:00',
      labels: [],
    });
    expect(me.json).not.toHaveProperty('password');
  });

  it('answers the nested shape when asked, with epoch-ms expirationTime as a string', async () => {
    cor.setLoginShape('nested');
    const before = Date.now();
    const res = await corLogin(cor, SEED.user.email, SEED.password);
    expect(res.status).toBe(200);
    const body = res.json as {
      token: { access_token: string; refreshToken: string; expirationTime: string };
      user: { id: number };
    };
    expect(typeof body.token.expirationTime).toBe('string');
    expect(Number(body.token.expirationTime)).toBeGreaterThanOrEqual(before + 3600_000);
    expect(body.user.id).toBe(8546);
    expect(typeof body.token.refreshToken).toBe('string');
    const me = await corRequest(cor, { path: '/v1/me', token: body.token.access_token });
    expect(me.status).toBe(200);
  });

  it('rejects a wrong password with 401 and a missing field with 417', async () => {
    const wrong = await corLogin(cor, SEED.user.email, 'nope');
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({ error: 401, message: 'Invalid credentials' });
    const missing = await corRequest(cor, { method: 'POST', path: '/v1/auth/login', form: { email: SEED.user.email } });
    expect(missing.status).toBe(417);
    expect(missing.json).toEqual([
      { field: 'password', validation: 'required', message: 'required validation failed on password' },
    ]);
  });

  it('records the login form (tests can assert it was form-encoded)', async () => {
    await corLogin(cor, SEED.user.email, SEED.password);
    const req = await cor.waitFor((r) => r.path === '/v1/auth/login');
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req.form).toEqual({ email: SEED.user.email, password: SEED.password });
  });
});

describe('client credentials', () => {
  it('issues a token for a valid Basic key:secret and 401 otherwise', async () => {
    const basic = Buffer.from(`${SEED.apiKey.key}:${SEED.apiKey.secret}`).toString('base64');
    const ok = await corRequest(cor, {
      method: 'POST',
      path: '/v1/oauth/token?grant_type=client_credentials',
      headers: { authorization: `Basic ${basic}` },
    });
    expect(ok.status).toBe(200);
    expect(asFlat(ok.json).token_type).toBe('Bearer');
    const bad = Buffer.from(`${SEED.apiKey.key}:wrong`).toString('base64');
    const no = await corRequest(cor, {
      method: 'POST',
      path: '/v1/oauth/token?grant_type=client_credentials',
      headers: { authorization: `Basic ${bad}` },
    });
    expect(no.status).toBe(401);
  });
});

describe('refresh', () => {
  it('rotates: the new pair works, the old refresh token is rejected', async () => {
    const first = asFlat((await corLogin(cor, SEED.user.email, SEED.password)).json);
    const res = await corRequest(cor, {
      method: 'POST',
      path: '/v1/oauth/refreshtoken',
      form: { refresh_token: first.refresh_token },
    });
    expect(res.status).toBe(200);
    const second = asFlat(res.json);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect((await corRequest(cor, { path: '/v1/me', token: second.access_token })).status).toBe(200);
    const again = await corRequest(cor, {
      method: 'POST',
      path: '/v1/oauth/refreshtoken',
      form: { refresh_token: first.refresh_token },
    });
    expect(again.status).toBe(401);
  });

  it('revokeRefreshTokens rejects every existing refresh token', async () => {
    const pair = cor.issueToken();
    cor.revokeRefreshTokens();
    const res = await corRequest(cor, {
      method: 'POST',
      path: '/v1/oauth/refreshtoken',
      form: { refresh_token: pair.refresh_token },
    });
    expect(res.status).toBe(401);
  });

  it('expireAccessTokens makes current tokens 401, refresh still works', async () => {
    const pair = cor.issueToken();
    cor.expireAccessTokens();
    const me = await corRequest(cor, { path: '/v1/me', token: pair.access_token });
    expect(me.status).toBe(401);
    expect(me.json).toEqual({ error: 401, message: 'Unauthorized' });
    const res = await corRequest(cor, {
      method: 'POST',
      path: '/v1/oauth/refreshtoken',
      form: { refresh_token: pair.refresh_token },
    });
    expect(res.status).toBe(200);
  });

  it('honours tokenLifetimeSeconds', async () => {
    const short = await startFakeCor({ tokenLifetimeSeconds: 1 });
    try {
      const res = asFlat((await corLogin(short, SEED.user.email, SEED.password)).json);
      expect(res.expires_in).toBe(1);
    } finally {
      await short.close();
    }
  });
});

describe('POST /v1/hours', () => {
  it('creates an Hour with seconds-precision UTC times and a 16-decimal duration', async () => {
    const { access_token } = cor.issueToken();
    const res = await corRequest(cor, {
      path: '/v1/hours',
      token: access_token,
      json: {
        task_log_id: SEED.tasks.design,
        start: '2026-02-06T07:00:00.750-03:00',
        stop: '2026-02-06T10:00:42.100Z',
      },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: expect.any(Number) as unknown,
      start: '2026-02-06T10:00:00Z',
      stop: '2026-02-06T10:00:42Z',
      duration: '0.0116666666666667',
      user_id: 8546,
      task_log_id: 1001,
      project_id: SEED.projects.nino,
      client_id: SEED.clients.cafe,
      status: 'pending',
      type: 'TASK',
      comments: null,
      user: { id: 8546, first_name: 'Ana', timezone: 'America/Buenos_Aires', gmt: '-03:00' },
      task: {
        id: 1001,
        title: 'Diseño de campaña — Día del Niño 🎈',
        project: { id: SEED.projects.nino, client: { id: SEED.clients.cafe, name: 'Café Niño' } },
      },
    });
    expect(typeof (res.json as { cost: unknown }).cost).toBe('number');
    expect(cor.hours).toHaveLength(1);
    expect(cor.hours[0]?.id).toBe((res.json as { id: number }).id);
  });

  it('gives incrementing ids and a numeric project_id for tasks that carry it as a string', async () => {
    const { access_token } = cor.issueToken();
    const a = await corRequest(cor, {
      path: '/v1/hours',
      token: access_token,
      json: { task_log_id: SEED.tasks.stringProjectId, start: '2026-02-06T10:00:00Z', stop: '2026-02-06T12:00:00Z' },
    });
    const b = await corRequest(cor, {
      path: '/v1/hours',
      token: access_token,
      json: { task_log_id: SEED.tasks.noProject, start: '2026-02-06T12:00:00Z' },
    });
    const ha = a.json as { id: number; project_id: unknown; duration: string };
    const hb = b.json as { id: number; project_id: unknown; client_id: unknown; stop: unknown };
    expect(hb.id).toBe(ha.id + 1);
    expect(ha.project_id).toBe(SEED.projects.content);
    expect(ha.duration).toBe('2.0000000000000000');
    expect(hb).toMatchObject({ project_id: null, client_id: null, stop: null });
  });

  it('answers 401 without a valid bearer token and creates nothing', async () => {
    const none = await corRequest(cor, {
      path: '/v1/hours',
      json: { task_log_id: 1001, start: '2026-02-06T10:00:00Z' },
    });
    const bogus = await corRequest(cor, {
      path: '/v1/hours',
      token: 'not-a-token',
      json: { task_log_id: 1001, start: '2026-02-06T10:00:00Z' },
    });
    const noPrefix = await corRequest(cor, {
      path: '/v1/hours',
      headers: { authorization: cor.issueToken().access_token },
      json: { task_log_id: 1001, start: '2026-02-06T10:00:00Z' },
    });
    for (const res of [none, bogus, noPrefix]) {
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ error: 401, message: 'Unauthorized' });
    }
    expect(cor.hours).toHaveLength(0);
  });

  it.each([
    [
      { start: '2026-02-06T10:00:00Z' },
      [{ field: 'task_log_id', validation: 'required', message: 'required validation failed on task_log_id' }],
    ],
    [
      { task_log_id: '1001', start: '2026-02-06T10:00:00Z' },
      [{ field: 'task_log_id', validation: 'integer', message: 'integer validation failed on task_log_id' }],
    ],
    [
      { task_log_id: 1001 },
      [{ field: 'start', validation: 'required', message: 'required validation failed on start' }],
    ],
    [
      { task_log_id: 1001, start: '2026-02-30T10:00:00Z' },
      [{ field: 'start', validation: 'date', message: 'date validation failed on start' }],
    ],
    [
      { task_log_id: 1001, start: '2026-02-06 10:00:00' },
      [{ field: 'start', validation: 'date', message: 'date validation failed on start' }],
    ],
    [
      { task_log_id: 1001, start: '2026-02-06T24:00:00Z' },
      [{ field: 'start', validation: 'date', message: 'date validation failed on start' }],
    ],
    [
      { task_log_id: 1001, start: '2026-02-06T10:00:00Z', stop: '2026-02-06T09:59:59Z' },
      [{ field: 'stop', validation: 'after', message: 'after validation failed on stop' }],
    ],
    [
      { task_log_id: 9999999, start: '2026-02-06T10:00:00Z' },
      [{ field: 'task_log_id', validation: 'exists', message: 'exists validation failed on task_log_id' }],
    ],
  ])('answers 417 for %j', async (body, errors) => {
    const res = await corRequest(cor, { path: '/v1/hours', token: cor.issueToken().access_token, json: body });
    expect(res.status).toBe(417);
    expect(res.json).toEqual(errors);
    expect(cor.hours).toHaveLength(0);
  });

  it('accepts stop equal to start (zero duration)', async () => {
    const res = await corRequest(cor, {
      path: '/v1/hours',
      token: cor.issueToken().access_token,
      json: { task_log_id: 1001, start: '2026-02-06T10:00:00Z', stop: '2026-02-06T10:00:00.900Z' },
    });
    expect(res.status).toBe(200);
    expect((res.json as { duration: string }).duration).toBe('0.0000000000000000');
  });

  it('answers 400 CORCustomError for a closed task', async () => {
    const res = await corRequest(cor, {
      path: '/v1/hours',
      token: cor.issueToken().access_token,
      json: { task_log_id: SEED.tasks.closed, start: '2026-02-06T10:00:00Z', stop: '2026-02-06T11:00:00Z' },
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      status: 400,
      name: 'CORCustomError',
      code: 'PC001',
      message: 'The task is finished, hours cannot be logged',
    });
    expect(cor.hours).toHaveLength(0);
  });
});

describe('GET /v1/hours', () => {
  function seedHours(): string {
    const { access_token } = cor.issueToken();
    // 25 entries for Ana on 2026-02-01 .. 2026-02-25, one for Bruno on 2026-02-03.
    for (let day = 1; day <= 25; day += 1) {
      const d = String(day).padStart(2, '0');
      cor.addHour({
        task_log_id: day % 2 === 0 ? SEED.tasks.design : SEED.tasks.content,
        start: `2026-02-${d}T23:30:00Z`,
        stop: `2026-02-${d}T23:59:00Z`,
      });
    }
    cor.addHour(
      { task_log_id: SEED.tasks.budget, start: '2026-02-03T10:00:00Z', stop: '2026-02-03T14:00:00Z' },
      SEED.user2.id,
    );
    return access_token;
  }

  it('pages with COR types (page and total as strings) and zone-less UTC times', async () => {
    const token = seedHours();
    const res = await corRequest(cor, { path: '/v1/hours?page=2', token });
    expect(res.status).toBe(200);
    const body = res.json as {
      total: unknown;
      page: unknown;
      perPage: unknown;
      lastPage: unknown;
      total_hours: unknown;
      total_cost: unknown;
      data: { start: string; stop: string; created_at: string }[];
    };
    expect(body).toMatchObject({ total: '26', page: '2', perPage: 20, lastPage: 2 });
    expect(body.data).toHaveLength(6);
    expect(typeof body.total_cost).toBe('number');
    expect(body.total_hours).toBe('16.0833333333333333');
    for (const h of body.data) {
      expect(h.start).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(h.stop).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(h.created_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    }
  });

  it('filters by users and an inclusive UTC date range on start', async () => {
    const token = seedHours();
    const filters = encodeURIComponent(
      JSON.stringify({ users: [8546], dateStart: '2026-02-03', dateDeadline: '2026-02-05' }),
    );
    const res = await corRequest(cor, { path: `/v1/hours?filters=${filters}`, token });
    const body = res.json as { total: string; data: { start: string; user_id: number }[] };
    expect(body.total).toBe('3');
    expect(body.data.map((h) => h.start)).toEqual([
      '2026-02-03 23:30:00',
      '2026-02-04 23:30:00',
      '2026-02-05 23:30:00',
    ]);
    expect(body.data.every((h) => h.user_id === 8546)).toBe(true);
  });

  it('filters by projects and clients, orders by orderBy, and page=false returns everything', async () => {
    const token = seedHours();
    const byProject = encodeURIComponent(JSON.stringify({ projects: [SEED.projects.budget] }));
    const p = (await corRequest(cor, { path: `/v1/hours?filters=${byProject}`, token })).json as { total: string };
    expect(p.total).toBe('1');
    const byClient = encodeURIComponent(JSON.stringify({ clients: [SEED.clients.cafe] }));
    const c = (await corRequest(cor, { path: `/v1/hours?filters=${byClient}`, token })).json as { total: string };
    expect(c.total).toBe('12');
    const order = encodeURIComponent(JSON.stringify({ by: 'start', order: 'DESC' }));
    const all = (await corRequest(cor, { path: `/v1/hours?page=false&orderBy=${order}`, token })).json as {
      data: { start: string }[];
      lastPage: number;
    };
    expect(all.data).toHaveLength(26);
    expect(all.lastPage).toBe(1);
    expect(all.data[0]?.start).toBe('2026-02-25 23:30:00');
  });

  it('caps perPage at 50 and rejects malformed filters', async () => {
    const token = seedHours();
    const capped = (await corRequest(cor, { path: '/v1/hours?perPage=500', token })).json as { perPage: number };
    expect(capped.perPage).toBe(50);
    const bad = await corRequest(cor, { path: '/v1/hours?filters=%7Bnope', token });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ status: 400, name: 'CORCustomError' });
  });
});

describe('routing', () => {
  it('answers 404 JSON for unknown API routes', async () => {
    const res = await corRequest(cor, { path: '/v1/nope', token: cor.issueToken().access_token });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: 404, message: 'Not Found' });
  });

  it('answers CORS preflights on the API host', async () => {
    const res = await corRequest(cor, {
      method: 'OPTIONS',
      path: '/v1/hours',
      headers: { origin: 'chrome-extension://abc', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('chrome-extension://abc');
  });
});
