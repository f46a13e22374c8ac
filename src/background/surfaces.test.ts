/**
 * The toolbar follows storage without falling behind it. A redraw is several browser calls; when
 * writes come faster than that (a quick run of starts and stops, a delivery's steps), the writes
 * that arrive meanwhile are drawn once, from the latest state, not once each: a backlog of stale
 * redraws kept the real worker busy and its heap growing (docs/PERFORMANCE.md).
 */
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { useWorker } from '../test/worker';

vi.mock('../platform/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

useWorker();

describe('toolbar redraws after storage changes', () => {
  it('draws 40 timer writes that arrive during a slow redraw once more, ending on the last', async () => {
    await vi.waitFor(async () => expect(await fakeBrowser.action.getTitle({})).toBe('COR Timer'));
    // The first redraw after the spy waits until every write has arrived, like a slow browser.
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const drawn: string[] = [];
    const setBadgeText = fakeBrowser.action.setBadgeText.bind(fakeBrowser.action);
    const slowSetBadgeText = (details: { text?: string }): Promise<void> => {
      drawn.push(details.text ?? '');
      return (drawn.length === 1 ? slow : Promise.resolve()).then(() => setBadgeText(details));
    };
    Object.assign(fakeBrowser.action, { setBadgeText: slowSetBadgeText });
    onTestFinished(() => void Object.assign(fakeBrowser.action, { setBadgeText }));
    const now = Date.now();
    for (let i = 0; i < 40; i += 1) {
      await fakeBrowser.storage.local.set({
        timer: {
          status: 'running',
          task: { id: 1000 + i, title: `Task ${i}` },
          owner: null,
          startedAt: now - i * 3 * 60_000,
        },
      });
    }
    release();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getTitle({})).toContain('Task 39'));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1:57');
    expect(drawn).toEqual(['0:00', '1:57']);
  });
});
