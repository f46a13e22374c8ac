/**
 * Issue 10 §4 on the fake browser with a real fake-cor: the double-press gate across every
 * door, a storage write the browser refuses, tokens from COR that could not be sent, and a
 * Firefox host permission refused. Assertions are on stored state, what COR received and what
 * the person is shown.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { SEED } from '../../tools/fake-cor/server.ts';
import { IN_DOUBT_SETTLE_MS } from '../core/outbox';
import { hostAccess, person } from '../test/fake-extras';
import { fetchVia, getMessage } from '../test/fake-platform';
import { allStorageText, popup, postsOf, requestsTo, stored, storedOutbox, useWorker } from '../test/worker';

vi.mock('../platform/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const world = useWorker({ signedIn: true });
const T0 = () => Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000;
const at = (ms: number) => vi.useFakeTimers({ toFake: ['Date'], now: ms });
const timer = () => stored<{ status: string; startedAt?: number }>('timer');
const outbox = storedOutbox;
const notice = (id: string) =>
  (
    fakeBrowser.notifications as unknown as { getAllCreateOptions(): Record<string, { message: string }> }
  ).getAllCreateOptions()[id]?.message;

describe('the double-press gate spans every door', () => {
  it("the popup's Stop, then the shortcut 200 ms later: the timer stays stopped, one entry", async () => {
    const t0 = T0();
    at(t0);
    await popup.start(SEED.tasks.content);
    at(t0 + 60_000);
    expect(await popup.stop()).toEqual({ ok: true });
    at(t0 + 60_200);
    await person.pressShortcut('toggle-timer');
    // A press a second later starts the timer afresh: had the gated press started it, this one would stop it.
    at(t0 + 61_200);
    await person.pressShortcut('toggle-timer');
    await vi.waitFor(async () => expect(await timer()).toMatchObject({ status: 'running', startedAt: t0 + 61_200 }));
    await vi.waitFor(() => expect(world.cor.hours).toHaveLength(1));
    expect(postsOf(world.cor)).toHaveLength(1);
  });

  it("the shortcut's stop, then the popup's Stop 200 ms later: stopped once, nothing restarted", async () => {
    const t0 = T0();
    at(t0);
    await popup.start(SEED.tasks.content);
    at(t0 + 60_000);
    await person.pressShortcut('toggle-timer');
    at(t0 + 60_200);
    // Handled after the shortcut's stop (in the order they came): there is nothing left to stop.
    expect(await popup.stop()).toEqual({ ok: false, error: 'not-running' });
    expect(await timer()).toEqual({ status: 'idle' });
    await vi.waitFor(() => expect(world.cor.hours).toHaveLength(1));
  });

  it("the popup's Start, then the icon and its menu item within 500 ms: still running from the first start", async () => {
    const t0 = T0();
    at(t0);
    await popup.start(SEED.tasks.design);
    await fakeBrowser.storage.local.set({ settings: { toolbarClick: 'toggle', notifications: true } });
    at(t0 + 300);
    await person.clickIcon();
    at(t0 + 499);
    await person.clickMenu('toggle-timer');
    // The popup's own Stop is never gated: it is handled after both clicks, and finds the first start.
    expect(await popup.stop()).toEqual({ ok: true });
    await vi.waitFor(() => expect(world.cor.hours).toHaveLength(1));
    expect(postsOf(world.cor)).toHaveLength(1);
    expect(await timer()).toEqual({ status: 'idle' });
  });
});

describe('a storage write the browser refuses', () => {
  afterEach(() => vi.restoreAllMocks());
  /** Started by number: the worker then writes the title COR gives; that write must land before the disk fills. */
  const startTitled = async (task: number) => {
    await popup.start(task);
    await vi.waitFor(async () =>
      expect(await stored('timer')).toMatchObject({ task: { title: expect.any(String) as unknown } }),
    );
  };
  const refuseWrites = () =>
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));

  it('the popup is told, the timer keeps running as stored, and a later stop logs it once', async () => {
    const t0 = T0();
    at(t0);
    await startTitled(SEED.tasks.content);
    const set = refuseWrites();
    at(t0 + 60_000);
    expect(await popup.stop()).toEqual({ ok: false, error: 'storage-failed' });
    expect(await timer()).toMatchObject({ status: 'running', startedAt: t0 });
    expect(await outbox()).toEqual([]);
    set.mockRestore(); // the disk has room again
    at(t0 + 120_000);
    expect(await popup.stop()).toEqual({ ok: true });
    await vi.waitFor(() => expect(world.cor.hours).toHaveLength(1));
    expect(postsOf(world.cor).map((r) => r.json)).toEqual([
      expect.objectContaining({ task_log_id: SEED.tasks.content }),
    ]);
  });

  it('the shortcut says "Couldn\'t stop the timer", a menu "Couldn\'t start the timer", even with notifications off', async () => {
    await fakeBrowser.storage.local.set({ settings: { toolbarClick: 'popup', notifications: false } });
    const t0 = T0();
    at(t0);
    await startTitled(SEED.tasks.content);
    refuseWrites();
    at(t0 + 60_000);
    await person.pressShortcut('toggle-timer');
    await vi.waitFor(() =>
      expect(notice('timer-not-saved')).toBe(
        "Couldn't stop the timer: Your browser could not save it (its storage may be full or failing). Nothing was changed, and nothing is lost.",
      ),
    );
    at(t0 + 70_000);
    await person.clickMenu('log-time-page', { pageUrl: `https://acme.cor.works/tasks/${SEED.tasks.design}` });
    await vi.waitFor(() => expect(notice('timer-not-saved')).toMatch(/^Couldn't start the timer: Your browser/));
    expect(await timer()).toMatchObject({ status: 'running', startedAt: t0 });
    expect(world.cor.hours).toHaveLength(0);
  });
});

describe('tokens from COR are held to the pasted-token rule', () => {
  const BAD = { access_token: 'token\r\nX-Injected: 1', refresh_token: 'refresh-token-1', expires_in: 3600 };

  it.each([
    ['password', { method: 'password', email: SEED.user.email, password: SEED.user.password }, '/v1/auth/login'],
    ['api-key', { method: 'api-key', key: SEED.apiKey.key, secret: SEED.apiKey.secret }, '/v1/oauth/token'],
  ])(
    'signing in with %s: a token that is no header value is a clear error, and is not kept',
    async (_m, data, path) => {
      await popup.signOut(true);
      world.cor.failNext(1, { status: 200, body: BAD }, { path });
      expect(await popup.signIn(data)).toEqual({ ok: false, error: 'malformed-answer' });
      expect(await allStorageText()).not.toContain('X-Injected');
    },
  );

  it('a refresh answering such a token: the entry waits (not in doubt), then goes once', async () => {
    await popup.signOut(true);
    await popup.signIn({ method: 'password', email: SEED.user.email, password: SEED.user.password });
    await popup.start(SEED.tasks.design);
    world.cor.expireAccessTokens();
    world.cor.failNext(1, { status: 200, body: BAD }, { path: '/v1/oauth/refreshtoken' });
    await popup.stop();
    await vi.waitFor(async () => expect((await outbox())?.[0]).toMatchObject({ state: 'waiting', attempts: 1 }));
    expect((await outbox())?.[0]?.reason?.code).not.toBe('network');
    expect(await allStorageText()).not.toContain('X-Injected');
    await popup.sendNow();
    await vi.waitFor(async () => expect(await outbox()).toEqual([]));
    expect(world.cor.hours).toHaveLength(1);
    expect(requestsTo(world.cor, '/v1/oauth/refreshtoken')).toHaveLength(2);
  });
});

describe('Firefox: the host permission for COR refused', () => {
  it('the entry says COR Timer was not allowed to reach COR; once allowed, it goes once', async () => {
    hostAccess.cor = false;
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('NetworkError when attempting to fetch resource.')));
    const t0 = T0();
    at(t0);
    await popup.start(SEED.tasks.design);
    at(t0 + 60_000);
    await popup.stop();
    await vi.waitFor(async () => expect((await outbox())?.[0]?.reason).toEqual({ code: 'not-allowed' }));
    expect(getMessage('reasonNotAllowed')).toMatch(/^COR Timer was not allowed to reach COR\./);

    hostAccess.cor = true;
    vi.stubGlobal('fetch', fetchVia(world.cor));
    at(t0 + 60_000 + IN_DOUBT_SETTLE_MS + 1_000);
    await popup.sendNow();
    expect(await outbox()).toEqual([]);
    expect(world.cor.hours).toHaveLength(1);
  });
});
