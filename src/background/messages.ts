/** Turns the pages' messages into commands, validating each field at the trust boundary. */
import { QUARANTINE_PREFIX } from '../core/storage-keys';
import { readTaskRef } from '../core/tasks';
import { assertNever } from '../core/timer';
import { clock } from '../platform/clock';
import type { Message } from '../shared/protocol';
import { learnCompany } from './account';
import { claimEntry, discardOther, discardQuarantined, resolveEntry, retryQuarantined } from './attention';
import { signIn } from './sign-in';
import { signOut } from './sign-out';
import { dispatch as dispatchCommand, toCommandResult, type Command } from './dispatch';
import { refreshToday } from './today';
import { lookupTask, pinTask, refreshMyTasks, searchTasks } from './tasks-service';

const INVALID_TASK = { ok: false, error: 'invalid-task' } as const;
const ENTRY_GONE = { ok: false, error: 'entry-gone' } as const;

const INVALID_STOP = { ok: false, error: 'invalid-stop' } as const;

const isMoment = (at: unknown): at is number => Number.isSafeInteger(at) && (at as number) > 0;
const isEntryId = (id: unknown): id is string => typeof id === 'string' && id.length > 0 && id.length <= 100;
const isQuarantineKey = (key: unknown): key is string =>
  typeof key === 'string' && key.length <= 200 && key.startsWith(QUARANTINE_PREFIX);

/** `at`: when the message arrived, for the double-press gate that spans every door. */
export async function handleMessage(message: Message, at: number = clock.now()): Promise<unknown> {
  /** Pages learn only how a command went. */
  const dispatch = async (command: Command) => toCommandResult(await dispatchCommand(command, at));
  switch (message.name) {
    case 'timer.start': {
      const task = readTaskRef(message.data.task);
      return task === null ? INVALID_TASK : dispatch({ type: 'start', task });
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
    case 'timer.stop-at':
      return isMoment(message.data.at) ? dispatch({ type: 'stop-at', at: message.data.at }) : INVALID_STOP;
    case 'away.answer': {
      const { answer } = message.data;
      if (answer !== 'keep' && answer !== 'stop' && answer !== 'remove') return INVALID_STOP;
      return dispatch({ type: 'answer-away', answer });
    }
    case 'outbox.retime': {
      const { id, startedAt, stoppedAt } = message.data;
      const valid = isMoment(startedAt) && isMoment(stoppedAt) && stoppedAt > startedAt && stoppedAt <= clock.now();
      if (!valid) return INVALID_STOP;
      return isEntryId(id) ? resolveEntry(id, { type: 'retime', startedAt, stoppedAt }) : ENTRY_GONE;
    }
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
    case 'auth.sign-out': {
      const timer = message.data.timer;
      return signOut({
        confirm: message.data.confirm === true,
        ...(timer === 'stop' || timer === 'discard' ? { timer } : {}),
      });
    }
    case 'outbox.discard-other':
      return isEntryId(message.data.id) ? discardOther(message.data.id) : ENTRY_GONE;
    case 'outbox.claim':
      return isEntryId(message.data.id) ? claimEntry(message.data.id) : ENTRY_GONE;
    case 'quarantine.retry':
      return isQuarantineKey(message.data.key) ? retryQuarantined(message.data.key) : ENTRY_GONE;
    case 'quarantine.discard':
      return isQuarantineKey(message.data.key) ? discardQuarantined(message.data.key) : ENTRY_GONE;
    case 'today.refresh':
      return refreshToday();
    case 'account.page-seen': {
      const { url } = message.data;
      return typeof url === 'string' && url.length <= 2048 ? learnCompany(url) : INVALID_TASK;
    }
    default:
      return assertNever(message);
  }
}
