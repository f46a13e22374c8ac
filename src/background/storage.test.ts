/**
 * Stored data outlives versions and bugs: a 0.1 profile is migrated at worker start before
 * anything reads it, and a value no version can read is set aside — never dropped, never
 * written over, never blocking the entries behind it.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { SEED } from '../../tools/fake-cor/server.ts';
import { IN_DOUBT_SETTLE_MS } from '../core/outbox';
import { sendFromPopup } from '../test/fake-platform';
import { popup, postsOf, seedEntries, startWorker, stored, storedOutbox, useWorker } from '../test/worker';
import { ANA } from '../test/owners';

vi.mock('../platform/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const world = useWorker();
const ask = (name: string, data: object) => sendFromPopup({ name, data });
const H = 3_600_000;
/** Whole seconds: COR stores seconds, and the in-doubt lookup compares them. */
const hoursAgo = (n: number) => Math.floor(Date.now() / 1000) * 1000 - n * H;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const quarantined = async () =>
  Object.entries(await fakeBrowser.storage.local.get(null)).filter(([k]) => k.startsWith('quarantine:'));

/** What 0.1.x left in storage: no schemaVersion, one `outbox` array, no owners, no generation. */
async function seedV1Profile(): Promise<{ committed: number }> {
  const token = world.cor.issueToken(SEED.user.id).access_token;
  const committed = hoursAgo(5);
  // An entry whose POST COR committed before the old worker died: in doubt, must not be sent again.
  world.cor.addHour({ task_log_id: SEED.tasks.design, start: iso(committed), stop: iso(committed + H) });
  await fakeBrowser.storage.local.clear();
  await fakeBrowser.storage.local.set({
    auth: { method: 'token', accessToken: token, refreshToken: null, expiresAt: null, client: null },
    account: { status: 'signed-in', method: 'token', userId: SEED.user.id, name: 'Ana García', picture: null },
    timer: {
      status: 'running',
      task: { id: SEED.tasks.budget, title: 'Revisão do orçamento 📊' },
      startedAt: hoursAgo(1),
    },
    outbox: [
      {
        id: 'old-1',
        task: { id: SEED.tasks.design },
        startedAt: committed,
        stoppedAt: committed + H,
        state: 'sending',
        attempts: 0,
        nextAttemptAt: committed,
      },
      {
        id: 'old-2',
        task: { id: SEED.tasks.content },
        startedAt: hoursAgo(4),
        stoppedAt: hoursAgo(3),
        state: 'waiting',
        attempts: 3,
        nextAttemptAt: hoursAgo(3),
        reason: { code: 'unavailable', status: 503 },
      },
    ],
    recentTasks: [{ id: SEED.tasks.budget, title: 'Revisão do orçamento 📊' }],
    settings: { toolbarClick: 'popup', notifications: true },
  });
  return { committed };
}

describe('a 0.1 profile meets this version', () => {
  it('keeps every waiting entry and the running timer, owned by Ana, and delivers each once', async () => {
    await seedV1Profile();
    await startWorker();
    // The entry left `sending` is in doubt, and waits to be looked up; the one after it waits its turn.
    await vi.waitFor(async () =>
      expect(await storedOutbox()).toMatchObject([
        { id: 'old-1', owner: ANA, state: 'in-doubt' },
        { id: 'old-2', owner: ANA, state: 'waiting' },
      ]),
    );
    expect(await stored('schemaVersion')).toBe(2);
    expect(await stored('outbox')).toBeUndefined();
    expect(await stored('timer')).toMatchObject({ status: 'running', owner: { userId: SEED.user.id } });
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + IN_DOUBT_SETTLE_MS });
    await ask('outbox.send-now', {});
    await vi.waitFor(async () => expect(await storedOutbox()).toEqual([]));
    await popup.stop();
    await vi.waitFor(async () => expect(await storedOutbox()).toEqual([]));
    expect(world.cor.hours.map((h) => h.task_log_id).sort()).toEqual(
      [SEED.tasks.design, SEED.tasks.content, SEED.tasks.budget].sort(),
    );
    expect(postsOf(world.cor)).toHaveLength(2);
    expect(await quarantined()).toEqual([]);
  });

  it('entries of a 0.1 profile with nobody signed in wait as "unknown account" until someone claims them', async () => {
    await seedV1Profile();
    await fakeBrowser.storage.local.set({ account: { status: 'signed-out' }, auth: null });
    await startWorker();
    expect(await storedOutbox()).toMatchObject([{ owner: null }, { owner: null }]);
    await popup.signInWithToken(world.cor.issueToken(SEED.user.id).access_token);
    await ask('outbox.send-now', {});
    expect(postsOf(world.cor)).toHaveLength(0);
    const [, waiting] = await storedOutbox();
    expect(await ask('outbox.claim', { id: waiting!.id })).toEqual({ ok: true });
    await vi.waitFor(() => expect(world.cor.hours).toHaveLength(2));
    expect(world.cor.hours.every((h) => h.user_id === SEED.user.id)).toBe(true);
  });
});

describe('unreadable values are set aside, not lost', () => {
  it('one bad entry among good ones: the good are delivered, the next stop writes over nothing', async () => {
    await popup.signInWithToken(world.cor.issueToken().access_token);
    const good = { task: { id: SEED.tasks.design }, state: 'waiting' as const, attempts: 0 };
    await seedEntries(
      { id: 'g1', ...good, startedAt: hoursAgo(4), stoppedAt: hoursAgo(3), nextAttemptAt: hoursAgo(3) },
      { id: 'g2', ...good, startedAt: hoursAgo(2), stoppedAt: hoursAgo(1), nextAttemptAt: hoursAgo(1) },
    );
    const [from, to] = [hoursAgo(6), hoursAgo(5)];
    await fakeBrowser.storage.local.set({ 'entry:bad': { id: 'bad', startedAt: from, stoppedAt: to } });
    await startWorker();
    await popup.start(SEED.tasks.content);
    await popup.stop();
    // COR has the third hour a moment before the worker takes its entry out of the outbox.
    await vi.waitFor(async () => {
      expect(world.cor.hours).toHaveLength(3);
      expect(await storedOutbox()).toEqual([]);
    });
    const [key, aside] = ((await quarantined()) as Array<[string, { recovered: object }]>)[0]!;
    expect(key).toBe('quarantine:entry:bad');
    expect(aside.recovered).toMatchObject({ taskId: null, startedAt: from, stoppedAt: to });
    // Nothing to send it with (no task): the person may only discard it.
    expect(await ask('quarantine.retry', { key })).toEqual({ ok: false, error: 'entry-gone' });
    expect(await ask('quarantine.discard', { key })).toEqual({ ok: true });
    expect(await quarantined()).toEqual([]);
  });

  it('an unreadable entry that names its task and times can be sent again: looked up first, then once', async () => {
    await popup.signInWithToken(world.cor.issueToken().access_token);
    const raw = {
      id: 'odd',
      task: { id: SEED.tasks.budget },
      owner: ANA,
      startedAt: hoursAgo(2),
      stoppedAt: hoursAgo(1),
      state: 'sending',
      attempts: 'x',
    };
    await fakeBrowser.storage.local.set({ 'entry:odd': raw });
    await startWorker();
    expect(await ask('quarantine.retry', { key: 'quarantine:entry:odd' })).toEqual({ ok: true });
    expect(await ask('quarantine.retry', { key: 'quarantine:entry:odd' })).toEqual({ ok: false, error: 'entry-gone' });
    await vi.waitFor(() =>
      expect(world.cor.requests.some((r) => r.method === 'GET' && r.path === '/v1/hours')).toBe(true),
    );
    await vi.waitFor(async () => expect(await storedOutbox()).toEqual([]));
    expect(world.cor.hours).toMatchObject([{ task_log_id: SEED.tasks.budget, user_id: SEED.user.id }]);
  });

  it('an unreadable timer is set aside; the next start does not write over it', async () => {
    await popup.signInWithToken(world.cor.issueToken().access_token);
    const startedAt = hoursAgo(1);
    await fakeBrowser.storage.local.set({ timer: { status: 'running', task: { id: 'x' }, startedAt } });
    await startWorker();
    await popup.start(SEED.tasks.design);
    expect(await stored('timer')).toMatchObject({ status: 'running', task: { id: SEED.tasks.design } });
    expect(await stored('quarantine:timer')).toMatchObject({ from: 'timer', recovered: { startedAt } });
  });

  it('an error while handling one entry puts it in Needs attention; the entries behind it go on', async () => {
    await popup.signInWithToken(world.cor.issueToken().access_token);
    const waiting = { task: { id: SEED.tasks.design }, state: 'waiting' as const, attempts: 0 };
    await seedEntries(
      { id: 'first', ...waiting, startedAt: hoursAgo(4), stoppedAt: hoursAgo(3), nextAttemptAt: hoursAgo(3) },
      { id: 'second', ...waiting, startedAt: hoursAgo(2), stoppedAt: hoursAgo(1), nextAttemptAt: hoursAgo(1) },
    );
    // The write that marks the first entry `sending` fails, as a full disk would.
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const failing: typeof set = (items) => {
      const first = (items as Record<string, { state?: string }>)['entry:first'];
      if (first?.state === 'sending') return Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
      return set(items);
    };
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the fake types set() as void; the real one returns this promise
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(failing);
    await ask('outbox.send-now', {});
    expect(await storedOutbox()).toMatchObject([
      { id: 'first', state: 'needs-attention', reason: { code: 'unexpected' } },
    ]);
    expect(world.cor.hours).toHaveLength(1);
    vi.restoreAllMocks();
    expect(await ask('outbox.retry', { id: 'first' })).toEqual({ ok: true });
    await vi.waitFor(async () => expect(await storedOutbox()).toEqual([]));
    expect(world.cor.hours).toHaveLength(2);
  });
});
