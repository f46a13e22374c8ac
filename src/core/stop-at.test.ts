import { ANA } from '../test/owners';
import { describe, expect, it } from 'vitest';
import { resolveAttention } from './attention';
import { holdReason } from './entry-check';
import { enqueue, type OutboxEntry } from './outbox';
import { IDLE, transition, type TimerEvent, type TimerState } from './timer';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 30, 8, 0);
const running: TimerState = { status: 'running', task: { id: 7 }, owner: ANA, startedAt: T0 };
const id = () => 'e1';

describe('timer: Stop at… and Remove the time away', () => {
  const table: Array<{ name: string; state: TimerState; event: TimerEvent; now: number; expected: unknown }> = [
    {
      name: 'stop at a moment between start and now logs start → that moment',
      state: running,
      event: { type: 'stop-at', at: T0 + 2 * H },
      now: T0 + 5 * H,
      expected: { ok: true, timer: IDLE, stopped: { id: 'e1', task: { id: 7 }, startedAt: T0, stoppedAt: T0 + 2 * H } },
    },
    {
      name: 'stop at now is a plain stop',
      state: running,
      event: { type: 'stop-at', at: T0 + H },
      now: T0 + H,
      expected: { ok: true, timer: IDLE, stopped: { startedAt: T0, stoppedAt: T0 + H } },
    },
    {
      name: 'stop at the very start: nothing was worked, nothing is logged',
      state: running,
      event: { type: 'stop-at', at: T0 },
      now: T0 + H,
      expected: { ok: true, timer: IDLE, stopped: null },
    },
    {
      name: 'before the start is refused',
      state: running,
      event: { type: 'stop-at', at: T0 - 1 },
      now: T0 + H,
      expected: { ok: false, error: 'invalid-stop' },
    },
    {
      name: 'in the future is refused',
      state: running,
      event: { type: 'stop-at', at: T0 + H + 1 },
      now: T0 + H,
      expected: { ok: false, error: 'invalid-stop' },
    },
    {
      name: 'while idle is refused',
      state: IDLE,
      event: { type: 'stop-at', at: T0 },
      now: T0 + H,
      expected: { ok: false, error: 'not-running' },
    },
    {
      name: 'split logs start → departure and runs the same task from the return',
      state: running,
      event: { type: 'split', stopAt: T0 + 2 * H, resumeAt: T0 + 3 * H },
      now: T0 + 4 * H,
      expected: {
        ok: true,
        timer: { status: 'running', task: { id: 7 }, startedAt: T0 + 3 * H },
        stopped: { startedAt: T0, stoppedAt: T0 + 2 * H },
      },
    },
    {
      name: 'split with the departure at the start logs nothing and restarts at the return',
      state: running,
      event: { type: 'split', stopAt: T0, resumeAt: T0 + 3 * H },
      now: T0 + 4 * H,
      expected: { ok: true, timer: { status: 'running', startedAt: T0 + 3 * H }, stopped: null },
    },
    {
      name: 'a return before the departure is refused',
      state: running,
      event: { type: 'split', stopAt: T0 + 2 * H, resumeAt: T0 + H },
      now: T0 + 4 * H,
      expected: { ok: false, error: 'invalid-stop' },
    },
    {
      name: 'a return in the future is refused',
      state: running,
      event: { type: 'split', stopAt: T0 + H, resumeAt: T0 + 5 * H },
      now: T0 + 4 * H,
      expected: { ok: false, error: 'invalid-stop' },
    },
  ];
  it.each(table)('$name', ({ state, event, now, expected }) => {
    expect(transition(state, event, now, id)).toMatchObject(expected as object);
  });
});

describe('entry checks: what waits in Needs attention instead of going to COR', () => {
  const entry = (start: number, stop: number) => ({
    id: 'e1',
    task: { id: 7 },
    owner: ANA,
    startedAt: start,
    stoppedAt: stop,
  });
  it.each([
    { name: 'a normal entry goes', e: entry(T0, T0 + H), check: {}, reason: null },
    { name: 'stop before start: the clock changed', e: entry(T0, T0 - 1), check: {}, reason: 'clock-jumped' },
    { name: 'stop at the start: the clock changed', e: entry(T0, T0), check: {}, reason: 'clock-jumped' },
    {
      name: 'a negative heartbeat gap during the timer',
      e: entry(T0, T0 + H),
      check: { clockChanged: true },
      reason: 'clock-jumped',
    },
    {
      name: 'longer than the limit, from a door without the popup',
      e: entry(T0, T0 + 10 * H + 1),
      check: { longerThanMs: 10 * H },
      reason: 'long-entry',
    },
    { name: 'exactly the limit goes', e: entry(T0, T0 + 10 * H), check: { longerThanMs: 10 * H }, reason: null },
    {
      name: 'no limit (the popup showed the length)',
      e: entry(T0, T0 + 60 * H),
      check: { longerThanMs: null },
      reason: null,
    },
  ])('$name', ({ e, check, reason }) => {
    expect(holdReason(e, check)).toBe(reason);
    const [queued] = enqueue([], e, T0 + 70 * H, check);
    expect(queued).toMatchObject(
      reason === null ? { state: 'waiting' } : { state: 'needs-attention', reason: { code: reason } },
    );
  });
});

describe('Needs attention: corrected times', () => {
  const held = (start: number, stop: number): OutboxEntry[] => [
    {
      id: 'e1',
      task: { id: 7 },
      owner: ANA,
      startedAt: start,
      stoppedAt: stop,
      state: 'needs-attention',
      attempts: 0,
      nextAttemptAt: T0,
      reason: { code: 'long-entry' },
    },
  ];
  it('"Stop at…" sends the entry with the new stop', () => {
    expect(
      resolveAttention(
        held(T0, T0 + 14 * H),
        'e1',
        { type: 'retime', startedAt: T0, stoppedAt: T0 + 9 * H },
        T0 + 15 * H,
      ),
    ).toEqual([
      {
        id: 'e1',
        task: { id: 7 },
        owner: ANA,
        startedAt: T0,
        stoppedAt: T0 + 9 * H,
        state: 'waiting',
        attempts: 0,
        nextAttemptAt: T0 + 15 * H,
      },
    ]);
  });
  it.each([
    { name: 'a stop before the start', start: T0, stop: T0 - 1 },
    { name: 'a stop at the start', start: T0, stop: T0 },
    { name: 'a stop in the future', start: T0, stop: T0 + 16 * H },
  ])('refuses $name', ({ start, stop }) => {
    expect(
      resolveAttention(held(T0, T0 + 14 * H), 'e1', { type: 'retime', startedAt: start, stoppedAt: stop }, T0 + 15 * H),
    ).toBeNull();
  });
  it('"Log it" on an entry whose clock ran backwards is refused: it needs new times first', () => {
    expect(resolveAttention(held(T0, T0 - H), 'e1', { type: 'retry' }, T0 + H)).toBeNull();
  });
});
