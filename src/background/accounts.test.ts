/**
 * Every hour belongs to the person who worked it: entries are sent and looked up only with their
 * owner's session, and nothing a finished session was still waiting for is written after it.
 */
import { describe, expect, it, vi } from 'vitest';
import { SEED } from '../../tools/fake-cor/server.ts';
import { IN_DOUBT_SETTLE_MS } from '../core/outbox';
import { fetchVia, sendFromPopup } from '../test/fake-platform';
import { popup, postsOf, stored, storedOutbox, useWorker } from '../test/worker';
import { ANA, BRUNO } from '../test/owners';

vi.mock('../platform/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const world = useWorker();
const ask = (name: string, data: object) => sendFromPopup({ name, data });
const signInAs = (userId: number) => popup.signInWithToken(world.cor.issueToken(userId).access_token);
const signOut = (data: object = { confirm: true }) => ask('auth.sign-out', data);
const hoursOf = (userId: number) => world.cor.hours.filter((h) => h.user_id === userId);
const afterSettling = () => vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + IN_DOUBT_SETTLE_MS });

/** COR's answers to `path` are held until the test lets them through: a network wait it controls. */
function holdAnswers(path: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrived!: () => void;
  const held = new Promise<void>((resolve) => (arrived = resolve));
  const real = fetchVia(world.cor);
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const answer = await real(input, init);
    if ((input instanceof Request ? input.url : input.toString()).includes(path)) {
      arrived();
      await released;
    }
    return answer;
  });
  return { held, release };
}

describe('an hour is booked only to the person who worked it', () => {
  it("Ana's entry waits for Ana while Bruno is signed in, and reaches COR once, under Ana", async () => {
    await signInAs(SEED.user.id);
    world.cor.failNext(1, { status: 502 }, { method: 'POST', path: '/v1/hours' });
    await popup.start(SEED.tasks.design);
    await popup.stop();
    await vi.waitFor(async () => expect((await storedOutbox())[0]).toMatchObject({ attempts: 1, owner: ANA }));
    expect(await signOut()).toEqual({ ok: true });

    await signInAs(SEED.user2.id);
    await ask('outbox.send-now', {});
    expect(postsOf(world.cor)).toHaveLength(1);
    expect(world.cor.hours).toHaveLength(0);
    expect(await storedOutbox()).toMatchObject([{ owner: ANA, state: 'waiting' }]);
    // Bruno cannot send it as his, nor is it his to move.
    const [entry] = await storedOutbox();
    expect(await ask('outbox.claim', { id: entry!.id })).toEqual({ ok: false, error: 'entry-gone' });

    expect(await signOut()).toEqual({ ok: true });
    await signInAs(SEED.user.id);
    await vi.waitFor(async () => expect(await storedOutbox()).toEqual([]));
    expect(hoursOf(SEED.user.id)).toHaveLength(1);
    expect(hoursOf(SEED.user2.id)).toHaveLength(0);
  });

  it("an entry in doubt is never looked up in Bruno's hours nor sent as his; Ana's sign-in finds it", async () => {
    await signInAs(SEED.user.id);
    world.cor.failNext(1, { kind: 'commit-then-drop' }, { method: 'POST', path: '/v1/hours' });
    await popup.start(SEED.tasks.content);
    await popup.stop();
    await vi.waitFor(async () => expect((await storedOutbox())[0]).toMatchObject({ state: 'in-doubt' }));
    await signOut();
    await signInAs(SEED.user2.id);
    afterSettling();
    await ask('outbox.send-now', {});
    const lookups = () => world.cor.requests.filter((r) => r.method === 'GET' && r.path === '/v1/hours');
    expect(lookups()).toHaveLength(0);
    expect(postsOf(world.cor)).toHaveLength(1);

    await signOut();
    await signInAs(SEED.user.id);
    await vi.waitFor(async () => expect(await storedOutbox()).toEqual([]));
    expect(lookups().every((r) => r.headers.authorization !== undefined)).toBe(true);
    expect(postsOf(world.cor)).toHaveLength(1);
    expect(hoursOf(SEED.user.id)).toHaveLength(1);
    expect(hoursOf(SEED.user2.id)).toHaveLength(0);
  });

  it('the running timer and each entry name their owner, stamped at the start', async () => {
    await signInAs(SEED.user2.id);
    await popup.start(SEED.tasks.budget);
    expect(await stored('timer')).toMatchObject({ status: 'running', owner: BRUNO });
    world.cor.failNext(1, { status: 503 }, { method: 'POST', path: '/v1/hours' });
    await popup.stop();
    await vi.waitFor(async () => expect((await storedOutbox())[0]).toMatchObject({ owner: BRUNO, attempts: 1 }));
  });

  it('nobody signed in: no timer starts, from any door', async () => {
    expect(await popup.start(SEED.tasks.design)).toEqual({ ok: false, error: 'signed-out' });
    expect((await stored<{ status: string } | undefined>('timer'))?.status ?? 'idle').toBe('idle');
  });
});

describe('signing out', () => {
  it('asks first while a timer runs; "stop" logs it for its owner, then signs out', async () => {
    await signInAs(SEED.user.id);
    await popup.start(SEED.tasks.design);
    expect(await signOut({ confirm: false })).toMatchObject({ ok: false, error: 'timer-running' });
    expect(await stored('auth')).not.toBeNull();
    expect(await signOut({ confirm: false, timer: 'stop' })).toEqual({ ok: true });
    expect(await stored('timer')).toEqual({ status: 'idle' });
    expect(hoursOf(SEED.user.id)).toHaveLength(1);
    expect((await stored('auth')) ?? null).toBeNull();
  });

  it('"discard" throws the timer away with no Undo left for the next person', async () => {
    await signInAs(SEED.user.id);
    await popup.start(SEED.tasks.design);
    expect(await signOut({ confirm: false, timer: 'discard' })).toEqual({ ok: true });
    expect(await stored('timer')).toEqual({ status: 'idle' });
    expect(await ask('timer.undo-discard', {})).toEqual({ ok: false, error: 'nothing-to-undo' });
    expect(postsOf(world.cor)).toHaveLength(0);
  });

  it("forgets the account's tasks, recent tasks, recently logged and pins", async () => {
    await signInAs(SEED.user.id);
    await ask('tasks.refresh', {});
    await ask('tasks.pin', { task: { id: SEED.tasks.budget }, pinned: true });
    await popup.start(SEED.tasks.design);
    await popup.stop();
    await vi.waitFor(async () => expect(await stored('recent')).toHaveLength(1));
    expect((await stored<{ tasks: unknown[] }>('myTasks')).tasks.length).toBeGreaterThan(0);
    await signOut();
    await signInAs(SEED.user2.id);
    for (const key of ['recent', 'recentTasks', 'pinnedTasks']) expect(await stored(key)).toEqual([]);
    expect(await stored('myTasks')).toEqual({ tasks: [], fetchedAt: null });
  });

  it("another person signing in after an expired session does not see the last one's data", async () => {
    await signInAs(SEED.user.id);
    await ask('tasks.pin', { task: { id: SEED.tasks.budget }, pinned: true });
    world.cor.expireAccessTokens();
    await ask('tasks.refresh', {});
    await vi.waitFor(async () => expect(await stored('account')).toMatchObject({ status: 'expired' }));
    await signInAs(SEED.user2.id);
    expect(await stored('pinnedTasks')).toEqual([]);
    // The same person coming back keeps them.
    await ask('tasks.pin', { task: { id: SEED.tasks.budget }, pinned: true });
    world.cor.expireAccessTokens();
    await ask('tasks.refresh', {});
    await vi.waitFor(async () => expect(await stored('account')).toMatchObject({ status: 'expired' }));
    await signInAs(SEED.user2.id);
    expect(await stored('pinnedTasks')).toMatchObject([{ id: SEED.tasks.budget }]);
  });
});

describe('no write from a session that has ended', () => {
  it("a refresh in flight during sign-out and Bruno's sign-in leaves Bruno's token, not Ana's", async () => {
    await popup.signIn({ method: 'password', email: SEED.user.email, password: SEED.user.password });
    const hold = holdAnswers('/v1/oauth/refreshtoken');
    world.cor.expireAccessTokens();
    const searching = ask('tasks.search', { query: 'Diseño' });
    await hold.held;
    await signOut();
    const bruno = world.cor.issueToken(SEED.user2.id).access_token;
    vi.stubGlobal('fetch', fetchVia(world.cor));
    await popup.signInWithToken(bruno);
    hold.release();
    await searching;
    expect(await stored('auth')).toMatchObject({ accessToken: bruno });
    expect(await stored('account')).toMatchObject({ status: 'signed-in', userId: SEED.user2.id });
    await popup.start(SEED.tasks.budget);
    await popup.stop();
    await vi.waitFor(async () => expect(await storedOutbox()).toEqual([]));
    expect(hoursOf(SEED.user2.id)).toHaveLength(1);
    expect(hoursOf(SEED.user.id)).toHaveLength(0);
  });

  it('"My tasks" that arrive after sign-out are dropped', async () => {
    await signInAs(SEED.user.id);
    const hold = holdAnswers('/v1/tasks?');
    const refreshing = ask('tasks.refresh', {});
    await hold.held;
    await signOut();
    hold.release();
    await refreshing;
    expect(await stored('myTasks')).toEqual({ tasks: [], fetchedAt: null });
  });

  it('who COR says we are, answered after a sign-out, does not sign anyone back in', async () => {
    await signInAs(SEED.user.id);
    const hold = holdAnswers('/v1/me');
    const ana = ask('auth.sign-in', { method: 'token', token: world.cor.issueToken(SEED.user.id).access_token });
    await hold.held;
    await signOut();
    hold.release();
    await ana;
    expect(await stored('account')).toEqual({ status: 'signed-out' });
    expect((await stored('auth')) ?? null).toBeNull();
  });
});
