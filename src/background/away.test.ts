/**
 * Issue 11 on the fake browser with a real fake-cor: time away from idle events and heartbeat
 * gaps, the question's three answers (checked in what COR received), doors that open the
 * question instead of deciding, long entries and clock changes held for the person.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { SEED } from '../../tools/fake-cor/server.ts';
import { idleState, person, popupState } from '../test/fake-extras';
import { sendFromPopup } from '../test/fake-platform';
import { bootWorker, popup, postsOf, startWorker, stored, storedOutbox, useWorker } from '../test/worker';

vi.mock('../platform/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

/**
 * Polls `check` until it passes. Unlike vi.waitFor, it does not move the faked Date forward
 * while it waits, so the moments the worker records are exactly the ones the test set.
 */
async function until<T>(check: () => T | Promise<T>, timeoutMs = 4000): Promise<T> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (performance.now() > end) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const world = useWorker({ signedIn: true, askAway: true });
const MIN = 60_000;
const H = 60 * MIN;
const T0 = () => Math.floor(Date.now() / MIN) * MIN - 24 * H;
const posted = () => postsOf(world.cor).map((r) => r.json as { start: string; stop: string; task_log_id: number });
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const timer = () => stored<{ status: string; startedAt?: number }>('timer');
const away = () => stored<{ question: { leftAt: number; backAt: number } | null } | undefined>('away');
const badge = () => fakeBrowser.action.getBadgeText({});
const notices = () =>
  (
    fakeBrowser.notifications as unknown as {
      getAllCreateOptions(): Record<string, { message: string; buttons?: { title: string }[] }>;
    }
  ).getAllCreateOptions();
const answer = (value: string) => sendFromPopup({ name: 'away.answer', data: { answer: value } });
const settings = (change: object) =>
  fakeBrowser.storage.local.set({ settings: { toolbarClick: 'popup', notifications: true, ...change } });
const lastSeen = async () => (await stored<{ lastSeen: number | null } | undefined>('heartbeat'))?.lastSeen;
/** Waits for the beat that follows a timer change (storage.onChanged runs it a moment later). */
const beaten = () => until(async () => expect(await lastSeen()).toBe(Date.now()));
/**
 * The heartbeat alarm fires (Chrome: every 30 s while a timer runs), and, with a timer running,
 * its beat is done. (A beat reads the clock as the alarm arrives and beats run in turn.)
 */
const beatAlarm = async (running = true) => {
  const alarm = await until(async () => {
    const found = await fakeBrowser.alarms.get('heartbeat');
    expect(found).toMatchObject({ periodInMinutes: 0.5 });
    return found!;
  });
  await fakeBrowser.alarms.onAlarm.trigger(alarm);
  if (running) await beaten();
};

/**
 * "Stop it at the moment the browser closed" chosen, a timer runs from t0 with its last heartbeat
 * at t0+40 min; the browser closes and starts again at t0+15 h (storage.session emptied). Returns t0.
 */
async function workThenCloseBrowser(): Promise<number> {
  const t0 = T0();
  await settings({ browserClose: 'stop', askAway: false });
  vi.useFakeTimers({ toFake: ['Date'], now: t0 });
  await popup.start(SEED.tasks.design);
  await beaten();
  vi.setSystemTime(t0 + 40 * MIN);
  await beatAlarm();
  vi.setSystemTime(t0 + 15 * H);
  await fakeBrowser.storage.session.clear();
  return t0;
}

/** Starts on the design task at t0, then the person leaves by idle at t0+20 min and comes back at t0+68. */
async function awayFor48Minutes(t0: number): Promise<void> {
  vi.useFakeTimers({ toFake: ['Date'], now: t0 });
  await popup.start(SEED.tasks.design);
  await beaten();
  for (let m = 0.5; m <= 25; m += 0.5) {
    vi.setSystemTime(t0 + m * MIN);
    await beatAlarm();
  }
  // The idle event comes one detection interval (5 min) after the last input, at t0+20.
  await person.becomes('idle');
  vi.setSystemTime(t0 + 68 * MIN);
  await person.becomes('active');
  await until(async () => expect((await away())?.question).toEqual({ leftAt: t0 + 20 * MIN, backAt: t0 + 68 * MIN }));
}

describe('time away: idle, then back', () => {
  it('opens the question: badge ?, a notification with two answers; the shortcut, a menu and the icon only open it', async () => {
    const t0 = T0();
    await awayFor48Minutes(t0);
    expect(idleState.interval).toBe(300);
    await until(async () => expect(await badge()).toBe('?'));
    expect(notices()['away-question']).toMatchObject({
      message: expect.stringMatching(/^You were away 48 min from Diseño de campaña/) as unknown,
      buttons: [{ title: 'Keep the time' }, { title: expect.stringMatching(/^Stop at /) as unknown }],
    });
    await person.pressShortcut('toggle-timer');
    await until(() => expect(popupState.opened).toBe(1));
    await person.clickMenu('log-time-page', { pageUrl: `https://acme.cor.works/tasks/${SEED.tasks.design}` });
    await until(() => expect(popupState.opened).toBe(2));
    // The icon, where a click starts and stops the timer, opens the question too (a second
    // later: a toggle within half a second of the shortcut's is taken for a double press).
    await settings({ toolbarClick: 'toggle' });
    vi.setSystemTime(Date.now() + 1_000);
    await until(() => expect(popupState.popup).toBe(''));
    await person.clickIcon();
    await until(() => expect(popupState.opened).toBe(3));
    expect(popupState.popup).toBe('');
    expect(await popup.stop()).toEqual({ ok: false, error: 'away-pending' });
    expect(await timer()).toMatchObject({ status: 'running', startedAt: t0 });
    expect(postsOf(world.cor)).toHaveLength(0);
  });

  it('"Keep the time": nothing changes; the stop later posts the whole span once', async () => {
    const t0 = T0();
    await awayFor48Minutes(t0);
    expect(await answer('keep')).toEqual({ ok: true });
    expect((await away())?.question).toBeNull();
    // Answered in the popup: the notification asking the same goes away.
    await until(() => expect(notices()['away-question']).toBeUndefined());
    vi.setSystemTime(t0 + 70 * MIN);
    expect(await popup.stop()).toEqual({ ok: true });
    await until(() => expect(world.cor.hours).toHaveLength(1));
    expect(posted()).toMatchObject([{ start: iso(t0), stop: iso(t0 + 70 * MIN) }]);
  });

  it('"Stop at" the departure: logs start → departure, once', async () => {
    const t0 = T0();
    await awayFor48Minutes(t0);
    expect(await answer('stop')).toEqual({ ok: true });
    await until(() => expect(world.cor.hours).toHaveLength(1));
    expect(posted()).toMatchObject([{ task_log_id: SEED.tasks.design, start: iso(t0), stop: iso(t0 + 20 * MIN) }]);
    expect(await timer()).toEqual({ status: 'idle' });
    expect(await answer('stop')).toEqual({ ok: false, error: 'entry-gone' });
  });

  it('"Remove the time away": start → departure logged, the same task runs again from the return', async () => {
    const t0 = T0();
    await awayFor48Minutes(t0);
    expect(await answer('remove')).toEqual({ ok: true });
    await until(() => expect(world.cor.hours).toHaveLength(1));
    expect(posted()).toMatchObject([{ start: iso(t0), stop: iso(t0 + 20 * MIN) }]);
    expect(await timer()).toMatchObject({
      status: 'running',
      startedAt: t0 + 68 * MIN,
      task: { id: SEED.tasks.design },
    });
    await until(async () => expect(await badge()).toBe('0:00'));
  });

  it('the notification’s first button keeps the time', async () => {
    const t0 = T0();
    await awayFor48Minutes(t0);
    await fakeBrowser.notifications.onButtonClicked.trigger('away-question', 0);
    await until(async () => expect((await away())?.question).toBeNull());
    expect(await timer()).toMatchObject({ status: 'running', startedAt: t0 });
  });

  it('a short lock leaves no trace', async () => {
    const t0 = T0();
    vi.useFakeTimers({ toFake: ['Date'], now: t0 });
    await popup.start(SEED.tasks.design);
    await beaten();
    await person.becomes('locked');
    vi.setSystemTime(t0 + 4 * MIN);
    await person.becomes('active');
    expect((await away())?.question ?? null).toBeNull();
  });
});

describe('time away: sleep, a closed browser, clock changes', () => {
  it('a worker that starts after a gap asks, from the last heartbeat; the question survives another restart', async () => {
    const t0 = T0();
    vi.useFakeTimers({ toFake: ['Date'], now: t0 });
    await popup.start(SEED.tasks.design);
    await beaten();
    vi.setSystemTime(t0 + 3 * MIN);
    await beatAlarm();
    vi.setSystemTime(t0 + 3 * H);
    await startWorker();
    await until(async () => expect((await away())?.question).toEqual({ leftAt: t0 + 3 * MIN, backAt: t0 + 3 * H }));
    await startWorker();
    expect((await away())?.question).toEqual({ leftAt: t0 + 3 * MIN, backAt: t0 + 3 * H });
    expect(await answer('stop')).toEqual({ ok: true });
    await until(() => expect(posted()).toMatchObject([{ start: iso(t0), stop: iso(t0 + 3 * MIN) }]));
  });

  it('"Stop it at the moment the browser closed": the next browser start logs start → last heartbeat', async () => {
    const t0 = await workThenCloseBrowser();
    await startWorker();
    await until(() => expect(posted()).toMatchObject([{ start: iso(t0), stop: iso(t0 + 40 * MIN) }]));
    expect(await timer()).toEqual({ status: 'idle' });
    await until(() =>
      expect(notices()['stopped-at-close']?.message).toMatch(/^Stopped .+ at .+, when the browser closed/),
    );
  });

  it('"Stop it at the moment the browser closed" comes first: Stop clicked as the browser starts cannot log the closed hours', async () => {
    const t0 = await workThenCloseBrowser();
    // Stop, clicked in a popup opened as the browser starts, is what wakes the worker: it arrives
    // before the worker's start-up is done, and it finds the timer already stopped.
    const { started } = await bootWorker();
    const stop = popup.stop();
    await started;
    await stop;
    await until(() => expect(posted()).toMatchObject([{ start: iso(t0), stop: iso(t0 + 40 * MIN) }]));
    expect(await timer()).toEqual({ status: 'idle' });
    expect(await storedOutbox()).toEqual([]);
  });

  it('a clock that went back holds the entry in Needs attention; corrected times are sent once', async () => {
    const t0 = T0();
    // Asked about, the jump forward would be time away; here only the way back matters.
    await settings({ askAway: false });
    vi.useFakeTimers({ toFake: ['Date'], now: t0 });
    await popup.start(SEED.tasks.design);
    await beaten();
    vi.setSystemTime(t0 + 2 * H);
    await beatAlarm();
    vi.setSystemTime(t0 + H);
    await beatAlarm();
    expect(await popup.stop()).toEqual({ ok: true });
    const [held] = await storedOutbox();
    expect(held).toMatchObject({ state: 'needs-attention', reason: { code: 'clock-jumped' } });
    const bad = { id: held!.id, startedAt: t0 + H, stoppedAt: t0 };
    expect(await sendFromPopup({ name: 'outbox.retime', data: bad })).toEqual({ ok: false, error: 'invalid-stop' });
    const future = { id: held!.id, startedAt: t0, stoppedAt: t0 + 2 * H };
    expect(await sendFromPopup({ name: 'outbox.retime', data: future })).toEqual({ ok: false, error: 'invalid-stop' });
    const fixed = { id: held!.id, startedAt: t0, stoppedAt: t0 + 50 * MIN };
    expect(await sendFromPopup({ name: 'outbox.retime', data: fixed })).toEqual({ ok: true });
    await until(() => expect(posted()).toMatchObject([{ start: iso(t0), stop: iso(t0 + 50 * MIN) }]));
  });
});

describe('forgotten timers', () => {
  it('reminds once at the limit; the shortcut’s long entry waits in Needs attention, the popup’s goes', async () => {
    const t0 = T0();
    await settings({ askAway: false, remindAfterHours: 2 });
    vi.useFakeTimers({ toFake: ['Date'], now: t0 });
    await popup.start(SEED.tasks.design);
    await beaten();
    vi.setSystemTime(t0 + 2 * H);
    await beatAlarm();
    await until(() => expect(notices()['long-running']?.message).toMatch(/^Still working on .+\? Running 2:00$/));
    vi.setSystemTime(t0 + 3 * H);
    await person.pressShortcut('toggle-timer');
    await until(async () => expect(await timer()).toEqual({ status: 'idle' }));
    const [held] = await storedOutbox();
    expect(held).toMatchObject({ state: 'needs-attention', reason: { code: 'long-entry' } });
    expect(postsOf(world.cor)).toHaveLength(0);

    vi.setSystemTime(t0 + 4 * H);
    await popup.start(SEED.tasks.content);
    vi.setSystemTime(t0 + 7 * H);
    expect(await popup.stop()).toEqual({ ok: true });
    await until(() => expect(posted()).toMatchObject([{ start: iso(t0 + 4 * H), stop: iso(t0 + 7 * H) }]));
  });

  it('"Stop at…" stops at the typed moment; a stop outside the timer is refused', async () => {
    const t0 = T0();
    await settings({ askAway: false });
    vi.useFakeTimers({ toFake: ['Date'], now: t0 });
    await popup.start(SEED.tasks.design);
    await beaten();
    vi.setSystemTime(t0 + 30 * MIN);
    const stopAt = (at: number) => sendFromPopup({ name: 'timer.stop-at', data: { at } });
    expect(await stopAt(t0 + 31 * MIN)).toEqual({ ok: false, error: 'invalid-stop' });
    expect(await stopAt(t0 - MIN)).toEqual({ ok: false, error: 'invalid-stop' });
    expect(await stopAt(t0 + 18 * MIN)).toEqual({ ok: true });
    await until(() => expect(posted()).toMatchObject([{ start: iso(t0), stop: iso(t0 + 18 * MIN) }]));
  });
});

describe('"Remind me to track time"', () => {
  it('after 15 minutes of activity without a timer; its button starts the last task', async () => {
    const t0 = T0();
    vi.useFakeTimers({ toFake: ['Date'], now: t0 });
    await popup.start(SEED.tasks.content);
    vi.setSystemTime(t0 + MIN);
    await popup.stop();
    const everyDay = { enabled: true, days: [0, 1, 2, 3, 4, 5, 6], fromMinute: 0, toMinute: 1440, afterMinutes: 15 };
    await settings({ askAway: false, trackReminder: everyDay });
    for (let m = 2; m <= 20; m += 1) {
      vi.setSystemTime(t0 + m * MIN);
      await beatAlarm(false);
    }
    await until(() => expect(notices()['not-tracking']).toBeDefined());
    expect(notices()['not-tracking']).toMatchObject({
      message: "You're not tracking time",
      buttons: [{ title: expect.stringMatching(/^Start .+/) as unknown }],
    });
    await fakeBrowser.notifications.onButtonClicked.trigger('not-tracking', 0);
    await until(async () =>
      expect(await timer()).toMatchObject({ status: 'running', task: { id: SEED.tasks.content } }),
    );
  });
});

describe('settings stored by an older version', () => {
  it('read with their choices kept and the new fields at their defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: { toolbarClick: 'toggle', notifications: false } });
    await startWorker();
    const { settingsItem } = await import('../shared/storage');
    expect(await settingsItem.get()).toMatchObject({
      toolbarClick: 'toggle',
      notifications: false,
      askAway: true,
      awayMinutes: 5,
      remindAfterHours: 10,
      browserClose: 'keep',
    });
    await until(() => expect(popupState.popup).toBe(''));
  });
});
