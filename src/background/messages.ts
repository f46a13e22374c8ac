/** Turns the pages' messages into commands, validating each field at the trust boundary. */
import { readTaskRef } from '../core/tasks';
import { assertNever } from '../core/timer';
import type { Message } from '../shared/protocol';
import { accountItem } from '../shared/storage';
import { resolveEntry } from './attention';
import { signIn, signOut } from './sign-in';
import { dispatch as dispatchCommand, toCommandResult, type Command } from './dispatch';
import { refreshToday } from './today';
import { lookupTask, pinTask, refreshMyTasks, searchTasks } from './tasks-service';

const INVALID_TASK = { ok: false, error: 'invalid-task' } as const;
const ENTRY_GONE = { ok: false, error: 'entry-gone' } as const;
const SIGNED_OUT = { ok: false, error: 'signed-out' } as const;

const isEntryId = (id: unknown): id is string => typeof id === 'string' && id.length > 0 && id.length <= 100;

/** Pages learn only how a command went. */
const dispatch = async (command: Command) => toCommandResult(await dispatchCommand(command));

export async function handleMessage(message: Message): Promise<unknown> {
  switch (message.name) {
    case 'timer.start': {
      const task = readTaskRef(message.data.task);
      if (task === null) return INVALID_TASK;
      return (await accountItem.get()).status === 'signed-out' ? SIGNED_OUT : dispatch({ type: 'start', task });
    }
    case 'timer.stop':
      return dispatch({ type: 'stop' });
    case 'timer.adjust-start': {
      const { startedAt, confirmed } = message.data;
      if (!Number.isSafeInteger(startedAt) || startedAt <= 0) return INVALID_TASK;
      return dispatch({ type: 'adjust-start', startedAt, confirmed: confirmed === true });
    }
    case 'timer.discard':
      return dispatch({ type: 'discard' });
    case 'timer.undo-discard':
      return dispatch({ type: 'undo-discard' });
    case 'tasks.search':
      return typeof message.data.query === 'string' ? searchTasks(message.data.query) : { ok: true, tasks: [] };
    case 'tasks.lookup': {
      const task = readTaskRef({ id: message.data.id });
      return task === null ? { ok: false, error: 'not-found' } : lookupTask(task.id);
    }
    case 'tasks.refresh':
      return refreshMyTasks();
    case 'tasks.pin': {
      const task = readTaskRef(message.data.task);
      return task === null ? INVALID_TASK : pinTask(task, message.data.pinned === true);
    }
    case 'outbox.send-now':
      return dispatch({ type: 'send-now' });
    case 'outbox.retry':
      return isEntryId(message.data.id) ? resolveEntry(message.data.id, { type: 'retry' }) : ENTRY_GONE;
    case 'outbox.move': {
      const task = readTaskRef(message.data.task);
      if (task === null) return INVALID_TASK;
      return isEntryId(message.data.id) ? resolveEntry(message.data.id, { type: 'move', task }) : ENTRY_GONE;
    }
    case 'outbox.discard':
      return isEntryId(message.data.id) ? resolveEntry(message.data.id, { type: 'discard' }) : ENTRY_GONE;
    case 'auth.sign-in':
      return signIn(message.data);
    case 'auth.sign-out':
      return signOut(message.data.confirm === true);
    case 'today.refresh':
      return refreshToday();
    default:
      return assertNever(message);
  }
}
