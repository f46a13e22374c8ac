/**
 * Issue 5 on the fake browser with a real fake-cor: the shortcut, the icon, the context menus,
 * the badge and the notifications all go through the one dispatch path. Assertions are on
 * stored state, what COR received, and what the browser shows.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { SEED } from '../../tools/fake-cor/server.ts';
import { menuItems, person, popupState } from '../test/fake-extras';
import { popup, postsOf, startWorker, stored, useWorker, storedOutbox } from '../test/worker';

vi.mock('../platform/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const world = useWorker({ signedIn: true });
const T0 = () => Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000;
const DESIGN = 'Diseño de campaña — Día del Niño 🎈';
const CONTENT = 'Armado de contenido v1';
const taskPage = (id: number) => `https://acme.cor.works/tasks/${id}`;
const notices = () =>
  (
    fakeBrowser.notifications as unknown as { getAllCreateOptions(): Record<string, { message: string }> }
  ).getAllCreateOptions();
const notice = (id: string) => notices()[id]?.message;
const timer = () => stored<{ status: string; task?: { id: number; title?: string } }>('timer');
const settle = () => vi.waitFor(async () => expect(await storedOutbox()).toEqual([]));
/** The person's next press comes a second later: past the double-press window after the last one. */
const aSecondLater = () => vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 1_000 });

describe('keyboard shortcut', () => {
  it('with no task used yet, opens the popup to pick one', async () => {
    await person.pressShortcut('toggle-timer');
    await vi.waitFor(() => expect(popupState.opened).toBe(1));
    expect(await timer()).toBeUndefined();
  });

  it('starts the last task, ignores a second press within 500 ms, then stops and posts once', async () => {
    const t0 = T0();
    vi.useFakeTimers({ toFake: ['Date'], now: t0 });
    await popup.start(SEED.tasks.content);
    // A stop at the very moment of the start is held as a clock change (issue 11): let time pass.
    vi.setSystemTime(t0 + 30_000);
    await popup.stop();
    await settle();

    vi.setSystemTime(t0 + 60_000);
    await person.pressShortcut('toggle-timer');
    await vi.waitFor(async () => expect(await timer()).toMatchObject({ status: 'running', startedAt: t0 + 60_000 }));
    await vi.waitFor(() => expect(notice('timer-started')).toBe(`Timer started on ${CONTENT}`));

    vi.setSystemTime(t0 + 60_000 + 499);
    await person.pressShortcut('toggle-timer');
    expect(await timer()).toMatchObject({ status: 'running' });

    vi.setSystemTime(t0 + 60_000 + 83 * 60_000);
    await person.pressShortcut('toggle-timer');
    await vi.waitFor(() => expect(notice('timer-logged')).toBe(`Logged 1:23 on ${CONTENT}`));
    expect(await timer()).toEqual({ status: 'idle' });
    expect(postsOf(world.cor)).toHaveLength(2);
    expect(world.cor.hours.map((h) => h.task_log_id)).toEqual([SEED.tasks.content, SEED.tasks.content]);
  });

  it('tells when the entry could not be sent, and keeps it', async () => {
    await popup.start(SEED.tasks.design);
    world.cor.failNext(1000, { status: 500 }, { method: 'POST', path: '/v1/hours' });
    aSecondLater();
    await person.pressShortcut('toggle-timer');
    await vi.waitFor(() => expect(notice('timer-send-failed')).toMatch(/^Couldn't log 0:00 on .+ yet\. COR answered/));
    expect(await storedOutbox()).toHaveLength(1);
  });
});

describe('context menu "Log time on this task"', () => {
  it('is offered on COR pages and on links to COR tasks, and the icon has its own items', () => {
    expect(menuItems.get('log-time-page')).toMatchObject({
      title: 'Log time on this task',
      documentUrlPatterns: ['https://*.cor.works/*'],
    });
    expect(menuItems.get('log-time-link')).toMatchObject({
      contexts: ['link'],
      targetUrlPatterns: ['https://*.cor.works/*tasks/*'],
    });
    expect(menuItems.get('open-popup')).toMatchObject({ title: 'Open COR Timer', contexts: ['action'] });
    expect(menuItems.get('toggle-timer')).toMatchObject({ title: 'Start timer', contexts: ['action'] });
  });

  it('starts the page’s task, switches to a linked task, and stops the same task', async () => {
    await person.clickMenu('log-time-page', { pageUrl: `${taskPage(SEED.tasks.design)}/?tab=hours` });
    await vi.waitFor(async () => expect((await timer()).task).toEqual(expect.objectContaining({ title: DESIGN })));
    await vi.waitFor(() => expect(notice('timer-started')).toBe(`Timer started on ${DESIGN}`));
    expect(menuItems.get('toggle-timer')?.title).toBe('Stop timer');

    await person.clickMenu('log-time-link', {
      linkUrl: taskPage(SEED.tasks.content),
      pageUrl: 'https://mail.example/inbox',
    });
    await vi.waitFor(() => expect(world.cor.hours).toHaveLength(1));
    expect(world.cor.hours[0]!.task_log_id).toBe(SEED.tasks.design);
    expect((await timer()).task?.id).toBe(SEED.tasks.content);

    await person.clickMenu('log-time-page', { pageUrl: `https://acme.cor.works/#/tasks/${SEED.tasks.content}` });
    await vi.waitFor(() => expect(world.cor.hours).toHaveLength(2));
    expect(await timer()).toEqual({ status: 'idle' });
    expect(world.cor.hours[1]!.task_log_id).toBe(SEED.tasks.content);
    await vi.waitFor(() => expect(menuItems.get('toggle-timer')?.title).toBe('Start timer'));
  });

  it('does nothing but say so where there is no COR task', async () => {
    await person.clickMenu('log-time-link', {
      linkUrl: 'https://acme.cor.works.evil.com/tasks/1',
      pageUrl: 'https://x/',
    });
    await vi.waitFor(() => expect(notice('not-a-task')).toMatch(/isn't a COR task/));
    expect(await timer()).toBeUndefined();
  });

  it('the menus are rebuilt by a restarted worker, without duplicates', async () => {
    await startWorker();
    await vi.waitFor(() => expect([...menuItems.keys()]).toHaveLength(4));
    await person.clickMenu('log-time-page', { pageUrl: taskPage(SEED.tasks.budget) });
    await vi.waitFor(async () => expect((await timer()).task?.id).toBe(SEED.tasks.budget));
  });
});

describe('toolbar icon', () => {
  it('in "starts or stops the timer" mode a click toggles; switching back restores the popup', async () => {
    await popup.start(SEED.tasks.content);
    await popup.stop();
    await settle();
    await fakeBrowser.storage.local.set({ settings: { toolbarClick: 'toggle', notifications: true } });
    await vi.waitFor(() => expect(popupState.popup).toBe(''));

    aSecondLater();
    await person.clickIcon();
    await vi.waitFor(async () => expect(await timer()).toMatchObject({ status: 'running' }));

    // The popup stays reachable from the icon's own menu, and the mode is kept afterwards.
    await person.clickMenu('open-popup');
    await vi.waitFor(() => expect(popupState.opened).toBe(1));
    expect(popupState.popup).toBe('');

    await fakeBrowser.storage.local.set({ settings: { toolbarClick: 'popup', notifications: true } });
    await vi.waitFor(() => expect(popupState.popup).toBe('src/popup/index.html'));
  });

  it('the "Open COR Timer" shortcut opens the popup in either mode; where the browser refuses, a tab', async () => {
    await fakeBrowser.storage.local.set({ settings: { toolbarClick: 'toggle', notifications: true } });
    await vi.waitFor(() => expect(popupState.popup).toBe(''));
    await person.pressShortcut('open-popup');
    await vi.waitFor(() => expect(popupState.opened).toBe(1));

    popupState.refuse = true;
    await person.pressShortcut('open-popup');
    await vi.waitFor(async () =>
      expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(
        fakeBrowser.runtime.getURL('src/popup/index.html'),
      ),
    );
    expect(popupState.popup).toBe('');
  });

  it('the icon’s Start/Stop item toggles the last task', async () => {
    await popup.start(SEED.tasks.budget);
    aSecondLater();
    await person.clickMenu('toggle-timer');
    await vi.waitFor(async () => expect(await timer()).toEqual({ status: 'idle' }));
    await vi.waitFor(() => expect(world.cor.hours).toHaveLength(1));
  });

  it('shows elapsed h:mm and the task while running, recomputed by the minute alarm; nothing when idle', async () => {
    const t0 = T0();
    vi.useFakeTimers({ toFake: ['Date'], now: t0 });
    await popup.start(SEED.tasks.design);
    await vi.waitFor(async () =>
      expect(await fakeBrowser.action.getTitle({})).toMatch(new RegExp(`^COR Timer: ${DESIGN}, since `)),
    );
    expect(await fakeBrowser.action.getBadgeText({})).toBe('0:00');
    expect(popupState.icon).toBe('/icons/running-16.png');
    const alarm = await fakeBrowser.alarms.get('badge-minute');
    expect(alarm).toMatchObject({ scheduledTime: t0 + 60_000, periodInMinutes: 1 });

    vi.setSystemTime(t0 + 61 * 60_000 + 5_000);
    await fakeBrowser.alarms.onAlarm.trigger(alarm!);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1:01'));

    await popup.stop();
    await settle();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(''));
    expect(popupState.icon).toBe('/icons/idle-16.png');
    expect(await fakeBrowser.alarms.get('badge-minute')).toBeUndefined();
  });

  it('with notifications switched off, starts and stops quietly', async () => {
    await fakeBrowser.storage.local.set({ settings: { toolbarClick: 'popup', notifications: false } });
    await person.clickMenu('log-time-page', { pageUrl: taskPage(SEED.tasks.design) });
    await vi.waitFor(async () => expect(await timer()).toMatchObject({ status: 'running' }));
    await person.clickMenu('log-time-page', { pageUrl: taskPage(SEED.tasks.design) });
    await vi.waitFor(() => expect(world.cor.hours).toHaveLength(1));
    expect(notices()).toEqual({});
  });
});
