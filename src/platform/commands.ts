/** Keyboard shortcuts declared under `commands` in the manifest. Call at the worker's top level. */
import { browser } from './browser';

export function onCommand(callback: (name: string) => void): void {
  browser.commands.onCommand.addListener((name: string) => callback(name));
}
