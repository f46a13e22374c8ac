/**
 * What the browser shows of stored state outside the pages: the badge and icon, the icon's
 * "Start/Stop timer" item, and whether a click on the icon opens the popup (the `settings`
 * key, written by the options page, applied here with `action.setPopup`).
 */
import { ENTRY_PREFIX } from '../core/storage-keys';
import { setPopupEnabled } from '../platform/action';
import { settingsItem } from '../shared/storage';
import { refreshBadge } from './badge';
import { retitleToggle } from './menus';
import { makeSerial } from './serial';

// In turn, each reading the setting when it runs: two quick changes must end on the last one.
const applyInTurn = makeSerial();

export function applyToolbarClick(): Promise<void> {
  return applyInTurn(async () => setPopupEnabled((await settingsItem.get()).toolbarClick === 'popup'));
}

/** On worker start: the badge, icon, tooltip and popup mode, in case a redraw was cut short with the last worker. */
export async function setUpSurfaces(): Promise<void> {
  await applyToolbarClick();
  await refreshBadge();
}

/** What the toolbar shows depends on these keys only (the badge, icon, tooltip, menus, popup mode). */
const isDrawn = (key: string): boolean =>
  key === 'timer' || key === 'account' || key === 'away' || key === 'settings' || key.startsWith(ENTRY_PREFIX);

const refreshInTurn = makeSerial();
/** The keys of the refresh waiting for its turn, and its end; null when none waits. */
let waiting: { readonly keys: Set<string>; readonly done: Promise<void> } | null = null;

/**
 * After a storage change: what depends on the keys that changed. Each refresh reads state when it
 * runs, so a change that arrives while one waits joins it: a burst of writes (start, stop, the
 * delivery's steps) costs one redraw or two, not a backlog of stale ones that kept the worker busy
 * and grew its heap by ≈ 1 KB per start/stop (docs/PERFORMANCE.md).
 */
export function refreshSurfaces(changedKeys: readonly string[]): Promise<void> {
  // The heartbeat, task lists and recently-logged list are not drawn: writing them redraws nothing.
  if (!changedKeys.some(isDrawn)) return Promise.resolve();
  if (waiting !== null) {
    for (const key of changedKeys) waiting.keys.add(key);
    return waiting.done;
  }
  const keys = new Set(changedKeys);
  const done = refreshInTurn(async () => {
    waiting = null;
    await refreshBadge();
    if (keys.has('timer')) await retitleToggle();
    if (keys.has('settings')) await applyToolbarClick();
  });
  waiting = { keys, done };
  return done;
}
