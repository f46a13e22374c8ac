/**
 * The single path from anything a person does (popup button, shortcut, menu, icon) to the
 * timer and the outbox, so that no two doors can ever disagree.
 */
import type { AwayAnswer } from '../core/away';
import { assertNever, type TaskRef } from '../core/timer';
import type { CommandResult } from '../shared/protocol';
import { flushOutbox } from './outbox-flush';
import { learnTask } from './task-lookup';
import { applyTimerEvent, type TimerOutcome } from './timer-service';

export type Command =
  /** Start on this task; switches when another runs. */
  | { readonly type: 'start'; readonly task: TaskRef }
  | { readonly type: 'stop' }
  /** Stop when running; otherwise start the given task, else the last task used. */
  | { readonly type: 'toggle'; readonly task?: TaskRef; readonly outside?: boolean }
  /** "Log time on this task": stop it when it runs; otherwise start it, switching from any other. */
  | { readonly type: 'start-or-stop'; readonly task: TaskRef; readonly outside?: boolean }
  /** "Stop at…": a stop between the start and now. */
  | { readonly type: 'stop-at'; readonly at: number }
  /** The answer to "You were away". */
  | { readonly type: 'answer-away'; readonly answer: AwayAnswer }
  | { readonly type: 'adjust-start'; readonly startedAt: number; readonly confirmed: boolean }
  | { readonly type: 'discard' }
  | { readonly type: 'undo-discard' }
  | { readonly type: 'send-now' };

/** How a command went, with what it started and stopped (for the doors that announce it). */
export type Outcome = TimerOutcome | { readonly ok: true; readonly started?: null; readonly stopped?: null };

export async function dispatch(command: Command): Promise<Outcome> {
  switch (command.type) {
    case 'start':
    case 'toggle':
    case 'start-or-stop':
    case 'stop':
    case 'adjust-start':
    case 'discard':
    case 'undo-discard':
    case 'stop-at':
    case 'answer-away': {
      const result = await applyTimerEvent(command);
      // A task started by its number alone gets its title from COR.
      if (result.ok && result.started !== null && result.started.title === undefined) void learnTask(result.started.id);
      return result;
    }
    case 'send-now':
      await flushOutbox({ force: true });
      return { ok: true };
    default:
      return assertNever(command);
  }
}

/** What a page is told: only how it went. */
export function toCommandResult(outcome: Outcome): CommandResult {
  return outcome.ok ? { ok: true } : { ok: false, error: outcome.error };
}
