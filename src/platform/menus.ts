/**
 * Context-menu items (`contextMenus`; Firefox's `menus` under the name the polyfill gives it).
 * Items outlive the worker (Chrome, and Firefox for an event page's), so the background recreates
 * the whole set only when the browser or the extension has just started; removing first keeps ids
 * unique.
 */
import { browser, type Menus } from './browser';

export interface MenuItem {
  readonly id: string;
  readonly title: string;
  readonly contexts: [Menus.ContextType, ...Menus.ContextType[]];
  readonly documentUrlPatterns?: string[];
  readonly targetUrlPatterns?: string[];
}

export interface MenuClick {
  readonly menuItemId: string;
  readonly linkUrl?: string;
  readonly pageUrl?: string;
}

export async function replaceMenus(items: readonly MenuItem[]): Promise<void> {
  await browser.contextMenus.removeAll();
  for (const item of items) await create(item);
}

function create(item: MenuItem): Promise<void> {
  // `create` answers through a callback and runtime.lastError, not a promise.
  return new Promise((resolve, reject) => {
    browser.contextMenus.create({ ...item }, () => {
      const error = browser.runtime.lastError;
      if (error) reject(new Error(error.message));
      else resolve();
    });
  });
}

export async function retitleMenu(id: string, title: string): Promise<void> {
  await browser.contextMenus.update(id, { title });
}

/** Call at the worker's top level. */
export function onMenuClicked(callback: (click: MenuClick) => void): void {
  browser.contextMenus.onClicked.addListener((info) => {
    callback({
      menuItemId: String(info.menuItemId),
      ...(info.linkUrl === undefined ? {} : { linkUrl: info.linkUrl }),
      ...(info.pageUrl === undefined ? {} : { pageUrl: info.pageUrl }),
    });
  });
}
