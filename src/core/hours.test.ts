import { ANA } from '../test/owners';
import { describe, expect, it } from 'vitest';
import { isSameEntry, loggedFromHour, readHoursPage, toInteger } from './hours';

const T0 = Date.UTC(2026, 1, 6, 9, 0, 0, 700);
const entry = { id: 'e1', task: { id: 11122850 }, owner: ANA, startedAt: T0, stoppedAt: T0 + 42 * 60_000 };

describe('COR Hour answers', () => {
  it("keeps COR's id and duration, and learns the task title", () => {
    const hour = {
      id: 39517591,
      duration: '0.7000000000000000',
      task: { id: 11122850, title: 'Armado de contenido v1' },
    };
    expect(loggedFromHour(entry, hour, T0 + 1)).toEqual({
      entryId: 'e1',
      corId: 39517591,
      task: { id: 11122850, title: 'Armado de contenido v1' },
      startedAt: T0,
      stoppedAt: entry.stoppedAt,
      durationMs: 42 * 60_000,
      loggedAt: T0 + 1,
    });
  });

  it('falls back to our own times when the answer is unreadable', () => {
    expect(loggedFromHour(entry, undefined, T0)).toMatchObject({
      corId: null,
      durationMs: 42 * 60_000,
      task: { id: 11122850 },
    });
  });

  it.each([
    [{ task_log_id: 11122850, start: '2026-02-06 09:00:00' }, true],
    [{ task_log_id: '11122850', start: '2026-02-06T09:00:00Z' }, true],
    [{ task_log_id: 11122850, start: '2026-02-06 09:00:01' }, false],
    [{ task_log_id: 1, start: '2026-02-06 09:00:00' }, false],
    [{ task_log_id: 11122850 }, false],
    ['nope', false],
  ])('recognises our entry in %j: %s', (hour, same) => expect(isSameEntry(hour, entry)).toBe(same));

  it('reads paginated lists with numbers as strings', () => {
    expect(readHoursPage({ data: [1], lastPage: '3', page: '1' })).toEqual({ hours: [1], lastPage: 3 });
    expect(readHoursPage({ nope: true })).toBeNull();
    expect(toInteger('12')).toBe(12);
    expect(toInteger('1.5')).toBeNull();
  });
});
