/**
 * A woken worker's start-up (issue 14): it answers what woke it before its side work (redraws,
 * heartbeat, flush), and rebuilds the context menus only when the browser may not have them.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { SEED } from '../../tools/fake-cor/server.ts';
import { killWorker, sendFromPopup } from '../test/fake-platform';
import { menuItems } from '../test/fake-extras';
import { popup, postsOf, seedEntries, startWorker, useWorker } from '../test/worker';

vi.mock('../platform/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const world = useWorker({ signedIn: true });

/** The worker stopped, and what it had under way finished. */
async function stopWorker() {
  killWorker();
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/** A stopped worker woken by a message from the popup, sent as soon as its listeners are registered. */
async function wakeWith(message: { name: string; data: object }) {
  vi.resetModules();
  const worker = await import('./index');
  const answer = await sendFromPopup(message);
  return { answer, started: worker.started };
}

describe('a woken worker', () => {
  it('answers the message that woke it before it redraws the toolbar, beats or flushes', async () => {
    const t0 = Date.now() - 3_600_000;
    await stopWorker();
    await seedEntries({
      id: 'e-due',
      task: { id: SEED.tasks.design },
      startedAt: t0,
      stoppedAt: t0 + 60_000,
      state: 'waiting',
      attempts: 0,
      nextAttemptAt: t0,
    });
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    const { answer, started } = await wakeWith({ name: 'timer.undo-discard', data: {} });
    expect(answer).toBeDefined();
    expect(badge).not.toHaveBeenCalled();
    // (The command's own heartbeat may be written; the flush's `sending` mark may not.)
    expect(writes.mock.calls.flatMap(([items]) => Object.keys(items))).not.toContain('entry:e-due');
    expect(postsOf(world.cor)).toHaveLength(0);
    await started;
    // Then the side work runs as before: the toolbar is drawn and the due entry is sent.
    expect(badge).toHaveBeenCalled();
    await vi.waitFor(() => expect(postsOf(world.cor)).toHaveLength(1));
  });

  it('keeps the context menus it finds; the first worker after a browser start builds them', async () => {
    await popup.start(SEED.tasks.design);
    const removeAll = vi.spyOn(fakeBrowser.contextMenus, 'removeAll');
    await startWorker();
    expect(removeAll).not.toHaveBeenCalled();
    expect(menuItems.get('toggle-timer')?.title).toBe('Stop timer');
    // A browser restart empties storage.session, and may have lost the items.
    await fakeBrowser.storage.session.clear();
    menuItems.clear();
    await startWorker();
    expect(removeAll).toHaveBeenCalledTimes(1);
    expect([...menuItems.keys()].sort()).toEqual(['log-time-link', 'log-time-page', 'open-popup', 'toggle-timer']);
    expect(menuItems.get('toggle-timer')?.title).toBe('Stop timer');
  });
});
