/** Applies timer events to stored state: one serialised read-modify-write, one atomic write. */
import { enqueue, lastStopBefore } from '../core/outbox';
import { rememberTask } from '../core/tasks';
import { transition, type StoppedEntry, type TaskRef, type TimerEvent } from '../core/timer';
import { clock } from '../platform/clock';
import { readItems, writeItems } from '../platform/storage-item';
import type { CommandError } from '../shared/protocol';
import { outboxItem, recentItem, recentTasksItem, timerItem } from '../shared/storage';
import { flushOutbox } from './outbox-flush';
import { serial } from './serial';

/** A timer event as the pages and the switchboard name it; the service adds what only storage knows. */
export type TimerIntent =
  | Exclude<TimerEvent, { type: 'adjust-start' }>
  | { readonly type: 'adjust-start'; readonly startedAt: number; readonly confirmed: boolean };

/** What an event did: the task it started and the entry it stopped (a switch does both). */
export type TimerOutcome =
  | { readonly ok: true; readonly started: TaskRef | null; readonly stopped: StoppedEntry | null }
  | { readonly ok: false; readonly error: CommandError };

export async function applyTimerEvent(intent: TimerIntent): Promise<TimerOutcome> {
  // The moment the person acted, not the moment the queue reached this event.
  const now = clock.now();
  const outcome = await serial(async () => {
    const [timer, outbox, recent, recentTasks] = await readItems(timerItem, outboxItem, recentItem, recentTasksItem);
    // A new start may not silently overlap the entry logged just before this timer.
    const event: TimerEvent =
      intent.type === 'adjust-start'
        ? { ...intent, earliest: timer.status === 'running' ? lastStopBefore(outbox, recent, timer.startedAt) : null }
        : intent;
    // A toggle with no task named starts the last task used.
    const resolved =
      event.type === 'toggle' && event.task === undefined && recentTasks[0]
        ? { ...event, task: recentTasks[0] }
        : event;
    const next = transition(timer, resolved, now, clock.newId);
    if (!next.ok || !next.changed) return { ...next, started: null };
    // Stopping clears the timer and queues the entry in ONE write, before any network I/O.
    await writeItems(
      timerItem.entry(next.timer),
      ...(next.stopped === null ? [] : [outboxItem.entry(enqueue(outbox, next.stopped, now))]),
      ...(next.timer.status === 'running' ? [recentTasksItem.entry(rememberTask(recentTasks, next.timer.task))] : []),
    );
    // Started: running now where nothing ran, or a switch (a corrected start is not a new one).
    const started = next.timer.status === 'running' && (timer.status === 'idle' || next.stopped !== null);
    return { ...next, started: started && next.timer.status === 'running' ? next.timer.task : null };
  });
  if (!outcome.ok) return { ok: false, error: outcome.error };
  if (outcome.stopped !== null) void flushOutbox({ force: true });
  return { ok: true, started: outcome.started, stopped: outcome.stopped };
}
