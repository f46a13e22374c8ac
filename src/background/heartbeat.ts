/**
 * The worker's heartbeat while a timer runs (or "Remind me to track time" is on): `lastSeen`
 * on every timer change, before every timer command, at worker start and from an alarm every
 * 30 s. A gap of at least the threshold (asleep, browser closed, crashed, clock moved forward)
 * opens the away question; a negative gap marks the timer's entry for checking. The reminders
 * ride on the same beat.
 */
import { awayStep, sameAway, type AwayState } from '../core/away';
import type { Heartbeat } from '../core/heartbeat';
import type { Settings } from '../core/settings';
import type { TimerState } from '../core/timer';
import { longRunningDue, trackStep } from '../core/reminders';
import { durations } from '../core/time';
import { browser } from '../platform/browser';
import { clock } from '../platform/clock';
import { currentIdleState } from '../platform/idle';
import { readItems, writeItems } from '../platform/storage-item';
import { awayItem, heartbeatItem, settingsItem, timerItem } from '../shared/storage';
import {
  applyAwaySettings,
  askAway,
  clearAwayIfAnswered,
  AWAY_NOTIFICATION,
  awayContext,
  onAwayNotification,
} from './away';
import { serial } from './serial';
import { NOTICE, onTimeNotice, remindLongRunning, remindToTrack, stoppedAtBrowserClose } from './time-notices';
import { applyTimerEvent } from './timer-service';

export const HEARTBEAT_ALARM = 'heartbeat';
/** Chrome's shortest alarm period (Chrome 120+): a missed beat is a gap well under a minute. */
const PERIOD_MINUTES = 0.5;

/** What a beat reads: the timer command that runs one reads these in the same `get` (timer-service.ts). */
export interface BeatInput {
  readonly timer: TimerState;
  readonly away: AwayState;
  readonly heartbeat: Heartbeat;
  readonly settings: Settings;
}

/** What a beat found, for what follows its write: the alarm, a stop at browser close, the questions. */
export interface BeatFound {
  readonly asked: boolean;
  readonly stopAt: number | null;
  readonly remindLong: boolean;
  readonly remindTrack: boolean;
  readonly keepBeating: boolean;
}

/** A beat's decision: the heartbeat and away state it leaves, the entries to write, what it found. */
export interface Pulse {
  readonly heartbeat: Heartbeat;
  readonly away: AwayState;
  /** Nothing when nothing changed: a write of the same values tells nobody anything. */
  readonly writes: readonly Record<string, unknown>[];
  readonly found: BeatFound;
}

/** `browserStarted`: this worker is the first since the browser started (browser-start.ts). */
export async function beat(options: { readonly browserStarted?: boolean } = {}): Promise<void> {
  const browserStarted = options.browserStarted === true;
  const now = clock.now();
  const found = await serial(async () => {
    const [timer, away, heartbeat, settings] = await readItems(timerItem, awayItem, heartbeatItem, settingsItem);
    const pulse = await pulseOf({ timer, away, heartbeat, settings }, now, browserStarted);
    await writeItems(...pulse.writes);
    return pulse.found;
  });
  await afterBeat(found);
}

/**
 * One beat on what storage holds, inside the caller's serialised section: the caller writes
 * `writes` (alone, or in the same `set` as its own change) and then runs `afterBeat`.
 */
export async function pulseOf(read: BeatInput, now: number, browserStarted = false): Promise<Pulse> {
  const { timer, away, heartbeat, settings } = read;
  const running = timer.status === 'running' ? timer : null;
  let nextAway = away;
  let asked = false;
  let clockChangedFor = running === null ? null : heartbeat.clockChangedFor;
  let stopAt: number | null = null;
  if (running !== null && heartbeat.lastSeen !== null) {
    if (browserStarted && settings.browserClose === 'stop' && heartbeat.lastSeen >= running.startedAt) {
      // "Stop it at the moment the browser closed": the last moment the worker saw.
      stopAt = Math.min(heartbeat.lastSeen, now);
    } else {
      const step = awayStep(
        away,
        { type: 'heartbeat', lastSeen: heartbeat.lastSeen, at: now },
        awayContext(timer, settings),
      );
      ({ state: nextAway, asked } = step);
      if (step.clockWentBack) clockChangedFor = running.startedAt;
    }
  }
  const limit = settings.remindAfterHours * durations.HOUR;
  const remindLong =
    running !== null && stopAt === null && longRunningDue(running.startedAt, now, limit, heartbeat.remindedFor);
  const tracking = settings.trackReminder.enabled
    ? trackStep(heartbeat.track, {
        now,
        active: (await currentIdleState(settings.awayMinutes * 60)) === 'active',
        timerRunning: running !== null,
        settings: settings.trackReminder,
        timeZone: clock.timeZone(),
      })
    : { state: heartbeat.track, remind: false };
  const next: Heartbeat = {
    lastSeen: running === null ? null : now,
    clockChangedFor,
    remindedFor: remindLong ? running.startedAt : heartbeat.remindedFor,
    track: tracking.state,
  };
  const writes = [
    ...(JSON.stringify(next) === JSON.stringify(heartbeat) ? [] : [heartbeatItem.entry(next)]),
    ...(sameAway(nextAway, away) ? [] : [awayItem.entry(nextAway)]),
  ];
  return {
    heartbeat: next,
    away: nextAway,
    writes,
    found: {
      asked,
      stopAt,
      remindLong,
      remindTrack: tracking.remind,
      keepBeating: running !== null || settings.trackReminder.enabled,
    },
  };
}

/** What a beat's write is followed by: the beat alarm, then what it found to do or ask. */
export async function afterBeat(found: BeatFound): Promise<void> {
  await schedule(found.keepBeating);
  if (found.stopAt !== null) {
    const outcome = await applyTimerEvent({ type: 'stop-at', at: found.stopAt });
    if (outcome.ok && outcome.stopped !== null) await stoppedAtBrowserClose(outcome.stopped);
  }
  if (found.asked) await askAway();
  if (found.remindLong) await remindLongRunning();
  if (found.remindTrack) await remindToTrack();
}

async function schedule(keepBeating: boolean): Promise<void> {
  if (!keepBeating) {
    await browser.alarms.clear(HEARTBEAT_ALARM);
    return;
  }
  // Re-creating would push the next beat back each time; one periodic alarm is enough.
  if ((await browser.alarms.get(HEARTBEAT_ALARM)) === undefined) {
    await browser.alarms.create(HEARTBEAT_ALARM, { periodInMinutes: PERIOD_MINUTES });
  }
}

/**
 * After a storage change: a timer change is a beat, unless its write carried the heartbeat (the
 * timer commands beat for the new timer in the same write); new settings may change the idle threshold.
 */
export async function onTimeKeys(keys: readonly string[]): Promise<void> {
  if (keys.includes('settings')) await applyAwaySettings();
  if ((keys.includes('timer') && !keys.includes('heartbeat')) || keys.includes('settings')) await beat();
  if (keys.includes('away')) await clearAwayIfAnswered();
}

/** A click on one of the time notifications. */
export async function onTimeNotification(id: string, button: number | null): Promise<void> {
  if (id === AWAY_NOTIFICATION) return onAwayNotification(button);
  if ((Object.values(NOTICE) as string[]).includes(id)) return onTimeNotice(id, button);
}
