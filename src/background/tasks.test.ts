/** The picker's background side and the running-timer corrections, against a real fake-cor. */
import { describe, expect, it, vi } from 'vitest';
import { SEED } from '../../tools/fake-cor/server.ts';
import { sendFromPopup } from '../test/fake-platform';
import { popup, postsOf, requestsTo, stored, useWorker, storedOutbox } from '../test/worker';
import type { TimerState } from '../core/timer';

vi.mock('../platform/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const world = useWorker({ signedIn: true });
const ask = (name: string, data: object) => sendFromPopup({ name, data });

describe('finding tasks', () => {
  it('searches COR by title, URL-encoded, and answers with title, project and client', async () => {
    const answer = (await ask('tasks.search', { query: 'Diseño de campaña' })) as { ok: true; tasks: unknown[] };
    expect(requestsTo(world.cor, '/v1/tasks/search-by-title/Dise%C3%B1o%20de%20campa%C3%B1a')).toHaveLength(1);
    expect(answer.tasks[0]).toMatchObject({ id: SEED.tasks.design, title: 'Diseño de campaña — Día del Niño 🎈' });
    expect(answer.tasks[0]).toHaveProperty('project');
  });

  it('says why when COR cannot search', async () => {
    world.cor.failNext(1, { status: 500 }, { path: /^\/v1\/tasks\/search-by-title\// });
    expect(await ask('tasks.search', { query: 'abc' })).toMatchObject({ ok: false, reason: { code: 'server-error' } });
  });

  it('looks one task up by number: found, not found, or unknown when COR is away', async () => {
    expect(await ask('tasks.lookup', { id: SEED.tasks.budget })).toMatchObject({
      ok: true,
      task: { id: SEED.tasks.budget, title: 'Revisão do orçamento 📊' },
    });
    expect(await ask('tasks.lookup', { id: 999_999 })).toEqual({ ok: false, error: 'not-found' });
    await world.cor.down();
    expect(await ask('tasks.lookup', { id: SEED.tasks.budget })).toEqual({ ok: false, error: 'unknown' });
    await world.cor.up();
  });

  it('keeps "My tasks": open tasks I collaborate on, by deadline', async () => {
    await ask('tasks.refresh', {});
    const request = requestsTo(world.cor, '/v1/tasks')[0]!;
    expect(JSON.parse(request.query.filters!)).toEqual({
      collaborator: SEED.user.id,
      status: ['nueva', 'en_proceso', 'estancada'],
    });
    expect(JSON.parse(request.query.order!)).toEqual({ deadline: 'ASC' });
    const mine = await stored<{ tasks: Array<{ id: number }>; fetchedAt: number }>('myTasks');
    expect(mine.tasks.length).toBeGreaterThan(0);
    expect(mine.tasks.map((t) => t.id)).not.toContain(SEED.tasks.closed);
  });

  it('a failed refresh keeps the cached list', async () => {
    await ask('tasks.refresh', {});
    const before = await stored('myTasks');
    await world.cor.down();
    await ask('tasks.refresh', {});
    expect(await stored('myTasks')).toEqual(before);
    await world.cor.up();
  });

  it('pins and unpins', async () => {
    await ask('tasks.pin', { task: { id: 7, title: 'Seven' }, pinned: true });
    await ask('tasks.pin', { task: { id: 8 }, pinned: true });
    await ask('tasks.pin', { task: { id: 7 }, pinned: false });
    expect(await stored('pinnedTasks')).toEqual([{ id: 8 }]);
  });

  it('refuses a task reference that is not one, and drops over-long text', async () => {
    for (const task of [{ id: 0 }, { id: 1.5 }, { id: '3' }, null]) {
      expect(await ask('timer.start', { task })).toEqual({ ok: false, error: 'invalid-task' });
    }
    expect(await ask('timer.start', { task: { id: 3, title: 'x'.repeat(5000) } })).toEqual({ ok: true });
    expect(((await stored<TimerState>('timer')) as { task: object }).task).toEqual({ id: 3 });
  });
});

describe('correcting the running timer', () => {
  const anHourAgo = () => Math.floor(Date.now() / 1000) * 1000 - 3_600_000;
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

  it('a moved start is the start that is posted', async () => {
    const t0 = anHourAgo();
    await popup.start(SEED.tasks.design);
    expect(await ask('timer.adjust-start', { startedAt: t0, confirmed: false })).toEqual({ ok: true });
    await popup.stop();
    await vi.waitFor(() => expect(world.cor.hours).toHaveLength(1));
    expect((postsOf(world.cor)[0]!.json as { start: string }).start).toBe(iso(t0));
  });

  it('never into the future; before the previous entry’s stop only when confirmed', async () => {
    const t0 = anHourAgo();
    vi.useFakeTimers({ toFake: ['Date'], now: t0 });
    await popup.start(SEED.tasks.design);
    vi.setSystemTime(t0 + 20 * 60_000);
    await popup.stop();
    await popup.start(SEED.tasks.content);
    vi.setSystemTime(t0 + 30 * 60_000);
    expect(await ask('timer.adjust-start', { startedAt: t0 + 31 * 60_000, confirmed: false })).toEqual({
      ok: false,
      error: 'start-in-future',
    });
    expect(await ask('timer.adjust-start', { startedAt: t0 + 10 * 60_000, confirmed: false })).toEqual({
      ok: false,
      error: 'overlaps-previous',
    });
    expect(await stored('timer')).toMatchObject({ startedAt: t0 + 20 * 60_000 });
    expect(await ask('timer.adjust-start', { startedAt: t0 + 10 * 60_000, confirmed: true })).toEqual({ ok: true });
    expect(await stored('timer')).toMatchObject({ startedAt: t0 + 10 * 60_000 });
  });

  it('discard posts nothing, and undo brings the timer back as it was', async () => {
    await popup.start(SEED.tasks.design);
    const { startedAt } = await stored<{ startedAt: number }>('timer');
    expect(await ask('timer.discard', {})).toEqual({ ok: true });
    expect(await stored('timer')).toMatchObject({
      status: 'idle',
      discarded: { task: { id: SEED.tasks.design }, startedAt },
    });
    expect(await storedOutbox()).toEqual([]);
    expect(await ask('timer.undo-discard', {})).toEqual({ ok: true });
    expect(await stored('timer')).toMatchObject({ status: 'running', startedAt });
    await ask('timer.discard', {});
    await popup.sendNow();
    expect(postsOf(world.cor)).toHaveLength(0);
  });
});
