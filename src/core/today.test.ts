import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from './outbox';
import { dailyTarget, localDay, readTodayHours, todayView } from './today';

const NOW = new Date(2026, 10, 30, 10, 42).getTime();
const day = localDay(NOW);
const at = (h: number, m: number) => new Date(2026, 10, 30, h, m).getTime();
const iso = (ms: number) => new Date(ms).toISOString();
const hour = (id: number, start: number, stop: number, extra: object = {}) => ({
  id,
  task_log_id: 1001,
  user_id: 8546,
  start: iso(start),
  stop: iso(stop),
  task: { title: 'Diseño', project: { name: 'Campaña' } },
  ...extra,
});

describe('today', () => {
  it('the local day runs from midnight to midnight', () => {
    expect(day).toEqual({ date: '2026-11-30', start: at(0, 0), end: new Date(2026, 11, 1).getTime() });
  });

  it.each([
    ['started today', hour(1, at(9, 0), at(9, 30)), 1],
    ['started yesterday', hour(2, at(0, 0) - 60_000, at(0, 20)), 0],
    ['another person', hour(3, at(9, 0), at(9, 30), { user_id: 1 }), 0],
    ['still running in COR', hour(4, at(9, 0), at(9, 30), { stop: null }), 0],
    ['unreadable', { id: 'x' }, 0],
  ])('reads COR hours: %s', (_name, raw, count) => {
    expect(readTodayHours([raw], 8546, day)).toHaveLength(count);
  });

  it('total: COR hours + entries confirmed since + waiting + running, each once; refused ones listed, not counted', () => {
    const cor = readTodayHours([hour(1, at(9, 0), at(9, 30))], 8546, day);
    const recent = [
      {
        entryId: 'a',
        corId: 1,
        task: { id: 1001 },
        startedAt: at(9, 0),
        stoppedAt: at(9, 30),
        durationMs: 30 * 60_000,
        loggedAt: NOW,
      },
      {
        entryId: 'b',
        corId: 2,
        task: { id: 1002 },
        startedAt: at(10, 0),
        stoppedAt: at(10, 10),
        durationMs: 10 * 60_000,
        loggedAt: NOW,
      },
    ];
    const entry = (id: string, state: OutboxEntry['state'], from: number, to: number): OutboxEntry => ({
      id,
      task: { id: 1003 },
      startedAt: from,
      stoppedAt: to,
      state,
      attempts: 0,
      owner: null,
      nextAttemptAt: 0,
    });
    const outbox = [entry('c', 'waiting', at(10, 10), at(10, 20)), entry('d', 'needs-attention', at(8, 0), at(8, 45))];
    const timer = { status: 'running' as const, task: { id: 1004 }, owner: null, startedAt: at(10, 30) };
    const view = todayView({ cor, recent, outbox, timer }, day, NOW);
    expect(view.totalMs).toBe((30 + 10 + 10 + 12) * 60_000);
    expect(view.rows.map((r) => [r.key, r.mark])).toEqual([
      ['entry-c', 'waiting'],
      ['entry-b', 'logged'],
      ['cor-1', 'logged'],
      ['entry-d', 'needs-attention'],
    ]);
  });

  it.each([
    [{ daily_hours: 8 }, 8 * 3_600_000],
    [{ daily_hours: '7.5' }, 7.5 * 3_600_000],
    [{ daily_hours: 0 }, null],
    [{}, null],
  ])('daily hours from /me: %j', (me, ms) => {
    expect(dailyTarget(me)).toBe(ms);
  });
});
