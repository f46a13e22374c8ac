/**
 * Wakes the outbox when its next entry is due. The alarm is the durable wake-up (it survives
 * the worker and the browser); a short in-worker timer only serves waits below the alarms API's
 * 30-second floor while the worker happens to be alive. Neither holds state.
 */
import { nextWakeUp } from '../core/outbox';
import { browser } from '../platform/browser';
import { clock } from '../platform/clock';
import { ownedBy } from '../core/outbox';
import { readItems } from '../platform/storage-item';
import { accountItem } from '../shared/storage';
import { readOutbox } from './outbox-store';

export const RETRY_ALARM = 'outbox-retry';
const ALARM_FLOOR_MS = 30_000;

let onDue: (() => void) | null = null;
let hint: ReturnType<typeof setTimeout> | undefined;

/** The background tells us what to run when an entry falls due (avoids an import cycle). */
export function onRetryDue(callback: () => void): void {
  onDue = callback;
}

export async function scheduleRetry(): Promise<void> {
  // Only the signed-in person's entries wait on a clock; another account's wait for its sign-in.
  const [account] = await readItems(accountItem);
  const due = nextWakeUp(ownedBy(await readOutbox(), account.status === 'signed-out' ? null : account.userId));
  clearTimeout(hint);
  if (due === null) {
    await browser.alarms.clear(RETRY_ALARM);
    return;
  }
  const wait = Math.max(0, due - clock.now());
  await browser.alarms.create(RETRY_ALARM, { when: clock.now() + Math.max(wait, ALARM_FLOOR_MS) });
  if (wait < ALARM_FLOOR_MS) hint = setTimeout(() => onDue?.(), wait);
}
