import { describe, expect, it } from 'vitest';
import { formatClock, formatHoursMinutes, parseCorDateTime, parseDecimalHours, toCorDate, toCorDateTime } from './time';

describe('COR date-times', () => {
  it('sends whole-second ISO 8601 UTC, as COR documents', () => {
    expect(toCorDateTime(Date.UTC(2026, 1, 6, 9, 5, 3, 999))).toBe('2026-02-06T09:05:03Z');
  });

  it.each([
    ['2026-02-06T09:05:03Z', Date.UTC(2026, 1, 6, 9, 5, 3)],
    ['2026-02-06T06:05:03-03:00', Date.UTC(2026, 1, 6, 9, 5, 3)],
    ['2026-02-06T09:05:03.250Z', Date.UTC(2026, 1, 6, 9, 5, 3, 250)],
    // COR's zone-less answers, read as UTC (the documented assumption).
    ['2026-02-06 09:05:03', Date.UTC(2026, 1, 6, 9, 5, 3)],
    ['not a date', null],
    ['2026-02-06', null],
    ['2026-13-45 99:00:00', null],
    ['2026-02-30 10:00:00', null],
  ])('reads %s', (text, expected) => {
    expect(parseCorDateTime(text)).toBe(expected);
  });

  it('names the UTC day for date filters', () => {
    expect(toCorDate(Date.UTC(2026, 1, 6, 23, 59))).toBe('2026-02-06');
  });
});

describe('durations as people read them', () => {
  it.each([
    [0, '0:00:00'],
    [42_000, '0:00:42'],
    [3_723_000, '1:02:03'],
    [-5_000, '0:00:00'],
  ])('clock %i ms → %s', (ms, text) => expect(formatClock(ms)).toBe(text));

  it.each([
    [0, '0:00'],
    [42 * 60_000, '0:42'],
    [(9 * 60 + 59) * 60_000, '9:59'],
    [10 * 3_600_000, '10:00'],
    [(123 * 60 + 5) * 60_000 + 59_000, '123:05'],
  ])('logged %i ms → %s', (ms, text) => expect(formatHoursMinutes(ms)).toBe(text));

  it.each([
    ['0.7000000000000000', 42 * 60_000],
    ['2.0000000000000000', 7_200_000],
    [1.5, 5_400_000],
    ['abc', null],
    [null, null],
    ['-1', null],
  ])('COR duration %s → %s ms', (text, ms) => expect(parseDecimalHours(text)).toBe(ms));
});
