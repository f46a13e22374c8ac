/**
 * The doors other than the popup, in each browser: the toggle-timer shortcut, the context menu,
 * the icon menu's "Open COR Timer", and the notifications they show.
 */
import { describe, expect, it } from 'vitest';
import { SEED } from '../../tools/fake-cor/server.ts';
import type { BrowserName } from '../drive/extension-browser';
import type { BrowserTest } from '../drive/use-browser';
import {
  menuItemsExisting,
  posted,
  signInWithToken,
  startByNumber,
  stopTimer,
  storedTimer,
  untilTimerIs,
} from './steps';

export function doorScenarios(t: BrowserTest, name: BrowserName): void {
  const untilTimer = (status: string, act: () => Promise<void>) => untilTimerIs(t.browser, status, act);
  const shownIds = async () => (await t.browser.notifications()).map((n) => n.id);

  describe(`${name}: the doors other than the popup`, () => {
    it('the toggle-timer shortcut starts the last task and stops it, and says so in notifications', async () => {
      await signInWithToken(t.browser, t.cor);
      const popup = await t.browser.openPopup();
      await startByNumber(popup, SEED.tasks.content);
      await stopTimer(popup);
      await popup.close();

      await untilTimer('running', () => t.browser.pressShortcut('toggle-timer'));
      expect((await storedTimer(t.browser))?.task?.id).toBe(SEED.tasks.content);
      await expect.poll(shownIds).toContain('timer-started');
      await untilTimer('idle', () => t.browser.pressShortcut('toggle-timer'));
      await expect.poll(() => t.cor.hours.length).toBe(2);
      await expect.poll(shownIds).toContain('timer-logged');
      expect(posted(t.cor).map((p) => p.task_log_id)).toEqual([SEED.tasks.content, SEED.tasks.content]);
    });

    it('the icon menu "Open COR Timer" opens the real popup (action.openPopup), not a tab', async () => {
      await signInWithToken(t.browser, t.cor);
      await t.browser.clickMenu({ menuItemId: 'open-popup' });
      await t.browser.waitForActionPopup();
    });

    it('"Log time on this task" starts the task of the page, with its title from COR', async () => {
      await signInWithToken(t.browser, t.cor);
      const items = ['log-time-page', 'log-time-link', 'open-popup', 'toggle-timer'];
      await expect.poll(() => menuItemsExisting(t.browser, [...items, 'no-such-item'])).toEqual(items);
      // The click wakes a stopped background (Firefox: the primed listener of the event page).
      await t.browser.stopBackground();
      expect(await menuItemsExisting(t.browser, items)).toEqual(items);
      const pageUrl = `https://acme.cor.works/tasks/${SEED.tasks.design}`;
      await t.browser.clickMenu({ menuItemId: 'log-time-page', pageUrl });
      await expect
        .poll(async () => (await storedTimer(t.browser))?.task)
        .toMatchObject({
          id: SEED.tasks.design,
          title: 'Diseño de campaña — Día del Niño 🎈',
        });
      const linkUrl = `https://acme.cor.works/tasks/${SEED.tasks.content}`;
      await t.browser.clickMenu({ menuItemId: 'log-time-link', linkUrl, pageUrl });
      await expect.poll(async () => (await storedTimer(t.browser))?.task?.id).toBe(SEED.tasks.content);
      await expect.poll(() => t.cor.hours.map((h) => h.task_log_id)).toEqual([SEED.tasks.design]);
    });
  });
}
