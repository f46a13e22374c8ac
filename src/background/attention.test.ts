/**
 * "Needs attention": COR refused an entry (417, 404, 400). It stays until the person retries
 * it, moves it to another task, or discards it; the background never drops it by itself.
 */
import { describe, expect, it, vi } from 'vitest';
import { SEED } from '../../tools/fake-cor/server.ts';
import type { OutboxEntry } from '../core/outbox';
import { sendFromPopup } from '../test/fake-platform';
import { popup, postsOf, stored, useWorker, storedOutbox } from '../test/worker';

vi.mock('../platform/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const world = useWorker({ signedIn: true });
const outbox = () => storedOutbox();
const act = (name: string, data: Record<string, unknown>) => sendFromPopup({ name, data });

/** Stops one timer on `taskId` that COR refuses with `status`, and returns the refused entry. */
async function refusedEntry(taskId: number, status: number): Promise<OutboxEntry> {
  world.cor.failNext(1, { status }, { method: 'POST', path: '/v1/hours' });
  await popup.start(taskId);
  await popup.stop();
  await vi.waitFor(async () => expect((await outbox())[0]).toMatchObject({ state: 'needs-attention' }));
  return (await outbox())[0]!;
}

describe('Needs attention', () => {
  it('keeps a 417 with COR’s message, and sends nothing more until the person acts', async () => {
    const entry = await refusedEntry(SEED.tasks.design, 417);
    expect(entry.reason).toMatchObject({ code: 'rejected', status: 417 });
    expect(entry.reason?.message).toContain('task_log_id');
    await popup.sendNow();
    expect(postsOf(world.cor)).toHaveLength(1);
    expect(await outbox()).toHaveLength(1);
  });

  it('Retry sends the same entry again and it is logged once', async () => {
    const entry = await refusedEntry(SEED.tasks.design, 417);
    expect(await act('outbox.retry', { id: entry.id })).toEqual({ ok: true });
    await vi.waitFor(async () => expect(await outbox()).toEqual([]));
    expect(world.cor.hours).toHaveLength(1);
    expect(world.cor.hours[0]).toMatchObject({ task_log_id: SEED.tasks.design });
    expect((await stored<Array<{ entryId: string }>>('recent'))[0]?.entryId).toBe(entry.id);
  });

  it('Move sends the entry, same times, on the task the person chose', async () => {
    const entry = await refusedEntry(SEED.tasks.design, 404);
    expect(entry.reason?.code).toBe('task-not-found');
    expect(await act('outbox.move', { id: entry.id, task: { id: SEED.tasks.budget } })).toEqual({ ok: true });
    await vi.waitFor(async () => expect(await outbox()).toEqual([]));
    const [first, second] = postsOf(world.cor).map((r) => r.json as { task_log_id: number; start: string });
    expect(second).toMatchObject({ task_log_id: SEED.tasks.budget, start: first?.start });
    expect(world.cor.hours.map((h) => h.task_log_id)).toEqual([SEED.tasks.budget]);
  });

  it('Discard removes only that entry; a second Discard is told it is gone', async () => {
    const entry = await refusedEntry(SEED.tasks.design, 400);
    expect(await act('outbox.discard', { id: entry.id })).toEqual({ ok: true });
    expect(await outbox()).toEqual([]);
    expect(await act('outbox.discard', { id: entry.id })).toEqual({ ok: false, error: 'entry-gone' });
    expect(world.cor.hours).toHaveLength(0);
  });

  it('refuses to discard or move an entry that is only waiting: COR may be about to have it', async () => {
    world.cor.failNext(1000, { status: 503 }, { method: 'POST', path: '/v1/hours' });
    await popup.start(SEED.tasks.design);
    await popup.stop();
    await vi.waitFor(async () => expect((await outbox())[0]).toMatchObject({ state: 'waiting', attempts: 1 }));
    const [waiting] = await outbox();
    expect(await act('outbox.discard', { id: waiting!.id })).toEqual({ ok: false, error: 'entry-gone' });
    expect(await act('outbox.move', { id: waiting!.id, task: { id: SEED.tasks.budget } })).toEqual({
      ok: false,
      error: 'entry-gone',
    });
    expect(await outbox()).toHaveLength(1);
  });

  it('rejects malformed requests at the boundary', async () => {
    const entry = await refusedEntry(SEED.tasks.design, 417);
    expect(await act('outbox.move', { id: entry.id, task: { id: 'x' } })).toEqual({ ok: false, error: 'invalid-task' });
    expect(await act('outbox.retry', { id: 42 })).toEqual({ ok: false, error: 'entry-gone' });
    expect(await outbox()).toHaveLength(1);
  });
});
