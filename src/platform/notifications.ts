/** System notifications. One id per kind, so a newer one replaces the last instead of piling up. */
import { browser } from './browser';

export async function notify(id: string, title: string, message: string): Promise<void> {
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/idle-128.png'),
    title,
    message,
  });
}

/**
 * A notification with buttons where the browser has them (Chrome); Firefox refuses the
 * `buttons` option, so there the same notification goes without them and the popup does the rest.
 */
export async function notifyWithButtons(id: string, title: string, message: string, buttons: string[]): Promise<void> {
  const options = { type: 'basic' as const, iconUrl: browser.runtime.getURL('icons/idle-128.png'), title, message };
  try {
    // The polyfill's types follow Firefox, which lacks `buttons`; Chrome's API takes them.
    const withButtons = { ...options, buttons: buttons.map((b) => ({ title: b })) };
    await browser.notifications.create(id, withButtons as typeof options);
  } catch {
    await browser.notifications.create(id, options);
  }
}

export async function clearNotification(id: string): Promise<void> {
  await browser.notifications.clear(id);
}

/** Call at the worker's top level. `button` is the index of the button pressed, or null for the body. */
export function onNotificationClicked(callback: (id: string, button: number | null) => void): void {
  browser.notifications.onClicked.addListener((id) => callback(id, null));
  // Firefox has no notification buttons and may not have the event at all.
  (browser.notifications.onButtonClicked as typeof browser.notifications.onButtonClicked | undefined)?.addListener(
    (id, button) => callback(id, button),
  );
}
