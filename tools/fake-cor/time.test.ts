import { describe, expect, it } from 'vitest';
import { decimalHours, formatIsoZ, formatZoneless, parseDateOnly, parseDateTime } from './time.ts';

describe('parseDateTime', () => {
  it.each([
    ['2026-02-06T10:00:00Z', Date.UTC(2026, 1, 6, 10)],
    ['2026-02-06T07:00:00-03:00', Date.UTC(2026, 1, 6, 10)],
    ['2026-02-06T15:30:00+05:30', Date.UTC(2026, 1, 6, 10)],
    ['2026-02-06T10:00:00.123456Z', Date.UTC(2026, 1, 6, 10, 0, 0, 123)],
    ['2028-02-29T00:00:00Z', Date.UTC(2028, 1, 29)],
  ])('accepts %s', (text, ms) => {
    expect(parseDateTime(text)).toBe(ms);
  });

  it.each([
    '2026-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-02-06T10:00:60Z',
    '2026-02-06T10:00:00',
    '2026-02-06 10:00:00Z',
    '2026-02-06T10:00:00+0300',
    '2026-02-06',
    'yesterday',
    1770372000000,
  ])('rejects %s', (text) => {
    expect(parseDateTime(text)).toBeNull();
  });
});

describe('formats', () => {
  it('drops milliseconds', () => {
    const ms = Date.UTC(2026, 1, 6, 10, 0, 42, 999);
    expect(formatIsoZ(ms)).toBe('2026-02-06T10:00:42Z');
    expect(formatZoneless(ms)).toBe('2026-02-06 10:00:42');
  });

  it('gives decimal hours with 16 decimals, rounded half up', () => {
    expect(decimalHours(42)).toBe('0.0116666666666667');
    expect(decimalHours(7200)).toBe('2.0000000000000000');
    expect(decimalHours(1)).toBe('0.0002777777777778');
    expect(decimalHours(0)).toBe('0.0000000000000000');
    expect(decimalHours(90_000)).toBe('25.0000000000000000');
  });

  it('parses dates only when real', () => {
    expect(parseDateOnly('2026-02-06')).toBe(Date.UTC(2026, 1, 6));
    expect(parseDateOnly('2026-02-30')).toBeNull();
  });
});
