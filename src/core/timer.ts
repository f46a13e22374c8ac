/**
 * The timer as a pure state machine: (state, event, now) → (state, effects). The clock and
 * the id generator come in as arguments so every transition is a table test.
 */

import { assertNever } from './guards';
import type { Owner } from './owner';

export interface TaskRef {
  readonly id: number;
  /** Known once COR told us; a typed-in id has no title until then. */
  readonly title?: string;
  readonly project?: string;
  readonly client?: string;
  /** COR lists the task as finished: starting it asks first, since COR may refuse its hours. */
  readonly closed?: boolean;
}

export interface Discarded {
  readonly task: TaskRef;
  readonly owner: Owner | null;
  readonly startedAt: number;
  /** When it was discarded: the popup offers Undo for a few seconds after. */
  readonly at: number;
}

export type TimerState =
  | { readonly status: 'idle'; readonly discarded?: Discarded }
  | {
      readonly status: 'running';
      readonly task: TaskRef;
      /** Who works it: stamped at the start; null only for a timer an older version left without one. */
      readonly owner: Owner | null;
      readonly startedAt: number;
    };

/** Events that can start a timer name who starts it: the signed-in account. */
export type TimerEvent =
  | { readonly type: 'start'; readonly task: TaskRef; readonly owner: Owner }
  | { readonly type: 'stop' }
  | { readonly type: 'toggle'; readonly task?: TaskRef; readonly owner: Owner | null }
  /**
   * Correct the running timer's start. `earliest` is the stop of the entry logged just before
   * it: going earlier than that overlaps it, which needs the person's confirmation.
   */
  | {
      readonly type: 'adjust-start';
      readonly startedAt: number;
      readonly earliest: number | null;
      readonly confirmed: boolean;
    }
  /** Throw the running timer away: nothing reaches COR. Undoable. */
  | { readonly type: 'discard' }
  | { readonly type: 'undo-discard' }
  /** "Log time on this task": stop when this very task runs; otherwise start it (switching). */
  | { readonly type: 'start-or-stop'; readonly task: TaskRef; readonly owner: Owner }
  /** "Stop at…" (or "Stop at 10:42" after time away): a stop between the start and now. */
  | { readonly type: 'stop-at'; readonly at: number }
  /** "Remove the time away": log start → `stopAt`, and run the same task again from `resumeAt`. */
  | { readonly type: 'split'; readonly stopAt: number; readonly resumeAt: number };

/** A finished span of work, captured at the moments the person pressed start and stop. */
export interface StoppedEntry {
  readonly id: string;
  readonly task: TaskRef;
  readonly owner: Owner | null;
  readonly startedAt: number;
  readonly stoppedAt: number;
}

export type Transition =
  | {
      readonly ok: true;
      readonly timer: TimerState;
      /** The entry this event stopped, to go into the outbox in the same write. */
      readonly stopped: StoppedEntry | null;
      readonly changed: boolean;
    }
  | { readonly ok: false; readonly error: TimerError };

export type TimerError =
  | 'not-running'
  | 'no-task'
  | 'start-in-future'
  | 'overlaps-previous'
  | 'nothing-to-undo'
  /** Nobody is signed in: a timer must know whose hours it counts. */
  | 'signed-out'
  /** A stop before the start or after now. */
  | 'invalid-stop';

export const IDLE: TimerState = { status: 'idle' };

export function transition(state: TimerState, event: TimerEvent, now: number, newId: () => string): Transition {
  switch (event.type) {
    case 'start':
      return start(state, event.task, event.owner, now, newId);
    case 'stop':
      if (state.status === 'idle') return { ok: false, error: 'not-running' };
      return { ok: true, timer: IDLE, stopped: stop(state, now, newId), changed: true };
    case 'toggle':
      if (state.status === 'running') return transition(state, { type: 'stop' }, now, newId);
      if (!event.task) return { ok: false, error: 'no-task' };
      if (event.owner === null) return { ok: false, error: 'signed-out' };
      return start(state, event.task, event.owner, now, newId);
    case 'adjust-start':
      if (state.status === 'idle') return { ok: false, error: 'not-running' };
      if (event.startedAt > now) return { ok: false, error: 'start-in-future' };
      if (event.earliest !== null && event.startedAt < event.earliest && !event.confirmed) {
        return { ok: false, error: 'overlaps-previous' };
      }
      return { ok: true, timer: { ...state, startedAt: event.startedAt }, stopped: null, changed: true };
    case 'discard':
      if (state.status === 'idle') return { ok: false, error: 'not-running' };
      return {
        ok: true,
        timer: {
          status: 'idle',
          discarded: { task: state.task, owner: state.owner, startedAt: state.startedAt, at: now },
        },
        stopped: null,
        changed: true,
      };
    case 'undo-discard':
      if (state.status === 'running' || state.discarded === undefined) return { ok: false, error: 'nothing-to-undo' };
      return {
        ok: true,
        timer: {
          status: 'running',
          task: state.discarded.task,
          owner: state.discarded.owner,
          startedAt: state.discarded.startedAt,
        },
        stopped: null,
        changed: true,
      };
    case 'start-or-stop':
      if (state.status === 'running' && state.task.id === event.task.id) {
        return transition(state, { type: 'stop' }, now, newId);
      }
      return start(state, event.task, event.owner, now, newId);
    case 'stop-at':
      return split(state, event.at, null, now, newId);
    case 'split':
      return split(state, event.stopAt, event.resumeAt, now, newId);
    default:
      return assertNever(event);
  }
}

function start(state: TimerState, task: TaskRef, owner: Owner, now: number, newId: () => string): Transition {
  if (state.status === 'running' && state.task.id === task.id) {
    // Starting what already runs keeps the original start: a double click must not reset it.
    return { ok: true, timer: state, stopped: null, changed: false };
  }
  const stopped = state.status === 'running' ? stop(state, now, newId) : null;
  return { ok: true, timer: { status: 'running', task, owner, startedAt: now }, stopped, changed: true };
}

/**
 * Stops at a moment between the start and now and, with `resumeAt`, runs the same task again
 * from then. A stop exactly at the start means no time was worked: nothing is logged (an entry
 * with stop ≤ start would be nonsense to COR).
 */
function split(
  state: TimerState,
  stopAt: number,
  resumeAt: number | null,
  now: number,
  newId: () => string,
): Transition {
  if (state.status === 'idle') return { ok: false, error: 'not-running' };
  const resume = resumeAt ?? stopAt;
  if (stopAt < state.startedAt || stopAt > now || resume < stopAt || resume > now)
    return { ok: false, error: 'invalid-stop' };
  const stopped = stopAt > state.startedAt ? stop(state, stopAt, newId) : null;
  const timer: TimerState =
    resumeAt === null ? IDLE : { status: 'running', task: state.task, owner: state.owner, startedAt: resumeAt };
  return { ok: true, timer, stopped, changed: true };
}

function stop(state: Extract<TimerState, { status: 'running' }>, now: number, newId: () => string): StoppedEntry {
  return { id: newId(), task: state.task, owner: state.owner, startedAt: state.startedAt, stoppedAt: now };
}

// Its home is core/guards.ts; the worker's modules still import it from here.
export { assertNever };
