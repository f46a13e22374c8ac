/**
 * The single path from anything a person does (popup button, shortcut, menu, icon) to the
 * timer and the outbox, so that no two doors can ever disagree.
 */
import { assertNever, type TaskRef } from '../core/timer';
import type { CommandResult } from '../shared/protocol';
import { flushOutbox } from './outbox-flush';
import { learnTask } from './task-lookup';
import { applyTimerEvent } from './timer-service';

export type Command =
  /** Start on this task; switches when another runs. */
  | { readonly type: 'start'; readonly task: TaskRef }
  | { readonly type: 'stop' }
  /** Stop when running; otherwise start the given task, else the last task used. */
  | { readonly type: 'toggle'; readonly task?: TaskRef }
  | { readonly type: 'adjust-start'; readonly startedAt: number; readonly confirmed: boolean }
  | { readonly type: 'discard' }
  | { readonly type: 'undo-discard' }
  | { readonly type: 'send-now' };

export async function dispatch(command: Command): Promise<CommandResult> {
  switch (command.type) {
    case 'start':
    case 'toggle': {
      const result = await applyTimerEvent(command);
      if (result.ok && command.task !== undefined && command.task.title === undefined) void learnTask(command.task.id);
      return result;
    }
    case 'stop':
    case 'adjust-start':
    case 'discard':
    case 'undo-discard':
      return applyTimerEvent(command);
    case 'send-now':
      await flushOutbox({ force: true });
      return { ok: true };
    default:
      return assertNever(command);
  }
}
