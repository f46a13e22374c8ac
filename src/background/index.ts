/**
 * The service worker: a switchboard. Listeners are registered synchronously at top level (an
 * MV3 rule: the event that woke the worker reaches only listeners added in its first turn),
 * and each waits for `ready` before touching state.
 */
import { browser } from '../platform/browser';
import { onMessage } from '../platform/messaging';
import { onOnline } from '../platform/network';
import { refreshBadge } from './badge';
import { handleMessage } from './messages';
import { flushOutbox, recoverOutbox } from './outbox-flush';
import { onRetryDue, RETRY_ALARM } from './retry-schedule';

const ready: Promise<void> = recoverOutbox();

/** Runs `task` once start-up recovery is done; errors surface as unhandled rejections. */
function whenReady<A extends unknown[]>(task: (...args: A) => Promise<unknown>): (...args: A) => void {
  return (...args) => void ready.then(() => task(...args));
}

onMessage(async (message) => {
  await ready;
  return handleMessage(message);
});

browser.alarms.onAlarm.addListener(
  whenReady((alarm) => (alarm.name === RETRY_ALARM ? flushOutbox() : Promise.resolve())),
);
browser.runtime.onStartup.addListener(whenReady(() => flushOutbox({ force: true })));
browser.storage.onChanged.addListener(
  whenReady((_changes, area) => (area === 'local' ? refreshBadge() : Promise.resolve())),
);
onOnline(whenReady(() => flushOutbox({ force: true })));
onRetryDue(whenReady(() => flushOutbox()));

// A (re)started worker resumes whatever fell due while it was gone.
whenReady(async () => {
  await refreshBadge();
  await flushOutbox();
})();
