import { describe, expect, it } from 'vitest';
import { answerEvent, awayStep, PRESENT, type AwayContext, type AwayEvent, type AwayState } from './away';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 30, 9, 0);
const at = (minutes: number) => T0 + minutes * MIN;
const ctx: AwayContext = { startedAt: T0, thresholdMs: 5 * MIN, enabled: true };
const asking = (leftAt: number, backAt: number, departedAt: number | null = null): AwayState => ({
  departedAt,
  question: { leftAt, backAt },
});

/** Runs events in order from PRESENT and returns the final state and whether any step asked. */
function run(events: AwayEvent[], context: AwayContext = ctx) {
  let state = PRESENT;
  let asked = false;
  let clockWentBack = false;
  for (const e of events) {
    const step = awayStep(state, e, context);
    state = step.state;
    asked ||= step.asked;
    clockWentBack ||= step.clockWentBack;
  }
  return { state, asked, clockWentBack };
}

describe('away: idle events and heartbeats → the question', () => {
  const table: Array<{ name: string; events: AwayEvent[]; context?: AwayContext; state: AwayState; asked: boolean }> = [
    {
      name: 'locked then active just below the threshold leaves no trace',
      events: [
        { type: 'locked', at: at(60) },
        { type: 'active', at: at(60) + 4 * MIN + 59_999 },
      ],
      state: PRESENT,
      asked: false,
    },
    {
      name: 'idle then active at the threshold asks, departure = idle event − detection interval',
      events: [
        { type: 'idle', at: at(65) },
        { type: 'active', at: at(65) },
      ],
      state: asking(at(60), at(65)),
      asked: true,
    },
    {
      name: 'idle for 48 minutes',
      events: [
        { type: 'idle', at: at(107) },
        { type: 'active', at: at(150) },
      ],
      state: asking(at(102), at(150)),
      asked: true,
    },
    {
      name: 'locked: the departure is the lock',
      events: [
        { type: 'locked', at: at(30) },
        { type: 'active', at: at(90) },
      ],
      state: asking(at(30), at(90)),
      asked: true,
    },
    {
      name: 'idle then locked: the earlier idle departure stands',
      events: [
        { type: 'idle', at: at(30) },
        { type: 'locked', at: at(40) },
        { type: 'active', at: at(90) },
      ],
      state: asking(at(25), at(90)),
      asked: true,
    },
    {
      name: 'a short lock leaves no trace',
      events: [
        { type: 'locked', at: at(30) },
        { type: 'active', at: at(33) },
      ],
      state: PRESENT,
      asked: false,
    },
    {
      name: 'several absences before an answer merge: first departure to last return',
      events: [
        { type: 'idle', at: at(30) },
        { type: 'active', at: at(40) },
        { type: 'locked', at: at(100) },
        { type: 'active', at: at(130) },
      ],
      state: asking(at(25), at(130)),
      asked: true,
    },
    {
      name: 'a short absence after a question changes nothing',
      events: [
        { type: 'idle', at: at(30) },
        { type: 'active', at: at(40) },
        { type: 'locked', at: at(50) },
        { type: 'active', at: at(51) },
      ],
      state: asking(at(25), at(40)),
      asked: true,
    },
    {
      name: 'still away: the departure is kept, nothing asked yet',
      events: [{ type: 'idle', at: at(30) }],
      state: { departedAt: at(25), question: null },
      asked: false,
    },
    {
      name: 'a heartbeat gap at the threshold (asleep, closed, crashed) asks from the last heartbeat',
      events: [{ type: 'heartbeat', lastSeen: at(20), at: at(25) }],
      state: asking(at(20), at(25)),
      asked: true,
    },
    {
      name: 'a heartbeat gap below the threshold is a worker that slept a little',
      events: [{ type: 'heartbeat', lastSeen: at(20), at: at(20) + 30_000 }],
      state: PRESENT,
      asked: false,
    },
    {
      name: 'a clock moved forward by hours looks like time away',
      events: [{ type: 'heartbeat', lastSeen: at(20), at: at(20 + 180) }],
      state: asking(at(20), at(200)),
      asked: true,
    },
    {
      name: 'a negative heartbeat gap asks nothing (the clock went back)',
      events: [{ type: 'heartbeat', lastSeen: at(20), at: at(10) }],
      state: PRESENT,
      asked: false,
    },
    {
      name: 'time away before the timer started is not the timer’s',
      events: [
        { type: 'idle', at: at(3) },
        { type: 'active', at: at(30) },
      ],
      state: asking(at(0), at(30)),
      asked: true,
    },
    {
      name: 'an absence mostly before the start counts only from the start',
      events: [
        { type: 'idle', at: at(2) },
        { type: 'active', at: at(4) },
      ],
      state: PRESENT,
      asked: false,
    },
    {
      name: 'idle and heartbeat for the same sleep merge into one question',
      events: [
        { type: 'idle', at: at(30) },
        { type: 'heartbeat', lastSeen: at(27), at: at(200) },
        { type: 'active', at: at(201) },
      ],
      state: asking(at(25), at(201)),
      asked: true,
    },
    {
      name: 'with no timer running nothing is tracked',
      events: [
        { type: 'idle', at: at(30) },
        { type: 'active', at: at(90) },
      ],
      context: { ...ctx, startedAt: null },
      state: PRESENT,
      asked: false,
    },
    {
      name: '"Ask about time away" off: nothing is asked',
      events: [
        { type: 'idle', at: at(30) },
        { type: 'active', at: at(90) },
      ],
      context: { ...ctx, enabled: false },
      state: PRESENT,
      asked: false,
    },
    {
      name: 'a threshold of one minute',
      events: [
        { type: 'idle', at: at(31) },
        { type: 'active', at: at(32) },
      ],
      context: { ...ctx, thresholdMs: MIN },
      state: asking(at(30), at(32)),
      asked: true,
    },
  ];
  it.each(table)('$name', ({ events, context, state, asked }) => {
    const result = run(events, context);
    expect(result.state).toEqual(state);
    expect(result.asked).toBe(asked);
  });

  it('reports a clock that went back, with or without a timer', () => {
    expect(run([{ type: 'heartbeat', lastSeen: at(20), at: at(10) }]).clockWentBack).toBe(true);
    expect(run([{ type: 'heartbeat', lastSeen: at(20), at: at(10) }], { ...ctx, startedAt: null }).clockWentBack).toBe(
      true,
    );
    expect(run([{ type: 'heartbeat', lastSeen: at(20), at: at(21) }]).clockWentBack).toBe(false);
  });
});

describe('away: answers → timer events', () => {
  const q = { leftAt: at(102), backAt: at(150) };
  it.each([
    { answer: 'keep' as const, startedAt: T0, event: null },
    { answer: 'stop' as const, startedAt: T0, event: { type: 'stop-at', at: at(102) } },
    { answer: 'remove' as const, startedAt: T0, event: { type: 'split', stopAt: at(102), resumeAt: at(150) } },
    // The start was corrected to after the departure: nothing before the start is logged.
    { answer: 'stop' as const, startedAt: at(120), event: { type: 'stop-at', at: at(120) } },
    { answer: 'remove' as const, startedAt: at(160), event: { type: 'split', stopAt: at(160), resumeAt: at(160) } },
  ])('$answer with the timer started at $startedAt', ({ answer, startedAt, event }) => {
    expect(answerEvent(q, answer, startedAt)).toEqual(event);
  });
});
