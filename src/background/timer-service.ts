/** Applies timer events to stored state: one serialised read-modify-write, one atomic write. */
import { answerEvent, PRESENT, sameAway, type AwayAnswer } from '../core/away';
import { clockChangedDuring } from '../core/heartbeat';
import { enqueue, lastStopBefore } from '../core/outbox';
import { rememberTask } from '../core/tasks';
import { transition, type StoppedEntry, type TaskRef, type TimerEvent } from '../core/timer';
import { durations } from '../core/time';
import { clock } from '../platform/clock';
import { readItems, writeItems } from '../platform/storage-item';
import type { CommandError } from '../shared/protocol';
import {
  awayItem,
  heartbeatItem,
  outboxItem,
  recentItem,
  recentTasksItem,
  settingsItem,
  timerItem,
} from '../shared/storage';
import { beat } from './heartbeat';
import { flushOutbox } from './outbox-flush';
import { serial } from './serial';

/** A timer event as the pages and the switchboard name it; the service adds what only storage knows. */
export type TimerIntent = (
  | Exclude<TimerEvent, { type: 'adjust-start' }>
  | { readonly type: 'adjust-start'; readonly startedAt: number; readonly confirmed: boolean }
  /** The answer to "You were away": becomes the timer event it means (`core/away.ts`). */
  | { readonly type: 'answer-away'; readonly answer: AwayAnswer }
) & {
  /** From a door where nobody sees the entry's length (shortcut, icon, menu): long entries are held. */
  readonly outside?: boolean;
};

/** What an event did: the task it started and the entry it stopped (a switch does both). */
export type TimerOutcome =
  | { readonly ok: true; readonly started: TaskRef | null; readonly stopped: StoppedEntry | null }
  | { readonly ok: false; readonly error: CommandError };

export async function applyTimerEvent(intent: TimerIntent): Promise<TimerOutcome> {
  // The moment the person acted, not the moment the queue reached this event.
  const now = clock.now();
  // A gap since the last heartbeat (the computer slept) is asked about before anything stops.
  await beat();
  const outcome = await serial(async () => {
    const [timer, outbox, recent, recentTasks, away, heartbeat, settings] = await readItems(
      timerItem,
      outboxItem,
      recentItem,
      recentTasksItem,
      awayItem,
      heartbeatItem,
      settingsItem,
    );
    const answering = intent.type === 'answer-away';
    if (answering && (away.question === null || timer.status !== 'running')) {
      return { ok: false as const, error: 'entry-gone' as const };
    }
    let event: TimerEvent | null;
    if (intent.type === 'answer-away') {
      event = timer.status === 'running' ? answerEvent(away.question!, intent.answer, timer.startedAt) : null;
    } else if (intent.type === 'adjust-start') {
      // A new start may not silently overlap the entry logged just before this timer.
      const earliest = timer.status === 'running' ? lastStopBefore(outbox, recent, timer.startedAt) : null;
      event = { ...intent, earliest };
    } else {
      event = intent;
    }
    // "Keep the time": the question goes, the timer keeps its start.
    if (event === null) {
      await writeItems(awayItem.entry(PRESENT));
      return { ok: true as const, changed: false, stopped: null, started: null };
    }
    // A toggle with no task named starts the last task used.
    const resolved =
      event.type === 'toggle' && event.task === undefined && recentTasks[0]
        ? { ...event, task: recentTasks[0] }
        : event;
    const next = transition(timer, resolved, now, clock.newId);
    if (!next.ok || !next.changed) return { ...next, started: null };
    // While "You were away" waits, no door decides it silently: only the answer stops the timer.
    if (next.stopped !== null && away.question !== null && !answering) {
      return { ok: false as const, error: 'away-pending' as const };
    }
    const check = {
      longerThanMs: intent.outside === true ? settings.remindAfterHours * durations.HOUR : null,
      clockChanged: timer.status === 'running' && clockChangedDuring(heartbeat, timer.startedAt),
    };
    // Stopping clears the timer and queues the entry in ONE write, before any network I/O.
    await writeItems(
      timerItem.entry(next.timer),
      ...(next.stopped === null ? [] : [outboxItem.entry(enqueue(outbox, next.stopped, now, check))]),
      ...(next.timer.status === 'running' ? [recentTasksItem.entry(rememberTask(recentTasks, next.timer.task))] : []),
      // The question belongs to the timer that ran: answered, or gone with it.
      ...((answering || next.timer.status === 'idle') && !sameAway(away, PRESENT) ? [awayItem.entry(PRESENT)] : []),
    );
    // Started: running now where nothing ran, or a switch (a corrected start, a resumed split is not a new one).
    const started = !answering && next.timer.status === 'running' && (timer.status === 'idle' || next.stopped !== null);
    return { ...next, started: started && next.timer.status === 'running' ? next.timer.task : null };
  });
  if (!outcome.ok) return { ok: false, error: outcome.error };
  if (outcome.stopped !== null) void flushOutbox({ force: true });
  return { ok: true, started: outcome.started, stopped: outcome.stopped };
}
