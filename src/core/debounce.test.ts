import { describe, expect, it } from 'vitest';
import { gateCommand, gateToggle, TOGGLE_WINDOW_MS } from './debounce';

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

describe('the gate spans every door: any accepted timer command opens the window for toggles', () => {
  const run = (presses: ReadonlyArray<readonly [at: number, toggle: boolean]>) => {
    let last: number | null = null;
    return presses.map(([at, toggle]) => {
      const decision = gateCommand(last, toggle, T0 + at);
      last = decision.lastAcceptedAt;
      return decision.accept;
    });
  };

  it.each([
    [
      "the popup's Stop, then the shortcut 200 ms later: the shortcut is ignored",
      [
        [0, false],
        [200, true],
      ],
      [true, false],
    ],
    [
      "the shortcut, then the popup's Stop 200 ms later: the Stop goes through",
      [
        [0, true],
        [200, false],
      ],
      [true, true],
    ],
    [
      "the popup's Start, then the icon 499 ms later",
      [
        [0, false],
        [499, true],
      ],
      [true, false],
    ],
    [
      "the popup's Stop, then the shortcut 500 ms later",
      [
        [0, false],
        [500, true],
      ],
      [true, true],
    ],
    [
      'two popup commands in a row both go through',
      [
        [0, false],
        [10, false],
      ],
      [true, true],
    ],
    [
      'a toggle 300 ms after a popup command that came 300 ms after a toggle',
      [
        [0, true],
        [300, false],
        [600, true],
      ],
      [true, true, false],
    ],
  ] as const)('%s', (_name, presses, accepted) => {
    expect(run(presses)).toEqual(accepted);
  });
});
