/**
 * The extension API, the one door to it: Firefox's `browser.*`, else Chrome's `chrome.*`, typed
 * with webextension-polyfill's types. Pages use it natively: every call the popup and options
 * make returns a promise in Chrome's MV3 (Chrome 120 is the manifest's minimum) and in Firefox,
 * so they load no polyfill before their first frame (docs/PERFORMANCE.md). The worker does need
 * the polyfill (Chrome 120 ignores a promise returned from a `runtime.onMessage` listener, and
 * answers `contextMenus` through callbacks): its entry installs it first, through
 * platform/worker-browser.ts. Tests replace this module with a fake.
 */
import type Browser from 'webextension-polyfill';

const native = globalThis as unknown as { browser?: Browser.Browser; chrome?: Browser.Browser };

/** A live binding: modules read it when they call, so the worker's polyfill reaches them all. */
export let browser: Browser.Browser = native.browser ?? native.chrome!;

/** The worker's entry calls this (platform/worker-browser.ts) before it registers any listener. */
export function usePolyfill(polyfill: Browser.Browser): void {
  browser = polyfill;
}

export type { Alarms, Menus, Runtime, Storage, Tabs } from 'webextension-polyfill';
