import { describe, expect, it } from 'vitest';
import { gateToggle, TOGGLE_WINDOW_MS } from './debounce';

const T0 = 1_000_000;

describe('toggle gate: a second toggle within 500 ms is ignored', () => {
  it.each([
    ['the first press ever', null, T0, true, T0],
    ['a press at the same moment', T0, T0, false, T0],
    ['a key repeat 30 ms later', T0, T0 + 30, false, T0],
    ['a double press 499 ms later', T0, T0 + 499, false, T0],
    ['a press exactly 500 ms later', T0, T0 + 500, true, T0 + 500],
    ['a press a minute later', T0, T0 + 60_000, true, T0 + 60_000],
    ['a press after the clock went back', T0, T0 - 10_000, true, T0 - 10_000],
  ])('%s', (_name, last, now, accept, kept) => {
    expect(gateToggle(last, now)).toEqual({ accept, lastAcceptedAt: kept });
  });

  it('measures from the last accepted press, so steady presses get through every window', () => {
    let last: number | null = null;
    const accepted: number[] = [];
    for (let now = T0; now < T0 + 1_600; now += 100) {
      const decision = gateToggle(last, now);
      last = decision.lastAcceptedAt;
      if (decision.accept) accepted.push(now - T0);
    }
    expect(accepted).toEqual([0, 500, 1000, 1500]);
    expect(TOGGLE_WINDOW_MS).toBe(500);
  });
});
