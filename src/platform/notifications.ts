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
