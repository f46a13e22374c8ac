/**
 * A typed view of one `storage.local` key. Reading falls back to a default when the key is
 * missing or holds something this version cannot read, so a bad value never crashes a surface.
 */
import { browser } from './browser';

export interface StorageItem<T> extends ReadableItem<T> {
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
    readStored: (stored) => read(stored[key]),
    owns: (changed) => changed === key,
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
 * as a whole, which is what makes "stop the timer and queue the entry" a single step. A later
 * entry's key wins over an earlier one's.
 */
export async function writeItems(...entries: Record<string, unknown>[]): Promise<void> {
  const all = entries.reduce((all, entry) => ({ ...all, ...entry }), {});
  // Nothing to write is not worth a round trip to the browser.
  if (Object.keys(all).length > 0) await browser.storage.local.set(all);
}

export async function removeItems(...items: StorageItem<unknown>[]): Promise<void> {
  await browser.storage.local.remove(items.map((i) => i.key));
}

/** What a page needs of stored state: the current value, and each new one. */
export interface ReadableItem<T> {
  get(): Promise<T>;
  watch(callback: (value: T) => void, signal?: AbortSignal): void;
  /** The value in `stored` (all of storage.local, as platform/storage-snapshot.ts holds it). */
  readStored(stored: Readonly<Record<string, unknown>>): T;
  /** Whether a change of `key` can change this value. */
  owns(key: string): boolean;
}

/**
 * A family of keys sharing a prefix (one per outbox entry), read as one list. Each value is read
 * on its own, so one unreadable value never hides the others; unreadable ones are left out here
 * (the worker moves them aside at start). Watching applies each change to what was read, so a
 * write of one entry costs one entry, not a read of the whole family.
 */
export interface Family<T> extends ReadableItem<T[]> {
  /** Like `watch`, with the values by key, unsorted: for a reader that needs no list. */
  watchValues(callback: (values: ReadonlyMap<string, T>) => void, signal?: AbortSignal): void;
}

export function defineFamily<T>(
  prefix: string,
  read: (raw: unknown, key: string) => T | null,
  order: (a: T, b: T) => number,
): Family<T> {
  const list = (values: ReadonlyMap<string, T>) => [...values.values()].sort(order);
  const pick = (stored: Readonly<Record<string, unknown>>): Map<string, T> => {
    const values = new Map<string, T>();
    for (const [key, raw] of Object.entries(stored)) {
      const value = key.startsWith(prefix) ? read(raw, key) : null;
      if (value !== null) values.set(key, value);
    }
    return values;
  };
  const load = async (): Promise<Map<string, T>> => pick(await browser.storage.local.get(null));
  const watchValues: Family<T>['watchValues'] = (callback, signal) => {
    let values: Map<string, T> | null = null;
    // Changes that arrive while the first read is under way are applied on top of it.
    const early: Array<Record<string, { newValue?: unknown }>> = [];
    const apply = (changes: Record<string, { newValue?: unknown }>) => {
      let touched = false;
      for (const [key, change] of Object.entries(changes)) {
        if (!key.startsWith(prefix)) continue;
        touched = true;
        const value = change.newValue === undefined ? null : read(change.newValue, key);
        if (value === null) values!.delete(key);
        else values!.set(key, value);
      }
      return touched;
    };
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      if (values === null) early.push(changes);
      else if (apply(changes)) callback(values);
    };
    browser.storage.onChanged.addListener(listener);
    signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
    void load().then((loaded) => {
      if (signal?.aborted) return;
      values = loaded;
      for (const changes of early.splice(0)) apply(changes);
      callback(values);
    });
  };
  return {
    async get() {
      return list(await load());
    },
    watch(callback, signal) {
      watchValues((values) => callback(list(values)), signal);
    },
    watchValues,
    readStored: (stored) => list(pick(stored)),
    owns: (key) => key.startsWith(prefix),
  };
}
