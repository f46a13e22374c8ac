import { describe, expect, it } from 'vitest';
import { longRunningDue, NOT_TRACKING, trackStep, type TrackState } from './reminders';
import { DEFAULT_SETTINGS } from './settings';

const MIN = 60_000;
const H = 60 * MIN;
// Monday 30 Nov 2026, 10:00 in Madrid (09:00 UTC).
const MON_10 = Date.UTC(2026, 10, 30, 9, 0);
const on = { ...DEFAULT_SETTINGS.trackReminder, enabled: true };

describe('long-running reminder', () => {
  it.each([
    { name: 'below the limit', now: MON_10 + 10 * H - 1, remindedFor: null, due: false },
    { name: 'at the limit', now: MON_10 + 10 * H, remindedFor: null, due: true },
    { name: 'once per timer', now: MON_10 + 11 * H, remindedFor: MON_10, due: false },
    { name: 'a new timer is reminded again', now: MON_10 + 11 * H, remindedFor: MON_10 - H, due: true },
  ])('$name', ({ now, remindedFor, due }) => {
    expect(longRunningDue(MON_10, now, 10 * H, remindedFor)).toBe(due);
  });
});

describe('"You\'re not tracking time"', () => {
  const run = (steps: Array<{ at: number; active?: boolean; timer?: boolean }>, settings = on) => {
    let state: TrackState = NOT_TRACKING;
    const reminded: number[] = [];
    for (const s of steps) {
      const r = trackStep(state, {
        now: s.at,
        active: s.active ?? true,
        timerRunning: s.timer ?? false,
        settings,
        timeZone: 'Europe/Madrid',
      });
      state = r.state;
      if (r.remind) reminded.push(s.at);
    }
    return reminded;
  };
  it('after 15 minutes of activity without a timer, within the hours', () => {
    expect(run([{ at: MON_10 }, { at: MON_10 + 14 * MIN }, { at: MON_10 + 15 * MIN }])).toEqual([MON_10 + 15 * MIN]);
  });
  it('off by default', () => {
    expect(run([{ at: MON_10 }, { at: MON_10 + 30 * MIN }], DEFAULT_SETTINGS.trackReminder)).toEqual([]);
  });
  it('a running timer or going idle restarts the count', () => {
    expect(
      run([
        { at: MON_10 },
        { at: MON_10 + 10 * MIN, timer: true },
        { at: MON_10 + 20 * MIN },
        { at: MON_10 + 30 * MIN },
      ]),
    ).toEqual([]);
    expect(
      run([
        { at: MON_10 },
        { at: MON_10 + 10 * MIN, active: false },
        { at: MON_10 + 20 * MIN },
        { at: MON_10 + 34 * MIN },
      ]),
    ).toEqual([]);
  });
  it('at most once an hour', () => {
    const steps = Array.from({ length: 13 }, (_, i) => ({ at: MON_10 + i * 10 * MIN }));
    expect(run(steps)).toEqual([MON_10 + 20 * MIN, MON_10 + 80 * MIN]);
  });
  it('not outside the hours or at the weekend', () => {
    expect(run([{ at: MON_10 + 8 * H }, { at: MON_10 + 8 * H + 20 * MIN }])).toEqual([]);
    expect(run([{ at: MON_10 - 2 * 24 * H }, { at: MON_10 - 2 * 24 * H + 20 * MIN }])).toEqual([]);
  });
});
