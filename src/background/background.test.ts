/**
 * The background against @webext-core/fake-browser and a real fake-cor over HTTPS. Tests talk
 * to it as the popup does (messages from the popup page) and assert on stored state and on
 * what COR received, never on internal calls.
 */
import { ANA } from '../test/owners';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { SEED } from '../../tools/fake-cor/server.ts';
import { fetchVia, sendFromPopup } from '../test/fake-platform';
import { popup, postsOf, startWorker, stored, useWorker, storedOutbox, seedEntries } from '../test/worker';
import { IN_DOUBT_SETTLE_MS, type OutboxEntry } from '../core/outbox';
import { RETRY_ALARM } from './retry-schedule';

vi.mock('../platform/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const world = useWorker();

/** A whole-second moment an hour ago: fake-cor shares our clock, and its tokens must stay valid. */
const anHourAgo = () => Math.floor(Date.now() / 1000) * 1000 - 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

const posts = () => postsOf(world.cor);

/** Moves the clock past the time an unknown outcome is given to settle in COR. */
function afterSettling(): void {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + IN_DOUBT_SETTLE_MS });
}
const signIn = () => popup.signInWithToken(world.cor.issueToken().access_token);
const { start, stop } = popup;

/**
 * Records the worker's storage writes (`write <keys>`, an entry as `entry <state>`) and its
 * requests (`POST /v1/hours`), in the order they are made. With `dieAfter`, the worker dies after
 * that many writes: the next write and every one after it never happen, nor does the POST
 * unless `postLeaves`; `dies` marks the moment. A dead worker's promises never settle: nothing
 * more runs in it.
 */
function stepsOfTheWorker(dieAfter?: { writes: number; postLeaves: boolean }): string[] {
  const steps: string[] = [];
  onTestFinished(() => {
    vi.restoreAllMocks();
  });
  const named = (items: object) =>
    Object.entries(items)
      .map(([key, value]) => (key.startsWith('entry:') ? `entry ${(value as OutboxEntry).state}` : key))
      .sort()
      .join(' + ');
  const dead = () => {
    steps.push('dies');
    return new Promise<never>(() => undefined);
  };
  let writes = 0;
  const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the fake types set() as void; the real one returns this promise
  vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation((items) => {
    if (dieAfter !== undefined && writes >= dieAfter.writes) return dead();
    writes += 1;
    steps.push(`write ${named(items)}`);
    return set(items);
  });
  const cor = globalThis.fetch;
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const url = input instanceof Request ? input.url : String(input);
    const step = `${method} ${new URL(url).pathname}`;
    if (dieAfter !== undefined && !dieAfter.postLeaves && step === 'POST /v1/hours') return dead();
    steps.push(step);
    return cor(input, init);
  });
  return steps;
}

describe('background: timer and delivery', () => {
  it('start then stop delivers one entry with the captured times, and remembers COR’s record', async () => {
    expect(await signIn()).toMatchObject({ ok: true, account: { name: 'Ana García', userId: SEED.user.id } });
    const t0 = anHourAgo();
    vi.useFakeTimers({ toFake: ['Date'], now: t0 });
    expect(await start(SEED.tasks.content)).toEqual({ ok: true });
    expect(await stored('timer')).toMatchObject({ status: 'running', task: { id: SEED.tasks.content }, startedAt: t0 });
    vi.setSystemTime(t0 + 42 * 60_000);
    expect(await stop()).toEqual({ ok: true });
    expect(await stored('timer')).toEqual({ status: 'idle' });

    await vi.waitFor(async () => expect(await stored<unknown[]>('recent')).toHaveLength(1));
    expect(posts().map((r) => r.json)).toEqual([
      { task_log_id: SEED.tasks.content, start: iso(t0), stop: iso(t0 + 42 * 60_000) },
    ]);
    expect(await storedOutbox()).toEqual([]);
    expect((await stored<unknown[]>('recent'))[0]).toMatchObject({
      corId: world.cor.hours[0]!.id,
      durationMs: 42 * 60_000,
      task: { id: SEED.tasks.content, title: 'Armado de contenido v1' },
    });
  });

  it('queues the entry in the same write that stops the timer (with the beat the stop runs)', async () => {
    await signIn();
    await start(SEED.tasks.design);
    const writes: Array<Record<string, unknown>> = [];
    fakeBrowser.storage.onChanged.addListener((changes) => writes.push(changes));
    world.cor.failNext(1000, { status: 500 }, { method: 'POST', path: '/v1/hours' });
    await stop();
    const stopWrite = writes.find((w) => 'timer' in w);
    const [entryKey, ...others] = Object.keys(stopWrite!).sort();
    expect(entryKey).toMatch(/^entry:/);
    expect(others).toEqual(['heartbeat', 'timer']);
  });

  it('a stop reaches COR after the two writes the crash rule asks for: the stop, then the entry marked sending', async () => {
    await signIn();
    await start(SEED.tasks.design);
    const steps = stepsOfTheWorker();
    expect(await stop()).toEqual({ ok: true });
    await vi.waitFor(() => expect(steps).toContain('POST /v1/hours'));
    expect(steps.slice(0, steps.indexOf('POST /v1/hours') + 1)).toEqual([
      'write entry waiting + heartbeat + timer',
      'write entry sending',
      'POST /v1/hours',
    ]);
    await vi.waitFor(async () => expect(await storedOutbox()).toEqual([]));
    expect(world.cor.hours).toHaveLength(1);
  });

  it('ignores messages that do not come from the extension’s own pages', async () => {
    const fromWebPage = { id: fakeBrowser.runtime.id, url: 'https://evil.example/', tab: { id: 1 } };
    const fromOtherExtension = { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' };
    for (const sender of [fromWebPage, fromOtherExtension, {}]) {
      const answers = await fakeBrowser.runtime.onMessage.trigger(
        { name: 'timer.start', data: { task: { id: 5 } } },
        sender,
        () => undefined,
      );
      expect(answers).toEqual([undefined]);
    }
    expect(await sendFromPopup({ name: 'timer.explode', data: {} })).toBeUndefined();
    expect(await sendFromPopup({ name: 'timer.start', data: { task: { id: -1 } } })).toEqual({
      ok: false,
      error: 'invalid-task',
    });
    expect(await stored('timer')).toBeUndefined();
  });

  it('serialises commands that arrive together: two stops make one entry', async () => {
    await signIn();
    world.cor.failNext(1000, { status: 503 }, { method: 'POST', path: '/v1/hours' });
    await start(SEED.tasks.design);
    const answers = await Promise.all([stop(), stop(), start(SEED.tasks.design)]);
    expect(answers).toEqual([{ ok: true }, { ok: false, error: 'not-running' }, { ok: true }]);
    expect(await storedOutbox()).toHaveLength(1);
  });
});

describe('background: nothing lost when things go wrong', () => {
  it('when the browser starts, an entry in a long wait (503: five minutes) is sent at once', async () => {
    await signIn();
    world.cor.failNext(1, { status: 503 }, { method: 'POST', path: '/v1/hours' });
    await start(SEED.tasks.design);
    await stop();
    await vi.waitFor(async () => expect((await storedOutbox())[0]).toMatchObject({ reason: { code: 'unavailable' } }));
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect(await storedOutbox()).toEqual([]));
    expect(world.cor.hours).toHaveLength(1);
  });

  it('keeps a refused entry with COR’s reason and sends it once COR recovers', async () => {
    await signIn();
    world.cor.failNext(1000, { status: 500 }, { method: 'POST', path: '/v1/hours' });
    await start(SEED.tasks.design);
    await stop();
    await vi.waitFor(async () =>
      expect((await storedOutbox())[0]).toMatchObject({
        state: 'waiting',
        attempts: 1,
        reason: { code: 'server-error', status: 500, message: 'Internal error' },
      }),
    );
    world.cor.clearFaults();
    await sendFromPopup({ name: 'outbox.send-now', data: {} });
    expect(await storedOutbox()).toEqual([]);
    expect(world.cor.hours).toHaveLength(1);
  });

  it('survives a worker restart while running: the original start is sent', async () => {
    await signIn();
    const t0 = anHourAgo();
    vi.useFakeTimers({ toFake: ['Date'], now: t0 });
    await start(SEED.tasks.budget);
    await startWorker();
    vi.setSystemTime(t0 + 30 * 60_000);
    await stop();
    await vi.waitFor(() => expect(world.cor.hours).toHaveLength(1));
    expect(posts().map((r) => r.json)).toEqual([
      { task_log_id: SEED.tasks.budget, start: iso(t0), stop: iso(t0 + 30 * 60_000) },
    ]);
  });

  it('a worker killed mid-request does not book twice: it finds the entry in COR first', async () => {
    await signIn();
    // What a worker killed during its POST leaves behind: the entry marked sending, and COR has it.
    const startedAt = Date.UTC(2026, 10, 27, 15, 0, 0, 250);
    world.cor.addHour({ task_log_id: SEED.tasks.design, start: '2026-11-27T15:00:00Z', stop: '2026-11-27T16:00:00Z' });
    const left: OutboxEntry = {
      owner: ANA,
      id: 'e-killed',
      task: { id: SEED.tasks.design },
      startedAt,
      stoppedAt: startedAt + 3_600_000,
      state: 'sending',
      attempts: 0,
      nextAttemptAt: startedAt,
    };
    await seedEntries(left);
    await startWorker();
    await vi.waitFor(async () => expect((await storedOutbox())[0]).toMatchObject({ state: 'in-doubt' }));
    // COR gets time to finish what the dead worker sent; not even Send now looks before then.
    await sendFromPopup({ name: 'outbox.send-now', data: {} });
    expect(world.cor.requests.some((r) => r.path === '/v1/hours')).toBe(false);
    afterSettling();
    // The retry alarm the worker set for the end of the settling time goes off.
    const alarm = await fakeBrowser.alarms.get(RETRY_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual((await storedOutbox())[0]!.lookupAfter!);
    await fakeBrowser.alarms.onAlarm.trigger(alarm!);
    await vi.waitFor(async () => expect(await storedOutbox()).toEqual([]));
    expect(posts()).toHaveLength(0);
    expect(world.cor.hours).toHaveLength(1);
    expect(world.cor.requests.some((r) => r.method === 'GET' && r.path === '/v1/hours')).toBe(true);
  });

  it.each([
    { dies: 'before the stop is written', writes: 0, postLeaves: false },
    { dies: 'after the stop is written', writes: 1, postLeaves: false },
    { dies: 'after the entry is marked sending, before the POST leaves', writes: 2, postLeaves: false },
    { dies: 'after the POST reached COR, before its answer is recorded', writes: 2, postLeaves: true },
  ])('a worker that dies $dies loses nothing and books nothing twice', async ({ writes, postLeaves }) => {
    await signIn();
    await start(SEED.tasks.design);
    const steps = stepsOfTheWorker({ writes, postLeaves });
    void stop();
    await vi.waitFor(() => expect(steps).toContain('dies'));
    expect(steps.slice(0, steps.indexOf('dies'))).toHaveLength(writes + (postLeaves ? 1 : 0));
    vi.restoreAllMocks();
    vi.stubGlobal('fetch', fetchVia(world.cor));
    await startWorker();
    // Before the stop was written, the timer still runs: the person stops it again.
    if (writes === 0) {
      expect(await stored('timer')).toMatchObject({ status: 'running' });
      expect(await stop()).toEqual({ ok: true });
    }
    afterSettling();
    await sendFromPopup({ name: 'outbox.send-now', data: {} });
    await vi.waitFor(async () => expect(await storedOutbox()).toEqual([]));
    expect(world.cor.hours).toHaveLength(1);
    expect(posts()).toHaveLength(1);
    expect(await stored('timer')).toEqual({ status: 'idle' });
  });

  it('a worker start rewrites only the entries it finds sending (it recovers from what the upgrade read)', async () => {
    await signIn();
    const t0 = anHourAgo();
    const later = Date.now() + 3_600_000;
    const entry = { task: { id: SEED.tasks.design }, startedAt: t0, stoppedAt: t0 + 60_000, attempts: 1 };
    await seedEntries(
      { ...entry, id: 'e-sending', state: 'sending', nextAttemptAt: t0 },
      { ...entry, id: 'e-doubt', state: 'in-doubt', lookupAfter: later, nextAttemptAt: later },
    );
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await startWorker();
    await vi.waitFor(async () =>
      expect(await storedOutbox()).toMatchObject([{ state: 'in-doubt' }, { state: 'in-doubt' }]),
    );
    await sendFromPopup({ name: 'timer.undo-discard', data: {} });
    const written = set.mock.calls.flatMap(([items]) => Object.keys(items));
    expect(written).toContain('entry:e-sending');
    expect(written).not.toContain('entry:e-doubt');
  });

  it('an answer lost after COR committed leaves the entry in doubt, and it is never posted again', async () => {
    await signIn();
    world.cor.failNext(1, { kind: 'commit-then-drop' }, { method: 'POST', path: '/v1/hours' });
    await start(SEED.tasks.content);
    await stop();
    await vi.waitFor(async () => expect((await storedOutbox())[0]).toMatchObject({ state: 'in-doubt' }));
    expect(world.cor.hours).toHaveLength(1);
    afterSettling();
    await sendFromPopup({ name: 'outbox.send-now', data: {} });
    expect(await storedOutbox()).toEqual([]);
    expect(posts()).toHaveLength(1);
    expect(world.cor.hours).toHaveLength(1);
  });

  it('a success it cannot read is not taken on trust: the entry is looked up, then sent once', async () => {
    await signIn();
    world.cor.failNext(1, { kind: 'malformed' }, { method: 'POST', path: '/v1/hours' });
    await start(SEED.tasks.content);
    await stop();
    await vi.waitFor(async () =>
      expect((await storedOutbox())[0]).toMatchObject({
        state: 'in-doubt',
        reason: { code: 'malformed' },
      }),
    );
    afterSettling();
    await sendFromPopup({ name: 'outbox.send-now', data: {} });
    expect(await storedOutbox()).toEqual([]);
    expect(posts()).toHaveLength(2);
    expect(world.cor.hours).toHaveLength(1);
  });

  it('an in-doubt entry that COR does not have is sent', async () => {
    await signIn();
    world.cor.failNext(1, { kind: 'drop' }, { method: 'POST', path: '/v1/hours' });
    await start(SEED.tasks.content);
    await stop();
    await vi.waitFor(async () => expect((await storedOutbox())[0]).toMatchObject({ state: 'in-doubt' }));
    afterSettling();
    await sendFromPopup({ name: 'outbox.send-now', data: {} });
    expect(await storedOutbox()).toEqual([]);
    expect(world.cor.hours).toHaveLength(1);
  });

  it('with a refused token, entries wait and the account says so; a new token sends them', async () => {
    await signIn();
    world.cor.expireAccessTokens();
    await start(SEED.tasks.design);
    await stop();
    // COR refuses the token on the title lookup after the start or on the POST after the stop,
    // whichever comes first: either way the account says so and the entry waits, unsent.
    await vi.waitFor(async () => expect(await stored('account')).toMatchObject({ status: 'expired' }));
    await sendFromPopup({ name: 'outbox.send-now', data: {} });
    expect((await storedOutbox())[0]).toMatchObject({ state: 'waiting' });
    expect(world.cor.hours).toHaveLength(0);
    // The badge is redrawn after storage changes, on its own turn.
    await vi.waitFor(() => expect(fakeBrowser.action.getBadgeText({})).resolves.toBe('!'));
    await signIn();
    await vi.waitFor(async () => expect(await storedOutbox()).toEqual([]));
    expect(world.cor.hours).toHaveLength(1);
  });

  it('signing out keeps waiting entries and forgets the token', async () => {
    const { access_token } = world.cor.issueToken();
    await sendFromPopup({ name: 'auth.sign-in', data: { method: 'token', token: access_token } });
    world.cor.failNext(1000, { status: 502 }, { method: 'POST', path: '/v1/hours' });
    await start(SEED.tasks.design);
    await stop();
    await vi.waitFor(async () => expect((await storedOutbox())[0]?.attempts).toBe(1));
    // Asked plainly, sign-out first says what still waits.
    expect(await sendFromPopup({ name: 'auth.sign-out', data: { confirm: false } })).toEqual({
      ok: false,
      error: 'entries-waiting',
      count: 1,
    });
    expect(await stored('account')).toMatchObject({ status: 'signed-in' });
    expect(await sendFromPopup({ name: 'auth.sign-out', data: { confirm: true } })).toEqual({ ok: true });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(access_token);
    expect(await stored('account')).toEqual({ status: 'signed-out' });
    expect(await storedOutbox()).toHaveLength(1);
  });

  it('rejects a token of the wrong shape without storing it', async () => {
    expect(await sendFromPopup({ name: 'auth.sign-in', data: { method: 'token', token: 'has spaces in it' } })).toEqual(
      { ok: false, error: 'invalid-input' },
    );
    expect(await stored('auth')).toBeUndefined();
  });
});
