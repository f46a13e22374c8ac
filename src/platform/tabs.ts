/** The address of the tab the popup was opened on. */
import { browser } from './browser';

/**
 * Readable only thanks to `activeTab`: a click on the toolbar icon (or its shortcut) grants the
 * address of the current tab, with no host permission and no content script. Null otherwise.
 */
export async function activeTabUrl(): Promise<string | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url ?? null;
}
