/**
 * Signing in and staying signed in, against a real fake-cor: both login answer shapes, the
 * consent page, API keys, refresh before expiry and after a 401 (one refresh for everyone),
 * and an expired session that keeps every entry for after the next sign-in.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { SEED, startFakeCor, type FakeCor } from '../../tools/fake-cor/server.ts';
import { corRequest } from '../../tools/fake-cor/test-helper.ts';
import { fetchVia, installFakeBrowser, sendFromPopup } from '../test/fake-platform';
import { allStorageText, popup, postsOf, requestsTo, startWorker, stored, storedOutbox } from '../test/worker';

vi.mock('../platform/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

let cor: FakeCor;
const { email, password } = SEED.user;
const signInWithPassword = (pw: string = password) => popup.signIn({ method: 'password', email, password: pw });

async function useCor(options: Parameters<typeof startFakeCor>[0] = {}): Promise<void> {
  await cor?.close();
  cor = await startFakeCor(options);
  vi.stubGlobal('fetch', fetchVia(cor));
}

beforeEach(async () => {
  installFakeBrowser();
  await useCor();
  await startWorker();
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await cor.close();
});

describe('signing in with email and password', () => {
  it.each(['flat', 'nested'] as const)(
    'reads the %s login answer, remembers who it is, stores no password',
    async (shape) => {
      cor.setLoginShape(shape);
      expect(await signInWithPassword()).toEqual({
        ok: true,
        account: {
          status: 'signed-in',
          method: 'password',
          userId: SEED.user.id,
          name: 'Ana García',
          company: null,
          picture: expect.stringMatching(/^https:\/\//) as unknown,
        },
      });
      const login = requestsTo(cor, '/v1/auth/login')[0]!;
      expect(login.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
      expect(login.form).toEqual({ email, password });
      expect(await stored('auth')).toMatchObject({
        method: 'password',
        accessToken: expect.any(String) as unknown,
        refreshToken: expect.any(String) as unknown,
        expiresAt: expect.any(Number) as unknown,
      });
      expect(await allStorageText()).not.toContain(password);
    },
  );

  it('a wrong password says so and stores nothing', async () => {
    expect(await signInWithPassword('wrong-horse')).toMatchObject({ ok: false, error: 'wrong-credentials' });
    expect(await stored('auth')).toBeUndefined();
    expect(await stored('account')).toBeUndefined();
    expect(await allStorageText()).not.toContain('wrong-horse');
  });

  it('says when COR cannot be reached, answers 5xx or answers nonsense', async () => {
    cor.failNext(1, { status: 502 }, { path: '/v1/auth/login' });
    expect(await signInWithPassword()).toMatchObject({ ok: false, error: 'cor-error' });
    cor.failNext(1, { kind: 'malformed' }, { path: '/v1/auth/login' });
    expect(await signInWithPassword()).toMatchObject({ ok: false, error: 'malformed-answer' });
    cor.failNext(1, { kind: 'html', status: 200 }, { path: '/v1/auth/login' });
    expect(await signInWithPassword()).toMatchObject({ ok: false, error: 'malformed-answer' });
    await cor.down();
    expect(await signInWithPassword()).toMatchObject({ ok: false, error: 'cor-unreachable' });
    await cor.up();
    expect(await stored('auth')).toBeUndefined();
  });

  it('refuses empty fields without asking COR', async () => {
    expect(await popup.signIn({ method: 'password', email: ' ', password })).toEqual({
      ok: false,
      error: 'invalid-input',
    });
    expect(requestsTo(cor, '/v1/auth/login')).toHaveLength(0);
  });
});

describe('signing in with the company’s COR page', () => {
  const redirect = 'https://test-extension-id.chromiumapp.org/';

  /** The person on COR's consent page: it loads, and they press Allow (or Deny). */
  function consentBy(decision: 'allow' | 'deny') {
    return async ({ url }: { url: string }): Promise<string> => {
      const consent = new URL(url);
      const page = await corRequest(cor, { host: consent.hostname, path: `${consent.pathname}${consent.search}` });
      if (page.status !== 200) throw new Error('Authorization page could not be loaded.');
      const answer = await corRequest(cor, {
        host: consent.hostname,
        path: '/oauth2/authorize',
        form: {
          name: consent.searchParams.get('name')!,
          redirect_uri: consent.searchParams.get('redirect_uri')!,
          decision,
        },
      });
      return String(answer.headers.location);
    };
  }

  beforeEach(() => {
    Object.assign(fakeBrowser.identity, { getRedirectURL: () => redirect });
  });

  it('opens the consent page for that company and exchanges the code', async () => {
    const launch = vi.fn(consentBy('allow'));
    Object.assign(fakeBrowser.identity, { launchWebAuthFlow: launch });
    expect(await popup.signIn({ method: 'company', company: 'https://ACME.cor.works/' })).toMatchObject({
      ok: true,
      account: { method: 'company', userId: SEED.user.id },
    });
    expect(launch).toHaveBeenCalledWith({
      url: `https://acme.cor.works/oauth2/authorize?name=COR%20Timer&response_type=code&redirect_uri=${encodeURIComponent(redirect)}`,
      interactive: true,
    });
    const exchange = requestsTo(cor, '/v1/oauth2/token')[0]!;
    expect(exchange.query).toMatchObject({ grant_type: 'authorization_code', code: expect.any(String) as unknown });
  });

  it('keeps the company named there for "Open in COR": a task page of another company does not replace it', async () => {
    Object.assign(fakeBrowser.identity, { launchWebAuthFlow: vi.fn(consentBy('allow')) });
    await popup.signIn({ method: 'company', company: 'acme.cor.works' });
    expect(await stored('account')).toMatchObject({ method: 'company', company: 'acme' });
    const seen = await sendFromPopup({ name: 'account.page-seen', data: { url: 'https://demo.cor.works/tasks/1001' } });
    expect(seen).toEqual({ ok: true });
    expect(await stored('account')).toMatchObject({ method: 'company', company: 'acme' });
  });

  it('refuses a malformed company address without opening anything', async () => {
    const launch = vi.fn();
    Object.assign(fakeBrowser.identity, { launchWebAuthFlow: launch });
    for (const company of ['evil.com/x', 'acme.cor.works.evil.com', 'a b', '']) {
      expect(await popup.signIn({ method: 'company', company })).toEqual({ ok: false, error: 'invalid-company' });
    }
    expect(launch).not.toHaveBeenCalled();
  });

  it('says so when the person declines, closes the window, or the company does not exist', async () => {
    Object.assign(fakeBrowser.identity, { launchWebAuthFlow: vi.fn(consentBy('deny')) });
    expect(await popup.signIn({ method: 'company', company: 'acme' })).toEqual({ ok: false, error: 'consent-denied' });
    Object.assign(fakeBrowser.identity, {
      launchWebAuthFlow: vi.fn().mockRejectedValue(new Error('The user did not approve access.')),
    });
    expect(await popup.signIn({ method: 'company', company: 'acme' })).toEqual({ ok: false, error: 'consent-denied' });
    Object.assign(fakeBrowser.identity, { launchWebAuthFlow: vi.fn(consentBy('allow')) });
    expect(await popup.signIn({ method: 'company', company: 'nosuchcompany' })).toEqual({
      ok: false,
      error: 'consent-failed',
    });
    expect(await stored('auth')).toBeUndefined();
  });
});

describe('signing in with an API key', () => {
  it('uses client credentials and keeps the secret like a token', async () => {
    expect(await popup.signIn({ method: 'api-key', key: SEED.apiKey.key, secret: SEED.apiKey.secret })).toMatchObject({
      ok: true,
      account: { method: 'api-key', userId: SEED.apiKey.userId },
    });
    const request = requestsTo(cor, '/v1/oauth/token')[0]!;
    expect(request.headers.authorization).toBe(`Basic ${btoa(`${SEED.apiKey.key}:${SEED.apiKey.secret}`)}`);
    expect(await stored('auth')).toMatchObject({ client: { key: SEED.apiKey.key, secret: SEED.apiKey.secret } });
  });

  it('a wrong secret says so', async () => {
    expect(await popup.signIn({ method: 'api-key', key: SEED.apiKey.key, secret: 'nope' })).toMatchObject({
      ok: false,
      error: 'wrong-credentials',
    });
  });
});

describe('staying signed in', () => {
  it('refreshes before the token expires, storing the rotated refresh token', async () => {
    // Tokens that live 30 s are always inside the one-minute refresh margin.
    await useCor({ tokenLifetimeSeconds: 30 });
    await signInWithPassword();
    await popup.start(SEED.tasks.design);
    await popup.stop();
    await vi.waitFor(() => expect(cor.hours).toHaveLength(1));
    // Each refresh used the token the one before it returned: a reused (stale) one would be refused.
    const used = requestsTo(cor, '/v1/oauth/refreshtoken').map((r) => r.form?.refresh_token);
    expect(used.length).toBeGreaterThan(1);
    expect(new Set(used).size).toBe(used.length);
    expect(used).not.toContain((await stored<{ refreshToken: string }>('auth')).refreshToken);
    // The POST went out once, with a fresh token: no 401 was needed.
    expect(postsOf(cor)).toHaveLength(1);
    expect(await stored('account')).toMatchObject({ status: 'signed-in' });
  });

  it('a 401 mid-send refreshes once and sends the entry exactly once', async () => {
    await signInWithPassword();
    await popup.start(SEED.tasks.design);
    cor.expireAccessTokens();
    await popup.stop();
    await vi.waitFor(async () => expect(await storedOutbox()).toEqual([]));
    // The first POST met the 401 (COR did not act on it); the second, after one refresh, went through.
    expect(postsOf(cor)).toHaveLength(2);
    expect(requestsTo(cor, '/v1/oauth/refreshtoken')).toHaveLength(1);
    expect(cor.hours).toHaveLength(1);
  });

  it('concurrent calls share one refresh', async () => {
    await signInWithPassword();
    cor.expireAccessTokens();
    const { callCor } = await import('./cor-client');
    const { meRequest } = await import('../core/cor-requests');
    const answers = await Promise.all([callCor(meRequest()), callCor(meRequest()), callCor(meRequest())]);
    expect(answers.map((a) => a.class)).toEqual(['ok', 'ok', 'ok']);
    expect(requestsTo(cor, '/v1/oauth/refreshtoken')).toHaveLength(1);
  });

  it('when refreshing fails the session expires, nothing is lost, and the next sign-in sends it once', async () => {
    await signInWithPassword();
    await popup.start(SEED.tasks.content);
    cor.expireAccessTokens();
    cor.revokeRefreshTokens();
    await popup.stop();
    await vi.waitFor(async () =>
      expect(await stored('account')).toMatchObject({ status: 'expired', method: 'password' }),
    );
    expect((await storedOutbox())[0]).toMatchObject({
      state: 'waiting',
      reason: { code: 'session-expired' },
    });
    expect(cor.hours).toHaveLength(0);

    await signInWithPassword();
    await vi.waitFor(async () => expect(await storedOutbox()).toEqual([]));
    expect(cor.hours).toHaveLength(1);
    expect(cor.hours[0]!.task_log_id).toBe(SEED.tasks.content);
  });

  it('an API-key session gets a new token with the key when one lapses', async () => {
    await popup.signIn({ method: 'api-key', key: SEED.apiKey.key, secret: SEED.apiKey.secret });
    await fakeBrowser.storage.local.set({
      auth: { ...(await stored<object>('auth')), refreshToken: null },
    });
    cor.expireAccessTokens();
    await popup.start(SEED.tasks.design);
    await popup.stop();
    await vi.waitFor(() => expect(cor.hours).toHaveLength(1));
    expect(requestsTo(cor, '/v1/oauth/token')).toHaveLength(2);
  });
});
