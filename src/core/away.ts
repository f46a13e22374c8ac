/**
 * Time away from a running timer: when the person left and came back, from idle events and
 * heartbeats, and the one question it leads to. Pure: the worker feeds events with their
 * moment and applies the result through dispatch. Nothing is decided here for the person; a
 * long enough absence only opens (or widens) the question "You were away".
 */
import { assertNever } from './guards';
import type { TimerEvent } from './timer';
import { PRESENT, type AwaySpan, type AwayState } from './away-state';

// The stored state lives in core/away-state.ts, so the pages read it without this decision table.
export { PRESENT, type AwaySpan, type AwayState };

export type AwayEvent =
  /** `idle.onStateChanged('idle')`: the person left one detection interval before the event. */
  | { readonly type: 'idle'; readonly at: number }
  /** `locked`: left at the lock, unless an earlier idle departure is still open. */
  | { readonly type: 'locked'; readonly at: number }
  | { readonly type: 'active'; readonly at: number }
  /** The worker found the last heartbeat at `lastSeen` (asleep, browser closed, crash, clock moved). */
  | { readonly type: 'heartbeat'; readonly lastSeen: number; readonly at: number };

export interface AwayContext {
  /** The running timer's start, or null when no timer runs (then nothing about time away matters). */
  readonly startedAt: number | null;
  /** "Minutes away before asking", in ms; also the idle detection interval. */
  readonly thresholdMs: number;
  /** "Ask about time away" switched off: nothing is tracked or asked. */
  readonly enabled: boolean;
}

export interface AwayStep {
  readonly state: AwayState;
  /** The question was opened or widened by this event: tell the person. */
  readonly asked: boolean;
  /** The wall clock went backwards since the last heartbeat: the entry's times cannot be trusted. */
  readonly clockWentBack: boolean;
}

export function awayStep(state: AwayState, event: AwayEvent, context: AwayContext): AwayStep {
  const same = { state, asked: false, clockWentBack: false };
  if (context.startedAt === null || !context.enabled) {
    return { state: PRESENT, asked: false, clockWentBack: event.type === 'heartbeat' && event.at < event.lastSeen };
  }
  switch (event.type) {
    case 'idle':
      return { ...same, state: { ...state, departedAt: min(state.departedAt, event.at - context.thresholdMs) } };
    case 'locked':
      return { ...same, state: { ...state, departedAt: state.departedAt ?? event.at } };
    case 'active': {
      if (state.departedAt === null) return same;
      return widen({ ...state, departedAt: null }, { leftAt: state.departedAt, backAt: event.at }, context);
    }
    case 'heartbeat':
      if (event.at < event.lastSeen) return { ...same, clockWentBack: true };
      return widen(state, { leftAt: event.lastSeen, backAt: event.at }, context);
    default:
      return assertNever(event);
  }
}

/**
 * Adds one absence to the question when it lasted at least the threshold. The part before the
 * timer started is not the timer's time, so the absence is cut at the start.
 */
function widen(state: AwayState, span: AwaySpan, context: AwayContext): AwayStep {
  const leftAt = Math.max(span.leftAt, context.startedAt ?? span.leftAt);
  if (span.backAt - leftAt < context.thresholdMs) return { state, asked: false, clockWentBack: false };
  const question: AwaySpan =
    state.question === null
      ? { leftAt, backAt: span.backAt }
      : { leftAt: Math.min(state.question.leftAt, leftAt), backAt: Math.max(state.question.backAt, span.backAt) };
  return { state: { ...state, question }, asked: true, clockWentBack: false };
}

export function sameAway(a: AwayState, b: AwayState): boolean {
  return (
    a.departedAt === b.departedAt &&
    a.question?.leftAt === b.question?.leftAt &&
    a.question?.backAt === b.question?.backAt
  );
}

export type AwayAnswer = 'keep' | 'stop' | 'remove';

/**
 * The timer event an answer means. Keep: none. Stop at the departure: start → departure.
 * Remove the time away: start → departure logged, and the same task runs again from the return.
 * The departure is never before the start (a start corrected meanwhile to later than it).
 */
export function answerEvent(question: AwaySpan, answer: AwayAnswer, startedAt: number): TimerEvent | null {
  const stopAt = Math.max(question.leftAt, startedAt);
  switch (answer) {
    case 'keep':
      return null;
    case 'stop':
      return { type: 'stop-at', at: stopAt };
    case 'remove':
      return { type: 'split', stopAt, resumeAt: Math.max(question.backAt, stopAt) };
    default:
      return assertNever(answer);
  }
}

function min(a: number | null, b: number): number {
  return a === null ? b : Math.min(a, b);
}
