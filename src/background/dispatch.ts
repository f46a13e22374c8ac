/**
 * The single path from anything a person does (popup button, shortcut, menu, icon) to the
 * timer and the outbox, so that no two doors can ever disagree.
 */
import { gateCommand } from '../core/debounce';
import type { AwayAnswer } from '../core/away';
import { assertNever, type TaskRef } from '../core/timer';
import { clock } from '../platform/clock';
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

/**
 * The moment of the last timer command let through, from any door. It lives in the worker's
 * memory on purpose: it only has to outlast a double press. A worker stopped in between forgets
 * it, and the worst that does is let one genuine second press through; a storage write per key
 * press (and a second writer racing the timer's) would cost more than that.
 */
let lastCommandAt: number | null = null;

/**
 * `at` is when the person acted (doors and messages read it as the event arrives, before the
 * worker is ready), so the gate compares the moments of the presses, not of their processing.
 */
export async function dispatch(command: Command, at: number = clock.now()): Promise<Outcome> {
  switch (command.type) {
    case 'start':
    case 'toggle':
    case 'start-or-stop':
    case 'stop':
    case 'discard':
    case 'undo-discard':
    case 'stop-at':
    case 'answer-away': {
      // Recorded before the change is applied, so a toggle arriving while it is saved is gated too.
      const gate = gateCommand(lastCommandAt, command.type === 'toggle', at);
      lastCommandAt = gate.lastAcceptedAt;
      return gate.accept ? applyTimer(command) : { ok: true };
    }
    case 'adjust-start':
      return applyTimer(command);
    case 'send-now':
      await flushOutbox({ force: true });
      return { ok: true };
    default:
      return assertNever(command);
  }
}

async function applyTimer(command: Exclude<Command, { type: 'send-now' }>): Promise<Outcome> {
  let result: Outcome;
  try {
    result = await applyTimerEvent(command);
  } catch {
    // The change is one storage write; the browser refused it (quota, disk). Storage still
    // holds the state before it, which is what every surface shows: nothing changed, nothing lost.
    return { ok: false, error: 'storage-failed' };
  }
  // A task started by its number alone gets its title from COR.
  if (result.ok && result.started != null && result.started.title === undefined) void learnTask(result.started.id);
  return result;
}

/** What a page is told: only how it went. */
export function toCommandResult(outcome: Outcome): CommandResult {
  return outcome.ok ? { ok: true } : { ok: false, error: outcome.error };
}
