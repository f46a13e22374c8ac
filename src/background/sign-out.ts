/**
 * Signing out. The account's own data goes with it ("My tasks", recent tasks, recently logged,
 * pins); its entries stay, owned by it, to be sent when that person signs in again. A running
 * timer never keeps running ownerless: the person chooses first to stop and log it, or discard it.
 */
import { ownedBy } from '../core/outbox';
import { readItems, writeItems } from '../platform/storage-item';
import type { SignOutRequest, SignOutResult } from '../shared/protocol';
import {
  accountItem,
  authItem,
  myTasksItem,
  pinnedTasksItem,
  recentItem,
  recentTasksItem,
  timerItem,
} from '../shared/storage';
import { flushOutbox } from './outbox-flush';
import { readOutbox } from './outbox-store';
import { serial } from './serial';
import { applyTimerEvent } from './timer-service';

/** What belongs to one account and must never show to the next, as one atomic write. */
export function forgetAccountData(): Record<string, unknown>[] {
  return [
    myTasksItem.entry({ tasks: [], fetchedAt: null }),
    recentTasksItem.entry([]),
    recentItem.entry([]),
    pinnedTasksItem.entry([]),
  ];
}

export async function signOut(request: SignOutRequest): Promise<SignOutResult> {
  const [timer, account] = await readItems(timerItem, accountItem);
  if (timer.status === 'running') {
    if (request.timer === undefined) return { ok: false, error: 'timer-running', task: timer.task };
    const done = await applyTimerEvent({ type: request.timer === 'stop' ? 'stop' : 'discard' });
    if (!done.ok && done.error !== 'not-running') return { ok: false, error: 'storage-failed' };
    // Give the entry just stopped its chance to reach COR first: usually nothing is left to ask about.
    if (request.timer === 'stop') await flushOutbox({ force: true });
  }
  return serial(async () => {
    const userId = account.status === 'signed-out' ? null : account.userId;
    const waiting = ownedBy(await readOutbox(), userId).length;
    if (waiting > 0 && !request.confirm) return { ok: false, error: 'entries-waiting', count: waiting };
    const now = await timerItem.get();
    await writeItems(
      authItem.entry(null),
      accountItem.entry({ status: 'signed-out' }),
      ...forgetAccountData(),
      // A discarded timer's Undo would bring back a timer nobody owns any more.
      ...(now.status === 'idle' && now.discarded !== undefined ? [timerItem.entry({ status: 'idle' })] : []),
    );
    return { ok: true };
  });
}
