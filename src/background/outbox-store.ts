/**
 * The outbox as the worker reads it. Entries live one per key (`entry:<id>`): a step of one entry
 * reads and writes that entry alone, so delivering costs the same with 10 entries waiting as with
 * 1,000. Decisions read storage itself; the badge reads a view kept current by `storage.onChanged`
 * (a copy of storage, rebuilt by every new worker, never a source of truth).
 */
import type { OutboxEntry } from '../core/outbox';
import { entryKey } from '../core/storage-keys';
import { readStoredEntry } from '../core/stored';
import { browser } from '../platform/browser';
import { outboxItem } from '../shared/storage';

let view: ReadonlyMap<string, OutboxEntry> | null = null;
let viewReady: Promise<void> | null = null;

/**
 * How many entries are not in COR yet, as last seen through `storage.onChanged`: for what is
 * drawn (the badge), not decided. Kept current change by change, so a redraw costs the same
 * whatever the length of the line.
 */
export async function outboxSize(): Promise<number> {
  viewReady ??= new Promise<void>((resolve) =>
    outboxItem.watchValues((values) => {
      view = values;
      resolve();
    }),
  );
  await viewReady;
  return view?.size ?? 0;
}

/** Every readable entry, oldest stop first, as storage holds it now. */
export function readOutbox(): Promise<OutboxEntry[]> {
  return outboxItem.get();
}

/** One entry as storage holds it now; null when it is gone (or not readable: start-up sets those aside). */
export async function readEntry(id: string): Promise<OutboxEntry | null> {
  const key = entryKey(id);
  return readStoredEntry((await browser.storage.local.get(key))[key]);
}

/** `{[entry:<id>]: entry}`, to go into one atomic `storage.local.set` with other keys. */
export function entryWrite(entry: OutboxEntry): Record<string, OutboxEntry> {
  return { [entryKey(entry.id)]: entry };
}

export async function removeEntry(id: string): Promise<void> {
  await browser.storage.local.remove(entryKey(id));
}
