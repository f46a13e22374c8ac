/**
 * A woken worker's start-up (issue 14): it answers what woke it before its side work (redraws,
 * heartbeat, flush), rebuilds the context menus only when the browser may not have them, and
 * redraws only what the toolbar does not already show.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { SEED } from '../../tools/fake-cor/server.ts';
import { killWorker, sendFromPopup } from '../test/fake-platform';
import { menuItems, popupState } from '../test/fake-extras';
import { bootWorker, popup, postsOf, seedEntries, startWorker, stored, useWorker } from '../test/worker';

vi.mock('../platform/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const world = useWorker({ signedIn: true });

/** The worker stopped, and what it had under way finished. */
async function stopWorker() {
  killWorker();
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/** A stopped worker woken by a message from the popup, sent as soon as its listeners are registered. */
async function wakeWith(message: { name: string; data: object }) {
  const { started } = await bootWorker();
  const answer = await sendFromPopup(message);
  return { answer, started };
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

describe('the toolbar across worker restarts', () => {
  const toolbar = async () => ({
    text: await fakeBrowser.action.getBadgeText({}),
    icon: popupState.icon,
    title: await fakeBrowser.action.getTitle({}),
  });
  /**
   * The toolbar once the running timer's look is drawn in full, with the task's title (known once
   * the worker has found the task), and noted for the next worker.
   */
  const drawnRunning = async () => {
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.session.get('toolbarShown')).toolbarShown).toMatchObject({
        icon: 'running',
        title: expect.stringContaining('Diseño de campaña') as unknown,
      }),
    );
    return toolbar();
  };
  const drawCalls = () => ({
    text: vi.spyOn(fakeBrowser.action, 'setBadgeText').mockClear(),
    icon: vi.spyOn(fakeBrowser.action, 'setIcon').mockClear(),
    title: vi.spyOn(fakeBrowser.action, 'setTitle').mockClear(),
  });

  it('a restarted worker leaves alone what the toolbar already shows; the minute changes only the text', async () => {
    const t0 = Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000;
    vi.useFakeTimers({ toFake: ['Date'], now: t0 });
    await popup.start(SEED.tasks.design);
    const running = await drawnRunning();
    expect(running.text).toBe('0:00');

    const calls = drawCalls();
    await startWorker();
    expect(calls.text).not.toHaveBeenCalled();
    expect(calls.icon).not.toHaveBeenCalled();
    expect(calls.title).not.toHaveBeenCalled();
    expect(await toolbar()).toEqual(running);

    vi.setSystemTime(t0 + 61 * 60_000);
    await fakeBrowser.alarms.onAlarm.trigger((await fakeBrowser.alarms.get('badge-minute'))!);
    await vi.waitFor(async () => expect((await toolbar()).text).toBe('1:01'));
    expect(calls.icon).not.toHaveBeenCalled();
    expect(calls.title).not.toHaveBeenCalled();
    expect(await toolbar()).toEqual({ ...running, text: '1:01' });
  });

  it('a redraw cut short by a stopped worker is finished in full by the next one', async () => {
    const t0 = Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000;
    vi.useFakeTimers({ toFake: ['Date'], now: t0 });
    await popup.start(SEED.tasks.design);
    const running = await drawnRunning();
    const timer = await stored('timer');
    // The stop's redraw changes the text, then the worker stops before the icon is set.
    const { icon } = drawCalls();
    popupState.stallIcon = true;
    vi.setSystemTime(t0 + 20_000);
    await popup.stop();
    await vi.waitFor(() => expect(icon).toHaveBeenCalled());
    expect((await toolbar()).icon).toBe('/icons/running-16.png');
    expect((await toolbar()).text).not.toBe(running.text);
    await vi.waitFor(() => expect(postsOf(world.cor)).toHaveLength(1));
    // Within the same minute the same timer runs again: the look the last full draw left, exactly.
    await fakeBrowser.storage.local.set({ timer });
    await startWorker();
    await vi.waitFor(async () => expect(await toolbar()).toEqual(running));
  });

  it('after a browser restart, which resets the toolbar, the first worker draws it in full', async () => {
    await popup.start(SEED.tasks.design);
    const running = await drawnRunning();
    // What the browser shows after a restart: the manifest's look; and storage.session is empty.
    await fakeBrowser.storage.session.clear();
    await fakeBrowser.action.setBadgeText({ text: '' });
    await fakeBrowser.action.setTitle({ title: 'COR Timer' });
    popupState.icon = '';
    await startWorker();
    expect(await toolbar()).toEqual(running);
  });
});
