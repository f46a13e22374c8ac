import { ANA } from '../test/owners';
import { describe, expect, it } from 'vitest';
import type { Classified } from './cor-response';
import {
  backoff,
  enqueue,
  IN_DOUBT_SETTLE_MS,
  MAX_BACKOFF_MS,
  nextWakeUp,
  recoverInterrupted,
  remember,
  RECENT_LIMIT,
  sendable,
  settle,
  type LoggedEntry,
  type OutboxEntry,
} from './outbox';

const T0 = Date.UTC(2026, 10, 28, 9);
const stopped = (id: string, startedAt = T0, stoppedAt = T0 + 60_000) => ({
  id,
  task: { id: 1 },
  owner: ANA,
  startedAt,
  stoppedAt,
});
const entry = (over: Partial<OutboxEntry> = {}): OutboxEntry => ({
  ...stopped('e1'),
  state: 'waiting',
  attempts: 0,
  nextAttemptAt: T0,
  ...over,
});

describe('enqueue', () => {
  it('appends a waiting entry due at once', () => {
    expect(enqueue([], stopped('e1'), T0 + 60_000)).toEqual([entry({ nextAttemptAt: T0 + 60_000 })]);
  });

  it('holds a span that runs backwards for the person to check, instead of sending it', () => {
    const [held] = enqueue([], stopped('e1', T0, T0 - 1), T0);
    expect(held).toMatchObject({ state: 'needs-attention', reason: { code: 'clock-jumped' } });
  });
});

describe('sendable', () => {
  const outbox = [
    entry({ id: 'late', stoppedAt: T0 + 300_000 }),
    entry({ id: 'early', stoppedAt: T0 + 100_000 }),
    entry({ id: 'doubt', state: 'in-doubt', stoppedAt: T0 + 200_000 }),
    entry({ id: 'refused', state: 'needs-attention', stoppedAt: T0 }),
  ];

  it('sends due entries in stop order, in-doubt ones included; refused ones wait for the person', () => {
    expect(sendable(outbox, T0, false).map((e) => e.id)).toEqual(['early', 'doubt', 'late']);
  });

  it('a newer entry never overtakes an older one that is not due yet; a forced flush ignores backoff', () => {
    const behind = [...outbox, entry({ id: 'later-retry', stoppedAt: T0 + 50_000, nextAttemptAt: T0 + 999_000 })];
    expect(sendable(behind, T0, false)).toEqual([]);
    expect(sendable(behind, T0, true).map((e) => e.id)).toEqual(['later-retry', 'early', 'doubt', 'late']);
  });

  it('nothing passes an entry in flight', () => {
    expect(sendable([...outbox, entry({ id: 'in-flight', state: 'sending', stoppedAt: T0 + 1 })], T0, true)).toEqual(
      [],
    );
  });

  it('not even a forced flush looks up an in-doubt entry before its settling time', () => {
    const settling = [entry({ id: 'doubt', state: 'in-doubt', nextAttemptAt: T0 + 10, lookupAfter: T0 + 10 })];
    expect(sendable(settling, T0, true)).toEqual([]);
    expect(sendable(settling, T0 + 10, true).map((e) => e.id)).toEqual(['doubt']);
  });
});

describe('settle: what an attempt means for the entry', () => {
  const cases: Array<[string, OutboxEntry, Classified, unknown]> = [
    ['ok → delivered', entry({ state: 'sending' }), { class: 'ok', data: {} }, { kind: 'delivered' }],
    [
      '500 → waits with backoff and stops the pass',
      entry({ state: 'sending' }),
      { class: 'retryable', reason: { code: 'server-error', status: 500 }, outcomeUnknown: false },
      {
        kind: 'kept',
        haltPass: true,
        entry: entry({
          state: 'waiting',
          attempts: 1,
          nextAttemptAt: T0 + 1000,
          reason: { code: 'server-error', status: 500 },
        }),
      },
    ],
    [
      'timeout → in doubt, not looked up before COR had time to settle',
      entry({ state: 'sending', attempts: 1 }),
      { class: 'retryable', reason: { code: 'timeout' }, outcomeUnknown: true },
      {
        kind: 'kept',
        haltPass: true,
        entry: entry({
          state: 'in-doubt',
          attempts: 2,
          nextAttemptAt: T0 + IN_DOUBT_SETTLE_MS,
          lookupAfter: T0 + IN_DOUBT_SETTLE_MS,
          reason: { code: 'timeout' },
        }),
      },
    ],
    [
      'a long backoff outlasts the settling time',
      entry({ state: 'sending', attempts: 8 }),
      { class: 'retryable', reason: { code: 'network' }, outcomeUnknown: true },
      {
        kind: 'kept',
        haltPass: true,
        entry: entry({
          state: 'in-doubt',
          attempts: 9,
          nextAttemptAt: T0 + MAX_BACKOFF_MS,
          lookupAfter: T0 + IN_DOUBT_SETTLE_MS,
          reason: { code: 'network' },
        }),
      },
    ],
    [
      'an in-doubt entry whose lookup failed stays in doubt',
      entry({ state: 'in-doubt' }),
      { class: 'retryable', reason: { code: 'server-error', status: 502 }, outcomeUnknown: false },
      {
        kind: 'kept',
        haltPass: true,
        entry: entry({
          state: 'in-doubt',
          attempts: 1,
          nextAttemptAt: T0 + 1000,
          reason: { code: 'server-error', status: 502 },
        }),
      },
    ],
    [
      'an in-doubt entry whose lookup got no answer keeps its settling time: a GET books nothing',
      entry({ state: 'in-doubt', lookupAfter: T0 - 5000 }),
      { class: 'retryable', reason: { code: 'network' }, outcomeUnknown: true },
      {
        kind: 'kept',
        haltPass: true,
        entry: entry({
          state: 'in-doubt',
          attempts: 1,
          nextAttemptAt: T0 + 1000,
          lookupAfter: T0 - 5000,
          reason: { code: 'network' },
        }),
      },
    ],
    [
      'Retry-After longer than the backoff wins',
      entry({ state: 'sending' }),
      {
        class: 'retryable',
        reason: { code: 'rate-limited', status: 429 },
        outcomeUnknown: false,
        retryAfterMs: 60_000,
      },
      {
        kind: 'kept',
        haltPass: true,
        entry: entry({
          state: 'waiting',
          attempts: 1,
          nextAttemptAt: T0 + 60_000,
          reason: { code: 'rate-limited', status: 429 },
        }),
      },
    ],
    [
      '401 → waits for a usable token, attempts unchanged',
      entry({ state: 'sending' }),
      { class: 'auth', reason: { code: 'unauthorized', status: 401 } },
      {
        kind: 'kept',
        haltPass: true,
        entry: entry({ state: 'waiting', reason: { code: 'unauthorized', status: 401 } }),
      },
    ],
    [
      '417 → needs attention, the pass goes on with other entries',
      entry({ state: 'sending' }),
      { class: 'rejected', reason: { code: 'rejected', status: 417, message: 'bad' } },
      {
        kind: 'kept',
        haltPass: false,
        entry: entry({ state: 'needs-attention', reason: { code: 'rejected', status: 417, message: 'bad' } }),
      },
    ],
  ];

  it.each(cases)('%s', (_name, before, result, expected) => {
    // random 0.5 → no jitter, so the table shows the plain schedule.
    expect(settle(before, result, T0, 0.5)).toEqual(expected);
  });
});

describe('backoff', () => {
  it('follows 1 s, 3 s, 5 s, then doubles to at most five minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map((n) => backoff(n, 0.5))).toEqual([
      1000, 3000, 5000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000,
    ]);
  });

  it('jitters by at most 20 % either way', () => {
    expect(backoff(9, 0)).toBe(MAX_BACKOFF_MS * 0.8);
    expect(backoff(9, 0.999999)).toBeCloseTo(MAX_BACKOFF_MS * 1.2, -2);
  });
});

describe('recovery and scheduling', () => {
  it('a worker killed mid-request leaves the entry in doubt', () => {
    expect(recoverInterrupted([entry({ state: 'sending' }), entry({ id: 'e2' })], T0)).toEqual([
      entry({ state: 'in-doubt', nextAttemptAt: T0 + IN_DOUBT_SETTLE_MS, lookupAfter: T0 + IN_DOUBT_SETTLE_MS }),
      entry({ id: 'e2' }),
    ]);
    expect(recoverInterrupted([entry()], T0)).toBeNull();
  });

  it('wakes when the oldest entry in line is due: the others go after it', () => {
    expect(
      nextWakeUp([
        entry({ nextAttemptAt: T0 + 5, stoppedAt: T0 }),
        entry({ state: 'in-doubt', nextAttemptAt: T0 + 2, stoppedAt: T0 + 1 }),
        entry({ state: 'needs-attention', nextAttemptAt: T0, stoppedAt: T0 - 1 }),
      ]),
    ).toBe(T0 + 5);
    expect(nextWakeUp([entry({ state: 'needs-attention' })])).toBeNull();
    expect(nextWakeUp([entry({ state: 'in-doubt', nextAttemptAt: T0, lookupAfter: T0 + 9 })])).toBe(T0 + 9);
  });

  it('keeps a short recently-logged list, newest first, without duplicates', () => {
    const logged = (n: number): LoggedEntry => ({
      entryId: `e${n}`,
      corId: n,
      task: { id: 1 },
      startedAt: T0,
      stoppedAt: T0,
      durationMs: 0,
      loggedAt: T0 + n,
    });
    let recent: LoggedEntry[] = [];
    for (let n = 1; n <= 12; n++) recent = remember(recent, logged(n));
    recent = remember(recent, logged(12));
    expect(recent.map((r) => r.entryId)).toEqual(['e12', 'e11', 'e10', 'e9', 'e8', 'e7', 'e6', 'e5', 'e4', 'e3']);
    expect(recent).toHaveLength(RECENT_LIMIT);
  });
});
