/**
 * The outbox's line as the popup reads it: whose entries these are, which are on their way, and
 * when the next try is. Pure; the policy that moves entries along is core/outbox.ts.
 */
import type { OutboxEntry } from './outbox';
import { isOwnedBy } from './owner';

/** The entries this person's session may send or look up: their own, never another account's. */
export function ownedBy(outbox: readonly OutboxEntry[], userId: number | null): OutboxEntry[] {
  return outbox.filter((e) => isOwnedBy(e.owner, userId));
}

/** Entries on their way to COR (not the ones waiting for the person), oldest stop first. */
export function inLine(outbox: readonly OutboxEntry[]): OutboxEntry[] {
  return outbox
    .filter((e) => e.state === 'waiting' || e.state === 'in-doubt' || e.state === 'sending')
    .sort((a, b) => a.stoppedAt - b.stoppedAt);
}

/** When the outbox next wants a flush by itself, or null when nothing waits on a clock. */
export function nextWakeUp(outbox: readonly OutboxEntry[]): number | null {
  // Entries go in order, so the oldest one's time is when anything can move.
  const head = inLine(outbox)[0];
  if (head === undefined || head.state === 'sending') return null;
  return Math.max(head.nextAttemptAt, head.lookupAfter ?? 0);
}
