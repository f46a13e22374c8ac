/** Applies timer events to stored state: one serialised read-modify-write, one atomic write. */
import { enqueue } from '../core/outbox';
import { rememberTask } from '../core/tasks';
import { transition, type TimerEvent } from '../core/timer';
import { clock } from '../platform/clock';
import { readItems, writeItems } from '../platform/storage-item';
import type { CommandResult } from '../shared/protocol';
import { outboxItem, recentTasksItem, timerItem } from '../shared/storage';
import { flushOutbox } from './outbox-flush';
import { serial } from './serial';

export async function applyTimerEvent(event: TimerEvent): Promise<CommandResult> {
  // The moment the person acted, not the moment the queue reached this event.
  const now = clock.now();
  const outcome = await serial(async () => {
    const [timer, outbox, recentTasks] = await readItems(timerItem, outboxItem, recentTasksItem);
    // A toggle with no task named starts the last task used.
    const resolved =
      event.type === 'toggle' && event.task === undefined && recentTasks[0]
        ? { ...event, task: recentTasks[0] }
        : event;
    const next = transition(timer, resolved, now, clock.newId);
    if (!next.ok || !next.changed) return next;
    // Stopping clears the timer and queues the entry in ONE write, before any network I/O.
    await writeItems(
      timerItem.entry(next.timer),
      ...(next.stopped === null ? [] : [outboxItem.entry(enqueue(outbox, next.stopped, now))]),
      ...(next.timer.status === 'running' ? [recentTasksItem.entry(rememberTask(recentTasks, next.timer.task))] : []),
    );
    return next;
  });
  if (!outcome.ok) return { ok: false, error: outcome.error };
  if (outcome.stopped !== null) void flushOutbox({ force: true });
  return { ok: true };
}
