/** The toolbar button: its popup, badge, icon and tooltip, and clicks on it when it has no popup. */
import { browser } from './browser';

export type IconLook = 'idle' | 'running' | 'attention';

export interface ActionLook {
  readonly text: string;
  /** Badge background; only meaningful with text. */
  readonly colour?: string;
  readonly icon: IconLook;
  readonly title: string;
}

/** The manifest's popup page, so the path is written in one place only. */
export function popupPage(): string {
  return browser.runtime.getManifest().action?.default_popup ?? '';
}

/** With the popup off, a click on the icon fires `action.onClicked` instead of opening it. */
export async function setPopupEnabled(enabled: boolean): Promise<void> {
  await browser.action.setPopup({ popup: enabled ? popupPage() : '' });
}

export async function isPopupEnabled(): Promise<boolean> {
  return (await browser.action.getPopup({})) !== '';
}

/**
 * Opens the popup now, even while icon clicks toggle the timer (the popup is set for the
 * opening and unset again). Where the browser refuses — no focused window, or Firefox once the
 * user gesture is spent — the same page opens in a tab instead.
 */
export async function showPopup(): Promise<void> {
  const wasEnabled = await isPopupEnabled();
  try {
    if (!wasEnabled) await setPopupEnabled(true);
    await browser.action.openPopup();
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL(popupPage()) });
  } finally {
    if (!wasEnabled) await setPopupEnabled(false);
  }
}

export async function renderAction(look: ActionLook): Promise<void> {
  await browser.action.setBadgeText({ text: look.text });
  if (look.colour !== undefined) await browser.action.setBadgeBackgroundColor({ color: look.colour });
  await browser.action.setIcon({ path: { 16: `/icons/${look.icon}-16.png`, 32: `/icons/${look.icon}-32.png` } });
  await browser.action.setTitle({ title: look.title });
}

/** Clicks on the icon while it has no popup. Call at the worker's top level. */
export function onIconClicked(callback: () => void): void {
  browser.action.onClicked.addListener(() => callback());
}
