/** Keyboard shortcuts declared under `commands` in the manifest. Call at the worker's top level. */
import { browser } from './browser';

export function onCommand(callback: (name: string) => void): void {
  browser.commands.onCommand.addListener((name: string) => callback(name));
}

export interface Shortcut {
  readonly name: string;
  /** As the browser shows it ("Alt+Shift+K"); empty when the person has none set. */
  readonly keys: string;
}

/** The shortcuts as currently bound (the person may have changed or removed them). */
export async function currentShortcuts(): Promise<Shortcut[]> {
  const all = await browser.commands.getAll();
  return all.flatMap((c) => (c.name === undefined ? [] : [{ name: c.name, keys: c.shortcut ?? '' }]));
}

/** Firefox and Chrome keep the shortcut settings in different places. */
export function isFirefox(): boolean {
  return navigator.userAgent.includes('Firefox/');
}
