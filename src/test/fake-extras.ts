/**
 * What @webext-core/fake-browser lacks, written by hand as fakes that really store and fire
 * (TESTING.md): contextMenus, commands, the action's popup/icon/openPopup, runtime.getManifest
 * and lastError, permissions.contains. Installed into the fake browser by installFakeBrowser().
 */
import { readFileSync } from 'node:fs';
import { fakeBrowser } from '@webext-core/fake-browser';

type Listener<A extends unknown[]> = (...args: A) => unknown;

/** An event that keeps its listeners and calls them on `trigger`, like the browser's. */
export class FakeEvent<A extends unknown[]> {
  private listeners: Listener<A>[] = [];
  addListener = (listener: Listener<A>) => void this.listeners.push(listener);
  removeListener = (listener: Listener<A>) => void (this.listeners = this.listeners.filter((l) => l !== listener));
  hasListener = (listener: Listener<A>) => this.listeners.includes(listener);
  removeAllListeners = () => void (this.listeners = []);
  trigger = (...args: A) => Promise.all(this.listeners.map((l) => l(...args)));
}

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;

export interface MenuProps {
  id: string;
  title?: string;
  contexts?: string[];
  documentUrlPatterns?: string[];
  targetUrlPatterns?: string[];
}

/** The browser's menu items, by id, in creation order. */
export const menuItems = new Map<string, MenuProps>();
/**
 * `refuse`: openPopup fails as Chrome's does with no focused window. `stallIcon`: the next setIcon
 * never answers, as if the worker were stopped in the middle of a redraw.
 */
export const popupState = { popup: '', opened: 0, icon: '', refuse: false, stallIcon: false };
/** Host permissions the person granted; Firefox lets them refuse COR's (`hostAccess.cor = false`). */
export const hostAccess = { cor: true };
let lastError: { message: string } | undefined;

const contextMenus = {
  create(props: MenuProps, callback?: () => void) {
    lastError = menuItems.has(props.id) ? { message: `Cannot create item with duplicate id ${props.id}` } : undefined;
    if (lastError === undefined) menuItems.set(props.id, { ...props });
    queueMicrotask(() => {
      callback?.();
      lastError = undefined;
    });
    return props.id;
  },
  update(id: string, changes: Partial<MenuProps>) {
    const item = menuItems.get(id);
    if (item === undefined) return Promise.reject(new Error(`Cannot find menu item with id ${id}`));
    menuItems.set(id, { ...item, ...changes });
    return Promise.resolve();
  },
  removeAll() {
    menuItems.clear();
    return Promise.resolve();
  },
  onClicked: new FakeEvent<[Record<string, unknown>, unknown?]>(),
};

const commands = { onCommand: new FakeEvent<[string]>() };

const permissions = {
  contains({ origins = [] }: { origins?: string[] }) {
    return Promise.resolve(origins.every((origin) => origin === 'https://api.projectcor.com/*' && hostAccess.cor));
  },
};

/** The system's idle state: the interval set, the state `queryState` answers, and its event. */
export const idleState = { interval: 60, state: 'active' as 'active' | 'idle' | 'locked' };
const idle = {
  setDetectionInterval(seconds: number) {
    idleState.interval = seconds;
  },
  queryState: () => Promise.resolve(idleState.state),
  onStateChanged: new FakeEvent<[string]>(),
};

const actionExtras = {
  setPopup({ popup }: { popup: string }) {
    popupState.popup = popup;
    return Promise.resolve();
  },
  getPopup() {
    return Promise.resolve(popupState.popup);
  },
  setIcon({ path }: { path: Record<string, string> }) {
    if (popupState.stallIcon) {
      popupState.stallIcon = false;
      return new Promise<void>(() => undefined);
    }
    popupState.icon = path['16'] ?? '';
    return Promise.resolve();
  },
  openPopup() {
    if (popupState.popup === '') return Promise.reject(new Error('Extension does not have a popup on the active tab.'));
    if (popupState.refuse) return Promise.reject(new Error('Could not find an active browser window.'));
    popupState.opened += 1;
    return Promise.resolve();
  },
  onClicked: new FakeEvent<[unknown?]>(),
};

export function installExtras(): void {
  menuItems.clear();
  Object.assign(popupState, {
    popup: (manifest.action as { default_popup: string }).default_popup,
    opened: 0,
    icon: '',
    stallIcon: false,
  });
  for (const event of [contextMenus.onClicked, commands.onCommand, actionExtras.onClicked, idle.onStateChanged]) {
    event.removeAllListeners();
  }
  hostAccess.cor = true;
  Object.assign(idleState, { interval: 60, state: 'active' });
  Object.assign(fakeBrowser, { contextMenus, commands, permissions, idle });
  Object.assign(fakeBrowser.action, actionExtras);
  Object.assign(fakeBrowser.runtime, { getManifest: () => manifest });
  Object.defineProperty(fakeBrowser.runtime, 'lastError', { get: () => lastError, configurable: true });
}

/** As if Chrome stopped the worker: its listeners go, the menus and settings stay. */
export function removeExtraListeners(): void {
  for (const event of [contextMenus.onClicked, commands.onCommand, actionExtras.onClicked, idle.onStateChanged]) {
    event.removeAllListeners();
  }
}

/** What a person does outside the popup. */
export const person = {
  pressShortcut: (name: string) => commands.onCommand.trigger(name),
  clickIcon: () => actionExtras.onClicked.trigger({ id: 1 }),
  /** The system reports the person's state (`idle` after the detection interval, `locked`, `active`). */
  becomes: (state: 'active' | 'idle' | 'locked') => {
    idleState.state = state;
    return idle.onStateChanged.trigger(state);
  },
  clickMenu: (menuItemId: string, info: { linkUrl?: string; pageUrl?: string } = {}) =>
    contextMenus.onClicked.trigger({ menuItemId, editable: false, ...info }, { id: 1 }),
};
