/** Turns the pages' messages into commands, validating each field at the trust boundary. */
import { assertNever } from '../core/timer';
import type { Message } from '../shared/protocol';
import { signIn, signOut } from './sign-in';
import { dispatch } from './dispatch';

export async function handleMessage(message: Message): Promise<unknown> {
  switch (message.name) {
    case 'timer.start': {
      const { taskId } = message.data;
      if (!Number.isSafeInteger(taskId) || taskId <= 0) return { ok: false, error: 'invalid-task' };
      return dispatch({ type: 'start', task: { id: taskId } });
    }
    case 'timer.stop':
      return dispatch({ type: 'stop' });
    case 'outbox.send-now':
      return dispatch({ type: 'send-now' });
    case 'auth.sign-in':
      return signIn(message.data);
    case 'auth.sign-out':
      return signOut(message.data.confirm === true);
    default:
      return assertNever(message);
  }
}
