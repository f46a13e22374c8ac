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

/**
 * Draws `look`, given what the toolbar shows now (`shown`, null when not known): only what
 * differs, since setting the icon by path makes the browser fetch and decode both images.
 */
export async function renderAction(look: ActionLook, shown: ActionLook | null): Promise<void> {
  if (look.text !== shown?.text) await browser.action.setBadgeText({ text: look.text });
  if (look.colour !== undefined && look.colour !== shown?.colour) {
    await browser.action.setBadgeBackgroundColor({ color: look.colour });
  }
  if (look.icon !== shown?.icon) {
    await browser.action.setIcon({ path: { 16: `/icons/${look.icon}-16.png`, 32: `/icons/${look.icon}-32.png` } });
  }
  if (look.title !== shown?.title) await browser.action.setTitle({ title: look.title });
}

export function sameLook(a: ActionLook, b: ActionLook): boolean {
  return a.text === b.text && a.colour === b.colour && a.icon === b.icon && a.title === b.title;
}

/** Clicks on the icon while it has no popup. Call at the worker's top level. */
export function onIconClicked(callback: () => void): void {
  browser.action.onClicked.addListener(() => callback());
}
