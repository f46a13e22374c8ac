/**
 * The service worker: a switchboard. Listeners are registered synchronously at top level (an
 * MV3 rule: the event that woke the worker reaches only listeners added in its first turn),
 * and each waits for `ready` before touching state.
 */
import '../platform/worker-browser'; // first: the polyfill, before any module registers a listener
import { onIconClicked } from '../platform/action';
import { browser } from '../platform/browser';
import { clock } from '../platform/clock';
import { onCommand } from '../platform/commands';
import { onMenuClicked } from '../platform/menus';
import { onMessage } from '../platform/message-listener';
import { onOnline } from '../platform/network';
import { onIdleStateChanged } from '../platform/idle';
import { onNotificationClicked } from '../platform/notifications';
import { applyAwaySettings, onIdleChange } from './away';
import { beat, HEARTBEAT_ALARM, onTimeKeys, onTimeNotification } from './heartbeat';
import { BADGE_ALARM, refreshBadge } from './badge';
import { iconClickWork, menuWork, shortcutWork, type Work } from './doors';
import { handleMessage } from './messages';
import { flushOutbox, recoverOutbox } from './outbox-flush';
import { onRetryDue, RETRY_ALARM } from './retry-schedule';
import { upgradeStorage } from './storage-upgrade';
import { setUpMenus } from './menus';
import { refreshSurfaces, setUpSurfaces } from './surfaces';
import { isBrowserStart } from './browser-start';
import { answersOwed, owe } from './owed';
import { welcomeOnInstall } from './welcome';

// Whether this worker is the first since the browser started: asked now, beside the upgrade's read.
const browserStart = isBrowserStart();
// Storage first (migrations, unreadable values set aside), then the outbox's own recovery from
// what that one read found. In the first worker since the browser started, then the beat that
// knows it ("Stop it at the moment the browser closed", time away across the close): before any
// other beat — a command's, a settings change's — which would take now as the last moment seen.
const ready: Promise<void> = upgradeStorage()
  .then(recoverOutbox)
  .then(async () => {
    if (!(await browserStart)) return;
    // A failed beat must not leave the worker unready: it surfaces as an uncaught error instead.
    await beat({ browserStarted: true }).catch((error: unknown) =>
      queueMicrotask(() => {
        throw error;
      }),
    );
  });

/** Runs `task` once start-up recovery is done; errors surface as unhandled rejections. */
function whenReady<A extends unknown[]>(task: (...args: A) => Promise<unknown>): (...args: A) => void {
  return (...args) => void ready.then(() => task(...args));
}

onMessage((message) => {
  const at = clock.now(); // the double-press gate compares when things arrived, not when they ran
  return owe(ready.then(() => handleMessage(message, at)));
});

browser.alarms.onAlarm.addListener(
  whenReady(async (alarm) => {
    if (alarm.name === RETRY_ALARM) await flushOutbox();
    if (alarm.name === BADGE_ALARM) await refreshBadge();
    if (alarm.name === HEARTBEAT_ALARM) await beat();
  }),
);
// The welcome tab waits for the worker's start-up: a page opened while the install is still
// settling could get empty i18n messages from Chromium (seen as message keys on the page).
browser.runtime.onInstalled.addListener((details) => void started.then(() => welcomeOnInstall(details)));
browser.runtime.onStartup.addListener(whenReady(() => flushOutbox({ force: true })));
browser.storage.onChanged.addListener(
  whenReady((changes, area) => (area === 'local' ? refreshSurfaces(Object.keys(changes)) : Promise.resolve())),
);
onOnline(whenReady(() => flushOutbox({ force: true })));
// Time away and reminders (issue 11): idle events, notification answers, timer and settings changes.
onIdleStateChanged(whenReady(onIdleChange));
onNotificationClicked(whenReady(onTimeNotification));
browser.storage.onChanged.addListener(
  whenReady((changes, area) => (area === 'local' ? onTimeKeys(Object.keys(changes)) : Promise.resolve())),
);
onRetryDue(whenReady(() => flushOutbox()));

// The doors decide at once (the toggle gate must see presses as they come), then wait for `ready`.
const run = (work: Work | null) => {
  // A chained `then` keeps a failure an unhandled rejection, as `whenReady` does.
  if (work !== null) void owe(ready.then(work)).then(() => undefined);
};
onCommand((name) => run(shortcutWork(name)));
onIconClicked(() => run(iconClickWork()));
onMenuClicked((click) => run(menuWork(click)));

// A (re)started worker resumes whatever fell due while it was gone, and redraws what the browser
// shows: after it has answered what woke it (a person waits for that answer; this can wait).
// Exported for tests that start a worker and then act as if it had been running for a while.
export const started: Promise<void> = ready.then(answersOwed).then(async () => {
  const browserStarted = await browserStart;
  // Context-menu items outlive the worker (Chrome; Firefox keeps an event page's too: MDN
  // menus.create), so they are built only by the first worker since the browser started or the
  // extension was installed, updated or reloaded (browser-start.ts); retitling rebuilds a lost set.
  if (browserStarted) await setUpMenus();
  await setUpSurfaces();
  await applyAwaySettings();
  // After a browser start, `ready` has run this worker's first beat already.
  if (!browserStarted) await beat();
  await flushOutbox();
});
