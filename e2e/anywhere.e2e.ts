/**
 * Issue 5, end to end in Chromium: the keyboard shortcut pressed through CDP, the context menus
 * and the icon click fired through their real registered listeners inside the worker
 * (TESTING.md), the badge and tooltip read back from Chrome, and the menu items and the badge
 * checked after the worker is stopped, the menu items after a browser restart.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SEED } from '../tools/fake-cor/server.ts';
import { CdpTarget } from './cdp-target';
import { postedHours, pressToggleShortcut, startByNumber, useExtension } from './harness';

const t = useExtension({ signedIn: true });

type Timer = { status: string; task?: { id: number; title?: string }; startedAt?: number };
type Chrome = {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  action: {
    getBadgeText(d: object): Promise<string>;
    getTitle(d: object): Promise<string>;
    getPopup(d: object): Promise<string>;
    onClicked: { dispatch(tab: unknown): void };
  };
  contextMenus: {
    onClicked: { dispatch(info: unknown, tab: unknown): void };
    update(id: string, c: object): Promise<void>;
  };
  tabs: { query(q: object): Promise<unknown[]> };
};
declare const chrome: Chrome;

const timer = () =>
  t.session.worker.evaluate(async () => (await chrome.storage.local.get('timer')).timer as Timer | undefined);
const badge = () => t.session.worker.evaluate(() => chrome.action.getBadgeText({}));
const tooltip = () => t.session.worker.evaluate(() => chrome.action.getTitle({}));
/** Badge text and tooltip read together: a redraw sets one after the other. */
const icon = async () => ({ badge: await badge(), tooltip: await tooltip() });
const popupSetting = () => t.session.worker.evaluate(() => chrome.action.getPopup({}));
const taskPage = (id: number) => `https://acme.cor.works/tasks/${id}`;

/** A right-click → "Log time on this task" as Chrome reports it, fired at the real listener. */
function clickMenu(info: { menuItemId: string; pageUrl?: string; linkUrl?: string }): Promise<void> {
  return t.session.worker.evaluate(async (info) => {
    const [tab] = await chrome.tabs.query({ active: true });
    chrome.contextMenus.onClicked.dispatch({ editable: false, frameId: 0, ...info }, tab);
  }, info);
}

function clickIcon(): Promise<void> {
  return t.session.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true });
    chrome.action.onClicked.dispatch(tab);
  });
}

/**
 * Repeats `act` until the timer reaches `status`. Presses within 500 ms of an accepted one are
 * ignored by design, so this never toggles twice; it only waits out the window without a sleep.
 */
async function untilTimer(status: string, act: () => Promise<void>): Promise<void> {
  await expect
    .poll(
      async () => {
        if ((await timer())?.status !== status) await act();
        return (await timer())?.status;
      },
      { timeout: 10_000, interval: 100 },
    )
    .toBe(status);
}

async function startAndStopInPopup(taskId: number): Promise<void> {
  const popup = await t.session.openPopup();
  await startByNumber(popup, taskId);
  await popup.getByRole('button', { name: 'Stop timer' }).click();
  await popup.getByText(/^Logged /).waitFor();
  await popup.close();
}

describe('start and stop from anywhere', () => {
  it('a real shortcut press starts the last task and stops it; the entry is posted once', async () => {
    await startAndStopInPopup(SEED.tasks.content);
    const page = await t.session.context.newPage();
    await page.goto(taskPage(SEED.tasks.budget));

    await untilTimer('running', () => pressToggleShortcut(t.session, page));
    expect((await timer())?.task).toMatchObject({ id: SEED.tasks.content, title: 'Armado de contenido v1' });
    await expect
      .poll(async () => {
        const { badge, tooltip } = await icon();
        return `${badge} | ${tooltip.replace(/since \d.*/, 'since …')}`;
      })
      .toBe('0:00 | COR Timer: Armado de contenido v1, since …');

    await untilTimer('idle', () => pressToggleShortcut(t.session, page));
    await expect.poll(() => t.cor.hours.length).toBe(2);
    await expect.poll(icon).toEqual({ badge: '', tooltip: 'COR Timer' });
    const posts = postedHours(t.cor).map((p) => (p.body as { task_log_id: number }).task_log_id);
    expect(posts).toEqual([SEED.tasks.content, SEED.tasks.content]);
  });

  it('"Log time on this task" starts the page’s task, switches to a linked one, and stops the same task', async () => {
    const page = await t.session.context.newPage();
    await page.goto(taskPage(SEED.tasks.design));
    await page.getByRole('heading', { name: 'Diseño de campaña — Día del Niño 🎈' }).waitFor();

    await clickMenu({ menuItemId: 'log-time-page', pageUrl: page.url() });
    await expect.poll(async () => (await timer())?.task?.title).toBe('Diseño de campaña — Día del Niño 🎈');
    await expect.poll(tooltip).toMatch(/^COR Timer: Diseño de campaña — Día del Niño 🎈, since /);

    await clickMenu({ menuItemId: 'log-time-link', linkUrl: taskPage(SEED.tasks.content), pageUrl: page.url() });
    await t.cor.waitFor((r) => r.method === 'POST' && r.path === '/v1/hours');
    await expect.poll(async () => (await timer())?.task?.id).toBe(SEED.tasks.content);

    await clickMenu({ menuItemId: 'log-time-page', pageUrl: `${taskPage(SEED.tasks.content)}/?tab=hours` });
    await expect.poll(async () => (await timer())?.status).toBe('idle');
    await expect.poll(() => t.cor.hours.map((h) => h.task_log_id)).toEqual([SEED.tasks.design, SEED.tasks.content]);
    expect(postedHours(t.cor)).toHaveLength(2);
  });

  it('icon-click mode toggles through action.onClicked; switching back by keyboard restores the popup', async () => {
    await startAndStopInPopup(SEED.tasks.budget);
    const options = await t.session.openOptions();
    await options.getByRole('radio', { name: 'Starts or stops the timer' }).check();
    await expect.poll(popupSetting).toBe('');

    await untilTimer('running', clickIcon);
    expect((await timer())?.task?.id).toBe(SEED.tasks.budget);
    await untilTimer('idle', clickIcon);
    await expect.poll(() => t.cor.hours.length).toBe(2);

    // The icon's own menu still opens COR Timer, as the real popup, and leaves the mode as it was.
    const { opened } = await watchForPopup();
    await clickMenu({ menuItemId: 'open-popup' });
    await opened;
    expect(t.session.context.pages().map((p) => p.url())).not.toContain(t.session.url('src/popup/index.html'));
    await expect.poll(popupSetting).toBe('');

    const toggle = options.getByRole('radio', { name: 'Starts or stops the timer' });
    await toggle.focus();
    await options.keyboard.press('ArrowUp');
    await expect(options.getByRole('radio', { name: 'Opens COR Timer' }).isChecked()).resolves.toBe(true);
    await expect.poll(popupSetting).toBe(t.session.url('src/popup/index.html'));
  });

  it('the menu items exist after the worker is stopped and after a browser restart', async () => {
    const ids = ['log-time-page', 'log-time-link', 'open-popup', 'toggle-timer'];
    const exists = async (page: Page) =>
      page.evaluate(
        async (ids) =>
          Promise.all(
            [...ids, 'no-such-item'].map((id) =>
              chrome.contextMenus.update(id, {}).then(
                () => true,
                () => false,
              ),
            ),
          ),
        ids,
      );
    // Wait until the worker has built them, then take it away.
    const first = await t.session.openOptions();
    await expect.poll(() => exists(first)).toEqual([true, true, true, true, false]);
    await t.session.stopWorker();
    expect(await exists(first)).toEqual([true, true, true, true, false]);

    t.session = await t.session.relaunch();
    const again = await t.session.openOptions();
    await expect.poll(() => exists(again)).toEqual([true, true, true, true, false]);
  });

  it('the badge and tooltip stay as drawn while the worker is stopped, and a woken worker leaves them', async () => {
    const popup = await t.session.openPopup();
    await startByNumber(popup, SEED.tasks.design);
    await popup.close();
    await expect.poll(tooltip).toMatch(/^COR Timer: Diseño de campaña — Día del Niño 🎈, since /);
    const drawn = await icon();
    expect(drawn.badge).toBe('0:00');
    await t.session.stopWorker();
    // Read from a page of the extension that runs no code of its own, so nothing wakes the worker.
    const page = await t.session.context.newPage();
    await page.goto(t.session.url('manifest.json'));
    const read = () =>
      page.evaluate(async () => ({
        badge: await chrome.action.getBadgeText({}),
        tooltip: await chrome.action.getTitle({}),
      }));
    expect(await read()).toEqual(drawn);
    // Woken by the popup's questions, the worker finds the toolbar showing the running timer already.
    const again = await t.session.openPopup();
    await again.getByRole('button', { name: 'Stop timer' }).waitFor();
    expect(await read()).toEqual(drawn);
  });
});

/** The action popup is a page target Playwright does not list; Chrome announces it over CDP. */
async function watchForPopup(): Promise<{ opened: Promise<unknown> }> {
  const browser = await t.session.context.browser()!.newBrowserCDPSession();
  // Wrapped: an async function returning the bare promise would wait for the popup itself.
  return { opened: CdpTarget.waitFor(browser, (url) => url === t.session.url('src/popup/index.html')) };
}
