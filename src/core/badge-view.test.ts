import { ANA } from '../test/owners';
import { describe, expect, it } from 'vitest';
import { badgeView, formatBadgeElapsed, nextBadgeMinute } from './badge-view';
import type { OutboxEntry } from './outbox';
import { IDLE, type TimerState } from './timer';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);

describe('badge text: elapsed h:mm', () => {
  it.each([
    [0, '0:00'],
    [59_999, '0:00'],
    [MIN, '0:01'],
    [9 * HOUR + 59 * MIN + 59_999, '9:59'],
    [10 * HOUR, '10:00'],
    [99 * HOUR + 59 * MIN, '99:59'],
    [100 * HOUR, '100h'],
    [123 * HOUR + 45 * MIN, '123h'],
    [1234 * HOUR, '1234h'],
    [-5 * MIN, '0:00'],
  ])('%i ms → %s', (ms, text) => expect(formatBadgeElapsed(ms)).toBe(text));
});

describe('what the icon shows', () => {
  const running: TimerState = { status: 'running', task: { id: 7, title: 'Copy' }, owner: ANA, startedAt: T0 };
  const waiting = [{ id: 'e1' } as OutboxEntry];

  it.each([
    ['idle, nothing waiting: no badge', IDLE, [], false, { kind: 'idle' }],
    [
      'running: elapsed from the stored start, not from ticks',
      running,
      [],
      false,
      { kind: 'running', text: '1:05', task: { id: 7, title: 'Copy' }, startedAt: T0 },
    ],
    ['entries waiting: attention', IDLE, waiting, false, { kind: 'attention', running: null }],
    ['session expired: attention', IDLE, [], true, { kind: 'attention', running: null }],
    [
      'running with entries waiting: attention, still knowing the task',
      running,
      waiting,
      false,
      { kind: 'attention', running: { task: { id: 7, title: 'Copy' }, startedAt: T0 } },
    ],
  ])('%s', (_name, timer, outbox, sessionExpired, expected) => {
    expect(badgeView({ timer, waiting: outbox.length, sessionExpired, now: T0 + HOUR + 5 * MIN + 30_000 })).toEqual(
      expected,
    );
  });

  it('wakes at the next whole minute of elapsed time', () => {
    expect(nextBadgeMinute(T0, T0)).toBe(T0 + MIN);
    expect(nextBadgeMinute(T0, T0 + 59_999)).toBe(T0 + MIN);
    expect(nextBadgeMinute(T0, T0 + MIN)).toBe(T0 + 2 * MIN);
    expect(nextBadgeMinute(T0, T0 - 1000)).toBe(T0 + MIN);
  });
});
