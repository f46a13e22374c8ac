/** Applies timer events to stored state: one serialised read-modify-write, one atomic write. */
import { enqueue } from '../core/outbox';
import { transition, type TimerEvent } from '../core/timer';
import { clock } from '../platform/clock';
import { readItems, writeItems } from '../platform/storage-item';
import type { CommandResult } from '../shared/protocol';
import { outboxItem, timerItem } from '../shared/storage';
import { flushOutbox } from './outbox-flush';
import { serial } from './serial';

export async function applyTimerEvent(event: TimerEvent): Promise<CommandResult> {
  // The moment the person acted, not the moment the queue reached this event.
  const now = clock.now();
  const outcome = await serial(async () => {
    const [timer, outbox] = await readItems(timerItem, outboxItem);
    const next = transition(timer, event, now, clock.newId);
    if (!next.ok || !next.changed) return next;
    // Stopping clears the timer and queues the entry in ONE write, before any network I/O.
    await writeItems(
      timerItem.entry(next.timer),
      ...(next.stopped === null ? [] : [outboxItem.entry(enqueue(outbox, next.stopped, now))]),
    );
    return next;
  });
  if (!outcome.ok) return { ok: false, error: outcome.error };
  if (outcome.stopped !== null) void flushOutbox({ force: true });
  return { ok: true };
}
