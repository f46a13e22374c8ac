import { ANA } from '../test/owners';
/**
 * The time decisions in the four zones our people work in, across their DST changes and
 * midnight. Each zone's cases also run with the process itself in every zone (Node applies a
 * change of `process.env.TZ` at once): the answers must depend only on the zone passed in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerEvent, awayStep, PRESENT } from './away';
import { fromLocal, typedStop } from './local-time';
import { withinHours } from './reminders';
import { DEFAULT_SETTINGS } from './settings';
import { toCorDateTime } from './time';
import { transition } from './timer';

const Z = (iso: string) => Date.parse(iso);
const MIN = 60_000;

interface ZoneCase {
  zone: string;
  /** Typed stop → the instant it means, for a timer running from `start` until `now`. */
  stops: Array<{ name: string; start: string; now: string; typed: string; expected: string | null }>;
  /** Moments inside and outside Mon–Fri 09:00–18:00 local. */
  hours: Array<{ at: string; within: boolean }>;
}

const ZONES: ZoneCase[] = [
  {
    zone: 'Europe/Madrid',
    stops: [
      // 2026-03-29 02:00 CET → 03:00 CEST: the night is an hour shorter.
      {
        name: 'over the spring change',
        start: '2026-03-28T21:00:00Z',
        now: '2026-03-29T08:00:00Z',
        typed: '04:00',
        expected: '2026-03-29T02:00:00Z',
      },
      {
        name: 'before midnight, yesterday',
        start: '2026-03-28T21:00:00Z',
        now: '2026-03-29T08:00:00Z',
        typed: '23:30',
        expected: '2026-03-28T22:30:00Z',
      },
      {
        name: 'a time that does not exist (02:30) reads after the jump',
        start: '2026-03-28T21:00:00Z',
        now: '2026-03-29T08:00:00Z',
        typed: '02:30',
        expected: '2026-03-29T01:30:00Z',
      },
      {
        name: 'later than now is refused',
        start: '2026-03-28T21:00:00Z',
        now: '2026-03-29T08:00:00Z',
        typed: '18:00',
        expected: null,
      },
      // 2026-10-25 03:00 CEST → 02:00 CET: 02:30 happens twice; the first is taken.
      {
        name: 'the repeated hour in autumn',
        start: '2026-10-24T20:00:00Z',
        now: '2026-10-25T09:00:00Z',
        typed: '02:30',
        expected: '2026-10-25T00:30:00Z',
      },
      {
        name: 'before the start is refused',
        start: '2026-10-24T20:00:00Z',
        now: '2026-10-25T09:00:00Z',
        typed: '21:00',
        expected: null,
      },
    ],
    hours: [
      { at: '2026-03-30T07:00:00Z', within: true }, // Monday 09:00 CEST
      { at: '2026-03-27T07:30:00Z', within: false }, // Friday 08:30 CET
      { at: '2026-03-28T10:00:00Z', within: false }, // Saturday
    ],
  },
  {
    zone: 'America/Sao_Paulo',
    stops: [
      // 2018-11-04 00:00 → 01:00 (-03 → -02): midnight itself does not exist.
      {
        name: 'over the spring change at midnight',
        start: '2018-11-04T01:00:00Z',
        now: '2018-11-04T12:00:00Z',
        typed: '02:00',
        expected: '2018-11-04T04:00:00Z',
      },
      {
        name: 'a time in the gap (00:30) reads after the jump',
        start: '2018-11-04T01:00:00Z',
        now: '2018-11-04T12:00:00Z',
        typed: '00:30',
        expected: '2018-11-04T03:30:00Z',
      },
      // 2019-02-17 00:00 → 2019-02-16 23:00 (-02 → -03): 23:30 happens twice.
      {
        name: 'the repeated hour before midnight',
        start: '2019-02-16T20:00:00Z',
        now: '2019-02-17T12:00:00Z',
        typed: '23:30',
        expected: '2019-02-17T01:30:00Z',
      },
      {
        name: 'across midnight without DST',
        start: '2026-11-30T01:00:00Z',
        now: '2026-11-30T12:00:00Z',
        typed: '23:45',
        expected: '2026-11-30T02:45:00Z',
      },
    ],
    hours: [
      { at: '2026-11-30T12:00:00Z', within: true }, // Monday 09:00 -03
      { at: '2026-11-30T21:00:00Z', within: false }, // Monday 18:00: the end is not within
    ],
  },
  {
    zone: 'America/Argentina/Buenos_Aires',
    stops: [
      // 2008-10-19 00:00 → 01:00 (-03 → -02), Argentina's last spring change.
      {
        name: 'over the 2008 spring change',
        start: '2008-10-19T01:00:00Z',
        now: '2008-10-19T12:00:00Z',
        typed: '01:30',
        expected: '2008-10-19T03:30:00Z',
      },
      {
        name: 'across midnight today (-03 all year)',
        start: '2026-11-30T02:00:00Z',
        now: '2026-11-30T15:00:00Z',
        typed: '00:15',
        expected: '2026-11-30T03:15:00Z',
      },
      {
        name: 'not a time',
        start: '2026-11-30T02:00:00Z',
        now: '2026-11-30T15:00:00Z',
        typed: '25:00',
        expected: null,
      },
    ],
    hours: [{ at: '2026-12-04T20:59:00Z', within: true }], // Friday 17:59
  },
  {
    zone: 'America/Mexico_City',
    stops: [
      // 2022-04-03 02:00 → 03:00 (-06 → -05), and 2022-10-30 02:00 → 01:00, the last changes.
      {
        name: 'over the 2022 spring change',
        start: '2022-04-03T06:00:00Z',
        now: '2022-04-03T18:00:00Z',
        typed: '03:00',
        expected: '2022-04-03T08:00:00Z',
      },
      {
        name: 'the repeated hour in autumn 2022',
        start: '2022-10-30T05:00:00Z',
        now: '2022-10-30T18:00:00Z',
        typed: '01:30',
        expected: '2022-10-30T06:30:00Z',
      },
      {
        name: 'across midnight today (-06 all year)',
        start: '2026-11-30T05:00:00Z',
        now: '2026-11-30T18:00:00Z',
        typed: '00:10',
        expected: '2026-11-30T06:10:00Z',
      },
    ],
    hours: [
      { at: '2026-11-30T15:00:00Z', within: true }, // Monday 09:00
      { at: '2026-11-29T15:00:00Z', within: false }, // Sunday
    ],
  },
];

describe.each(ZONES.map((z) => z.zone))('process in %s', (processZone) => {
  const before = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = processZone;
  });
  afterAll(() => {
    process.env.TZ = before;
  });

  it('the process really runs in that zone', () => {
    // Compared through Intl, which names Buenos Aires by its canonical alias.
    const canonical = new Intl.DateTimeFormat('en', { timeZone: processZone }).resolvedOptions().timeZone;
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(canonical);
  });

  describe.each(ZONES)('decisions for $zone', ({ zone, stops, hours }) => {
    it.each(stops)('Stop at… $typed: $name', ({ start, now, typed, expected }) => {
      const at = typedStop(typed, Z(start), Z(now), zone);
      expect(at === null ? null : toCorDateTime(at)).toBe(expected);
    });

    it.each(hours)('"Remind me to track time" hours at $at: $within', ({ at, within }) => {
      expect(withinHours(Z(at), DEFAULT_SETTINGS.trackReminder, zone)).toBe(within);
    });

    it('time away across midnight and DST: the entries posted are the exact instants', () => {
      const {
        stops: [first],
      } = { stops };
      const startedAt = Z(first!.start);
      const leftAt = startedAt + 90 * MIN;
      const backAt = Z(first!.now) - 30 * MIN;
      const ctx = { startedAt, thresholdMs: 5 * MIN, enabled: true };
      const away = awayStep(
        awayStep(PRESENT, { type: 'locked', at: leftAt }, ctx).state,
        { type: 'active', at: backAt },
        ctx,
      );
      expect(away.state.question).toEqual({ leftAt, backAt });
      const event = answerEvent(away.state.question!, 'remove', startedAt)!;
      const running = { status: 'running' as const, task: { id: 1 }, owner: ANA, startedAt };
      const result = transition(running, event, Z(first!.now), () => 'e1');
      expect(result).toMatchObject({ ok: true, timer: { status: 'running', startedAt: backAt } });
      const stopped = result.ok ? result.stopped! : null;
      expect([toCorDateTime(stopped!.startedAt), toCorDateTime(stopped!.stoppedAt)]).toEqual([
        toCorDateTime(startedAt),
        toCorDateTime(leftAt),
      ]);
      expect(stopped!.stoppedAt - stopped!.startedAt).toBe(90 * MIN);
    });

    it('midnight local is a moment that shows as 00:00 in the zone', () => {
      const at = fromLocal({ year: 2026, month: 12, day: 1 }, 0, 0, zone);
      expect(new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeStyle: 'short' }).format(at)).toBe('00:00');
    });
  });
});
