/**
 * All of `storage.local` in one read, kept current: what a page renders its first frame from.
 * The popup starts it at module start (popup/main.tsx) and draws once it is in, instead of
 * waiting for one read per item started after the first frame (docs/PERFORMANCE.md), and hands
 * it to `useItem` (ui/use-item.ts), so pages that start none do not load this module. The
 * change listener is added before the read, so no change falls between read and render:
 * changes that arrive while the read is under way are applied on top of what it returns.
 */
import { browser } from './browser';

type Changes = Record<string, { newValue?: unknown }>;

export interface Snapshot {
  /** Every key's current value (raw, as stored). */
  readonly values: Readonly<Record<string, unknown>>;
  /** Counts the changes applied, so a reader can tell whether any came since it last looked. */
  readonly version: number;
  /** Calls back with the keys of each change until the signal aborts. */
  subscribe(callback: (keys: readonly string[]) => void, signal: AbortSignal): void;
}

/** Reads everything once and follows each change; call once, at the page's start. */
export function readSnapshot(): Promise<Snapshot> {
  const values: Record<string, unknown> = {};
  const callbacks = new Set<(keys: readonly string[]) => void>();
  const early: Changes[] = [];
  let read = false;
  let version = 0;
  const apply = (changes: Changes) => {
    for (const [key, change] of Object.entries(changes)) {
      if (change.newValue === undefined) delete values[key];
      else values[key] = change.newValue;
    }
    version += 1;
  };
  browser.storage.onChanged.addListener((changes: Changes, area: string) => {
    if (area !== 'local') return;
    if (!read) return void early.push(changes);
    apply(changes);
    const keys = Object.keys(changes);
    for (const callback of callbacks) callback(keys);
  });
  return browser.storage.local.get(null).then((stored) => {
    Object.assign(values, stored);
    for (const changes of early.splice(0)) apply(changes);
    read = true;
    return {
      values,
      get version() {
        return version;
      },
      subscribe(callback, signal) {
        callbacks.add(callback);
        signal.addEventListener('abort', () => callbacks.delete(callback), { once: true });
      },
    };
  });
}
