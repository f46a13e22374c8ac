/**
 * The single path from anything a person does (popup button, shortcut, menu, icon) to the
 * timer and the outbox, so that no two doors can ever disagree.
 */
import { assertNever } from '../core/timer';
import type { CommandResult } from '../shared/protocol';
import { flushOutbox } from './outbox-flush';
import { applyTimerEvent } from './timer-service';

export type Command =
  { readonly type: 'start'; readonly taskId: number } | { readonly type: 'stop' } | { readonly type: 'send-now' };

export async function dispatch(command: Command): Promise<CommandResult> {
  switch (command.type) {
    case 'start':
      return applyTimerEvent({ type: 'start', task: { id: command.taskId } });
    case 'stop':
      return applyTimerEvent({ type: 'stop' });
    case 'send-now':
      await flushOutbox({ force: true });
      return { ok: true };
    default:
      return assertNever(command);
  }
}
