/**
 * Outbox policy: what happens to a stopped entry on its way to COR. Pure: the background
 * reads storage, calls these, and writes the result back in one `set`.
 *
 * Lifecycle: waiting → sending → (delivered: leaves the outbox for the recently-logged list)
 *                               → waiting again (COR said no for now: retry with backoff)
 *                               → in-doubt (no answer: COR may have it; look before resending)
 *                               → needs-attention (COR refused it: the person decides)
 */
import type { Classified, Reason } from './cor-response';
import type { StoppedEntry, TaskRef } from './timer';
import { inLine } from './outbox-line';
import { durations } from './time';
import { holdReason, type EntryCheck } from './entry-check';

// The popup's part lives in core/outbox-line.ts, so the popup loads no outbox policy.
export { nextWakeUp, ownedBy } from './outbox-line';

export type EntryState = 'waiting' | 'sending' | 'in-doubt' | 'needs-attention';

export interface OutboxEntry extends StoppedEntry {
  readonly state: EntryState;
  /** Failed attempts so far; drives the backoff. */
  readonly attempts: number;
  /** Not to be tried again before this moment (epoch ms) unless the person asks. */
  readonly nextAttemptAt: number;
  /**
   * In doubt only: not looked up in COR before this moment, even when the person presses Send
   * now. A request that is slow to commit must land before we look, or the lookup misses it and
   * the resend books the hour twice.
   */
  readonly lookupAfter?: number;
  readonly reason?: Reason;
  /** Set aside after an unexpected failure while it may have reached COR: a retry looks it up first. */
  readonly lookupFirst?: true;
}

/** How long an unknown outcome is left to settle in COR before we look for the entry there. */
export const IN_DOUBT_SETTLE_MS = 10 * durations.SECOND;

/** What the popup lists as logged: COR's own record of the entry when it gave us one. */
export interface LoggedEntry {
  readonly entryId: string;
  readonly corId: number | null;
  readonly task: TaskRef;
  readonly startedAt: number;
  readonly stoppedAt: number;
  readonly durationMs: number;
  readonly loggedAt: number;
}

export const RECENT_LIMIT = 10;

/**
 * A stopped timer enters the outbox. One whose times cannot be right (the clock jumped) or that
 * runs longer than the limit given waits for the person instead (`core/entry-check.ts`).
 */
export function enqueue(
  outbox: readonly OutboxEntry[],
  stopped: StoppedEntry,
  now: number,
  check: EntryCheck = {},
): OutboxEntry[] {
  return [...outbox, queued(stopped, now, check)];
}

/** The outbox entry a stopped timer becomes. */
export function queued(stopped: StoppedEntry, now: number, check: EntryCheck = {}): OutboxEntry {
  const hold = holdReason(stopped, check);
  return hold !== null
    ? { ...stopped, state: 'needs-attention', attempts: 0, nextAttemptAt: now, reason: { code: hold } }
    : { ...stopped, state: 'waiting', attempts: 0, nextAttemptAt: now };
}

/**
 * Entries that a flush would send, in the order they were stopped: COR receives them in that
 * order, so a newer entry never overtakes an older one that is still waiting its turn.
 */
export function sendable(outbox: readonly OutboxEntry[], now: number, force: boolean): OutboxEntry[] {
  const due: OutboxEntry[] = [];
  for (const e of inLine(outbox)) {
    const ready = e.state !== 'sending' && (force || e.nextAttemptAt <= now) && (e.lookupAfter ?? 0) <= now;
    if (!ready) break;
    due.push(e);
  }
  return due;
}

/**
 * A worker that died mid-request leaves entries marked `sending`. Whether COR got them is
 * unknown, so they become in-doubt: looked up in COR before any resend.
 */
export function recoverInterrupted(outbox: readonly OutboxEntry[], now: number): OutboxEntry[] | null {
  if (!outbox.some((e) => e.state === 'sending')) return null;
  return outbox.map((e) => (e.state === 'sending' ? inDoubt(e, now) : e));
}

/** The outcome of the last attempt is unknown: look in COR, after the settling time, before resending. */
function inDoubt(entry: OutboxEntry, now: number): OutboxEntry {
  const lookupAfter = now + IN_DOUBT_SETTLE_MS;
  return { ...entry, state: 'in-doubt', lookupAfter, nextAttemptAt: Math.max(entry.nextAttemptAt, lookupAfter) };
}

/**
 * What a POST /hours attempt came to. A success whose answer is not COR's record (a proxy's
 * page, a cut body) proves nothing: the entry may or may not be in COR, so it is in doubt.
 */
export function deliveryResult(result: Classified, isRecord: (data: unknown) => boolean): Classified {
  if (result.class !== 'ok' || isRecord(result.data)) return result;
  return { class: 'retryable', reason: { code: 'malformed' }, outcomeUnknown: true };
}

export type Settlement =
  | { readonly kind: 'delivered' }
  | {
      readonly kind: 'kept';
      readonly entry: OutboxEntry;
      /** Stop this flush pass: COR (or our session) is failing for everyone, not just this entry. */
      readonly haltPass: boolean;
    };

/** What an attempt's classified result means for the entry. `random` is in [0, 1). */
export function settle(entry: OutboxEntry, result: Classified, now: number, random: number): Settlement {
  switch (result.class) {
    case 'ok':
      return { kind: 'delivered' };
    case 'auth':
      return {
        kind: 'kept',
        entry: { ...entry, state: entry.state === 'in-doubt' ? 'in-doubt' : 'waiting', reason: result.reason },
        haltPass: true,
      };
    case 'retryable': {
      const attempts = entry.attempts + 1;
      const wait = Math.max(backoff(attempts, random), result.retryAfterMs ?? 0);
      const state = entry.state === 'in-doubt' ? 'in-doubt' : 'waiting';
      const kept: OutboxEntry = { ...entry, state, attempts, nextAttemptAt: now + wait, reason: result.reason };
      // Only a POST can leave an hour behind; a failed lookup (the entry was in doubt already) cannot.
      const posted = entry.state === 'sending' && result.outcomeUnknown;
      return { kind: 'kept', entry: posted ? inDoubt(kept, now) : kept, haltPass: true };
    }
    case 'rejected':
      return { kind: 'kept', entry: { ...entry, state: 'needs-attention', reason: result.reason }, haltPass: false };
  }
}

const STEPS_MS = [1, 3, 5].map((s) => s * durations.SECOND);
export const MAX_BACKOFF_MS = 5 * durations.MINUTE;

/**
 * About 1 s, 3 s, 5 s (COR's documented retry loop), then doubling up to five minutes, with
 * ±20 % jitter so that many browsers coming back online do not retry in step.
 */
export function backoff(attempts: number, random: number): number {
  const base =
    attempts <= STEPS_MS.length
      ? STEPS_MS[Math.max(0, attempts - 1)]!
      : STEPS_MS[2]! * 2 ** (attempts - STEPS_MS.length);
  const jitter = 0.8 + 0.4 * random;
  return Math.round(Math.min(MAX_BACKOFF_MS, base) * jitter);
}

export function replaceEntry(outbox: readonly OutboxEntry[], entry: OutboxEntry): OutboxEntry[] {
  return outbox.map((e) => (e.id === entry.id ? entry : e));
}

export function removeEntry(outbox: readonly OutboxEntry[], id: string): OutboxEntry[] {
  return outbox.filter((e) => e.id !== id);
}

export function remember(recent: readonly LoggedEntry[], logged: LoggedEntry): LoggedEntry[] {
  return [logged, ...recent.filter((r) => r.entryId !== logged.entryId)].slice(0, RECENT_LIMIT);
}

/** The stop of the latest entry, queued or logged, that ended at or before `at`; null when none did. */
export function lastStopBefore(
  outbox: readonly Pick<OutboxEntry, 'stoppedAt'>[],
  recent: readonly Pick<LoggedEntry, 'stoppedAt'>[],
  at: number,
): number | null {
  const stops = [...outbox, ...recent].map((e) => e.stoppedAt).filter((s) => s <= at);
  return stops.length === 0 ? null : Math.max(...stops);
}
