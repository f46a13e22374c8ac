/**
 * What the browser shows of stored state outside the pages: the badge and icon, the icon's
 * "Start/Stop timer" item, and whether a click on the icon opens the popup (the `settings`
 * key, written by the options page, applied here with `action.setPopup`).
 */
import { setPopupEnabled } from '../platform/action';
import { settingsItem } from '../shared/storage';
import { refreshBadge } from './badge';
import { retitleToggle, setUpMenus } from './menus';
import { makeSerial } from './serial';

// In turn, each reading the setting when it runs: two quick changes must end on the last one.
const applyInTurn = makeSerial();

export function applyToolbarClick(): Promise<void> {
  return applyInTurn(async () => setPopupEnabled((await settingsItem.get()).toolbarClick === 'popup'));
}

/** On worker start: everything, since the browser may have forgotten any of it. */
export async function setUpSurfaces(): Promise<void> {
  await setUpMenus();
  await applyToolbarClick();
  await refreshBadge();
}

/** After a storage change: what depends on the keys that changed. */
export async function refreshSurfaces(changedKeys: readonly string[]): Promise<void> {
  await refreshBadge();
  if (changedKeys.includes('timer')) await retitleToggle();
  if (changedKeys.includes('settings')) await applyToolbarClick();
}
