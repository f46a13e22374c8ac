import { ANA } from '../test/owners';
import { describe, expect, it } from 'vitest';
import { assertNever, IDLE, transition, type TimerEvent, type TimerState } from './timer';

const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);
const running = (id: number, startedAt = T0): TimerState => ({
  status: 'running',
  task: { id },
  owner: ANA,
  startedAt,
});
const ids = () => {
  let n = 0;
  return () => `entry-${++n}`;
};

describe('timer transitions: (state, event, now) → (state, stopped entry)', () => {
  const table: Array<{ name: string; state: TimerState; event: TimerEvent; now: number; expected: unknown }> = [
    {
      name: 'start from idle runs the task from now',
      state: IDLE,
      event: { type: 'start', task: { id: 123 }, owner: ANA },
      now: T0,
      expected: { ok: true, changed: true, stopped: null, timer: running(123) },
    },
    {
      name: 'stop captures start and stop as pressed',
      state: running(123),
      event: { type: 'stop' },
      now: T0 + 42_000,
      expected: {
        ok: true,
        changed: true,
        timer: IDLE,
        stopped: { id: 'entry-1', owner: ANA, task: { id: 123 }, startedAt: T0, stoppedAt: T0 + 42_000 },
      },
    },
    {
      name: 'stop while idle is refused',
      state: IDLE,
      event: { type: 'stop' },
      now: T0,
      expected: { ok: false, error: 'not-running' },
    },
    {
      name: 'starting the running task again keeps the original start',
      state: running(123),
      event: { type: 'start', task: { id: 123 }, owner: ANA },
      now: T0 + 5_000,
      expected: { ok: true, changed: false, stopped: null, timer: running(123) },
    },
    {
      name: 'starting another task switches: the first is stopped at the same moment',
      state: running(123),
      event: { type: 'start', task: { id: 456, title: 'Diseño' }, owner: ANA },
      now: T0 + 60_000,
      expected: {
        ok: true,
        changed: true,
        timer: { status: 'running', task: { id: 456, title: 'Diseño' }, owner: ANA, startedAt: T0 + 60_000 },
        stopped: { id: 'entry-1', owner: ANA, task: { id: 123 }, startedAt: T0, stoppedAt: T0 + 60_000 },
      },
    },
    {
      name: 'toggle while running stops',
      state: running(7),
      event: { type: 'toggle', owner: ANA },
      now: T0 + 1_000,
      expected: {
        ok: true,
        changed: true,
        timer: IDLE,
        stopped: { id: 'entry-1', owner: ANA, task: { id: 7 }, startedAt: T0, stoppedAt: T0 + 1_000 },
      },
    },
    {
      name: 'toggle while idle starts the given task',
      state: IDLE,
      event: { type: 'toggle', task: { id: 7 }, owner: ANA },
      now: T0,
      expected: { ok: true, changed: true, stopped: null, timer: running(7) },
    },
    {
      name: 'toggle while idle without a task asks for one',
      state: IDLE,
      event: { type: 'toggle', owner: ANA },
      now: T0,
      expected: { ok: false, error: 'no-task' },
    },
    {
      name: 'start-or-stop while idle starts that task',
      state: IDLE,
      event: { type: 'start-or-stop', task: { id: 5 }, owner: ANA },
      now: T0,
      expected: { ok: true, changed: true, stopped: null, timer: running(5) },
    },
    {
      name: 'start-or-stop on the running task stops it',
      state: running(5),
      event: { type: 'start-or-stop', task: { id: 5, title: 'Copy' }, owner: ANA },
      now: T0 + 90_000,
      expected: {
        ok: true,
        changed: true,
        timer: IDLE,
        stopped: { id: 'entry-1', owner: ANA, task: { id: 5 }, startedAt: T0, stoppedAt: T0 + 90_000 },
      },
    },
    {
      name: 'start-or-stop on another task switches: the running one is stopped first',
      state: running(5),
      event: { type: 'start-or-stop', task: { id: 6 }, owner: ANA },
      now: T0 + 90_000,
      expected: {
        ok: true,
        changed: true,
        timer: running(6, T0 + 90_000),
        stopped: { id: 'entry-1', owner: ANA, task: { id: 5 }, startedAt: T0, stoppedAt: T0 + 90_000 },
      },
    },
    {
      name: 'a clock that jumped back still yields the entry, with its real stamps',
      state: running(9),
      event: { type: 'stop' },
      now: T0 - 3_600_000,
      expected: {
        ok: true,
        changed: true,
        timer: IDLE,
        stopped: { id: 'entry-1', owner: ANA, task: { id: 9 }, startedAt: T0, stoppedAt: T0 - 3_600_000 },
      },
    },
    {
      name: 'the start can be moved earlier',
      state: running(9),
      event: { type: 'adjust-start', startedAt: T0 - 300_000, earliest: null, confirmed: false },
      now: T0 + 1_000,
      expected: { ok: true, changed: true, stopped: null, timer: running(9, T0 - 300_000) },
    },
    {
      name: 'the start can be moved up to now, never into the future',
      state: running(9),
      event: { type: 'adjust-start', startedAt: T0 + 2_000, earliest: null, confirmed: false },
      now: T0 + 1_000,
      expected: { ok: false, error: 'start-in-future' },
    },
    {
      name: 'moving before the previous entry’s stop needs a confirmation',
      state: running(9),
      event: { type: 'adjust-start', startedAt: T0 - 60_000, earliest: T0 - 30_000, confirmed: false },
      now: T0,
      expected: { ok: false, error: 'overlaps-previous' },
    },
    {
      name: '…and is done once confirmed',
      state: running(9),
      event: { type: 'adjust-start', startedAt: T0 - 60_000, earliest: T0 - 30_000, confirmed: true },
      now: T0,
      expected: { ok: true, changed: true, stopped: null, timer: running(9, T0 - 60_000) },
    },
    {
      name: 'adjusting while idle is refused',
      state: IDLE,
      event: { type: 'adjust-start', startedAt: T0, earliest: null, confirmed: false },
      now: T0,
      expected: { ok: false, error: 'not-running' },
    },
    {
      name: 'discard drops the timer without an entry, and remembers it for undo',
      state: running(9),
      event: { type: 'discard' },
      now: T0 + 5_000,
      expected: {
        ok: true,
        changed: true,
        stopped: null,
        timer: { status: 'idle', discarded: { task: { id: 9 }, owner: ANA, startedAt: T0, at: T0 + 5_000 } },
      },
    },
    {
      name: 'undo brings the discarded timer back with its original start',
      state: { status: 'idle', discarded: { task: { id: 9 }, owner: ANA, startedAt: T0, at: T0 + 5_000 } },
      event: { type: 'undo-discard' },
      now: T0 + 8_000,
      expected: { ok: true, changed: true, stopped: null, timer: running(9) },
    },
    {
      name: 'nothing to undo once another timer started',
      state: running(3),
      event: { type: 'undo-discard' },
      now: T0,
      expected: { ok: false, error: 'nothing-to-undo' },
    },
  ];

  it.each(table)('$name', ({ state, event, now, expected }) => {
    expect(transition(state, event, now, ids())).toEqual(expected);
  });
});

describe('assertNever', () => {
  it('names no part of the value it refuses: a password or a token could ride in it', () => {
    const secret = { method: 'password', email: 'ana@acme.example', password: 'hunter2-Secret!' };
    let thrown: unknown;
    try {
      assertNever(secret as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    const text = `${String(thrown)} ${(thrown as Error).stack ?? ''}`;
    for (const part of ['hunter2', 'ana@acme', 'password']) expect(text).not.toContain(part);
  });
});
