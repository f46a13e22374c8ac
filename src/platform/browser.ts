/**
 * The one import of webextension-polyfill in the code base: Chrome's `chrome.*` and Firefox's
 * `browser.*` behind the same promise-based API. Tests replace this module with a fake.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Alarms, Menus, Runtime, Storage, Tabs } from 'webextension-polyfill';
