import { describe, expect, it } from 'vitest';
import { meetsMinimum, parseFirefoxVersion } from './ensure-firefox';

describe('Firefox version check', () => {
  it.each([
    ['Mozilla Firefox 153.8.0esr', [153, 8, 0]],
    ['Mozilla Firefox 140.5.0esr', [140, 5, 0]],
    ['Mozilla Firefox 142.0', [142, 0, 0]],
    ['Mozilla Firefox 150.0b3', [150, 0, 0]],
    ['not a browser', null],
  ])('reads %s', (text, version) => {
    expect(parseFirefoxVersion(text)).toEqual(version);
  });

  it.each([
    [[153, 8, 0], '142.0', true],
    [[142, 0, 0], '142.0', true],
    [[141, 9, 9], '142.0', false],
    [[140, 5, 0], '142.0', false],
    [[142, 0, 1], '142.0.2', false],
  ])('%j against %s → %s', (version, minimum, ok) => {
    expect(meetsMinimum(version, minimum)).toBe(ok);
  });
});
