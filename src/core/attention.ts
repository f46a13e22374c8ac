/**
 * What the person can do with an entry COR refused (the "Needs attention" list): send it again
 * as it is, send it on another task, or discard it. Nothing else ever removes an entry that COR
 * has not confirmed. Pure: each returns the new outbox, or null when the entry is no longer
 * waiting for the person (delivered, changed or discarded meanwhile, say from another window).
 */
import type { OutboxEntry } from './outbox';
import type { TaskRef } from './timer';

export type AttentionAction =
  | { readonly type: 'retry' }
  | { readonly type: 'move'; readonly task: TaskRef }
  | { readonly type: 'discard' }
  /** "Stop at…" or corrected times (a long entry, a clock that changed): sent with these times. */
  | { readonly type: 'retime'; readonly startedAt: number; readonly stoppedAt: number };

export function resolveAttention(
  outbox: readonly OutboxEntry[],
  id: string,
  action: AttentionAction,
  now: number,
): OutboxEntry[] | null {
  const entry = outbox.find((e) => e.id === id);
  if (entry === undefined || entry.state !== 'needs-attention') return null;
  if (action.type === 'discard') return outbox.filter((e) => e.id !== id);
  const task = action.type === 'move' ? action.task : entry.task;
  const times = action.type === 'retime' ? action : entry;
  // Never send a span that runs backwards or ends in the future: COR would book nonsense.
  if (times.stoppedAt <= times.startedAt || (action.type === 'retime' && times.stoppedAt > now)) return null;
  // A fresh start: due now, no backoff carried over, no stale reason shown. One that may be in
  // COR already is looked up there first (on its own task and times: it cannot be changed until then).
  if (entry.lookupFirst === true && action.type !== 'retry') return null;
  const again: OutboxEntry = {
    id: entry.id,
    task,
    owner: entry.owner,
    startedAt: times.startedAt,
    stoppedAt: times.stoppedAt,
    attempts: 0,
    nextAttemptAt: now,
    ...(entry.lookupFirst === true ? { state: 'in-doubt', lookupAfter: now } : { state: 'waiting' }),
  };
  return outbox.map((e) => (e.id === id ? again : e));
}
