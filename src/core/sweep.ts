/**
 * The start-up check of everything stored, after migrations and before anything else reads: a
 * value this version cannot read is moved aside under `quarantine:<key>` with what could be
 * recovered from it, never dropped and never left where a writer would replace it with a default
 * (one bad entry used to make the whole outbox read as empty, and the next stop wrote that over
 * every good entry). Pure: (everything stored, now) → what to set and remove.
 */
import { isRecord } from './guards';
import type { Plan } from './migrations';
import { isEntryKey, isQuarantineKey, quarantineKey } from './storage-keys';
import {
  readList,
  readQuarantined,
  readStoredEntry,
  readStoredLogged,
  readStoredTask,
  readStoredTimer,
  recover,
  type Quarantined,
} from './stored';

/** Keys whose value is a cache or a list the background keeps: set aside whole when unreadable. */
const LISTS: Record<string, (raw: unknown) => boolean> = {
  recent: (raw) => readList(raw, readStoredLogged) !== null,
  recentTasks: (raw) => readList(raw, readStoredTask) !== null,
  pinnedTasks: (raw) => readList(raw, readStoredTask) !== null,
  myTasks: (raw) => isRecord(raw) && readList(raw.tasks, readStoredTask) !== null,
};

export function sweep(data: Record<string, unknown>, now: number): Plan {
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  const moveAside = (key: string, replacement?: unknown) => {
    const target = freeKey(data, set, quarantineKey(key), now);
    set[target] = { from: key, raw: data[key], recovered: recover(data[key]), at: now } satisfies Quarantined;
    if (replacement === undefined) remove.push(key);
    else set[key] = replacement;
  };
  for (const key of Object.keys(data)) {
    // Restored by the person; a worker stopped before it could remove it.
    if (isQuarantineKey(key) && readQuarantined(data[key])?.restoredAs !== undefined) remove.push(key);
    if (isEntryKey(key) && readStoredEntry(data[key]) === null) moveAside(key);
    if (key in LISTS && data[key] !== undefined && !LISTS[key]!(data[key])) moveAside(key);
  }
  if (data.timer !== undefined && readStoredTimer(data.timer) === null) moveAside('timer', { status: 'idle' });
  return { set, remove };
}

/** A quarantine key not taken yet: a second bad value from the same key must not replace the first. */
function freeKey(data: Record<string, unknown>, set: Record<string, unknown>, key: string, now: number): string {
  if (!(key in data) && !(key in set)) return key;
  for (let n = 2; ; n += 1) {
    const candidate = `${key}#${now}-${n}`;
    if (!(candidate in data) && !(candidate in set)) return candidate;
  }
}
