/**
 * A typed view of one `storage.local` key. Reading falls back to a default when the key is
 * missing or holds something this version cannot read, so a bad value never crashes a surface.
 */
import { browser } from './browser';

export interface StorageItem<T> {
  readonly key: string;
  get(): Promise<T>;
  /** Calls back with each new value until the signal aborts. */
  watch(callback: (value: T) => void, signal?: AbortSignal): void;
  /** `{[key]: value}`, to combine several items into one atomic `storage.local.set`. */
  entry(value: T): Record<string, T>;
  read(raw: unknown): T;
}

export function defineItem<T>(key: string, fallback: T, isValid: (raw: unknown) => raw is T): StorageItem<T> {
  const read = (raw: unknown): T => (raw !== undefined && isValid(raw) ? raw : fallback);
  return {
    key,
    read,
    async get() {
      const stored = await browser.storage.local.get(key);
      return read(stored[key]);
    },
    watch(callback, signal) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && key in changes) callback(read(changes[key]?.newValue));
      };
      browser.storage.onChanged.addListener(listener);
      signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
    },
    entry(value) {
      return { [key]: value };
    },
  };
}

/** Reads several items in one storage call. */
export async function readItems<T extends readonly StorageItem<unknown>[]>(
  ...items: T
): Promise<{ [K in keyof T]: T[K] extends StorageItem<infer V> ? V : never }> {
  const stored = await browser.storage.local.get(items.map((i) => i.key));
  return items.map((i) => i.read(stored[i.key])) as { [K in keyof T]: T[K] extends StorageItem<infer V> ? V : never };
}

/**
 * One `storage.local.set` for all the given entries: the storage API applies a single `set`
 * as a whole, which is what makes "stop the timer and queue the entry" a single step.
 */
export async function writeItems(...entries: Record<string, unknown>[]): Promise<void> {
  await browser.storage.local.set(entries.reduce((all, entry) => ({ ...all, ...entry }), {}));
}

export async function removeItems(...items: StorageItem<unknown>[]): Promise<void> {
  await browser.storage.local.remove(items.map((i) => i.key));
}
