/**
 * The person's decisions on entries that wait for them: one COR refused (retry, move to another
 * task, discard), another account's or an unknown account's (discard; claim an unknown one),
 * and values set aside as unreadable (send what was recovered, or discard).
 */
import { resolveAttention, type AttentionAction } from '../core/attention';
import { isOwnedBy, ownerOf } from '../core/owner';
import { entryKey } from '../core/storage-keys';
import { isRetryable, readQuarantined } from '../core/stored';
import { browser } from '../platform/browser';
import { clock } from '../platform/clock';
import { writeItems } from '../platform/storage-item';
import type { CommandResult } from '../shared/protocol';
import { accountItem } from '../shared/storage';
import { flushOutbox } from './outbox-flush';
import { entryWrite, readEntry, removeEntry } from './outbox-store';
import { serial } from './serial';

const OK: CommandResult = { ok: true };
const GONE: CommandResult = { ok: false, error: 'entry-gone' };

export async function resolveEntry(id: string, action: AttentionAction): Promise<CommandResult> {
  const changed = await serial(async () => {
    const entry = await readEntry(id);
    const next = entry === null ? null : resolveAttention([entry], id, action, clock.now());
    if (next === null) return false;
    if (next.length === 0) await removeEntry(id);
    else await writeItems(...next.map(entryWrite));
    return true;
  });
  if (!changed) return GONE;
  if (action.type !== 'discard') void flushOutbox({ force: true });
  return OK;
}

/** Discards an entry that is not the signed-in person's (after the popup asked). Never one being sent. */
export async function discardOther(id: string): Promise<CommandResult> {
  return serial(async () => {
    const [entry, account] = await Promise.all([readEntry(id), accountItem.get()]);
    const mine = account.status !== 'signed-out' && isOwnedBy(entry?.owner, account.userId);
    if (entry === null || mine || entry.state === 'sending') return GONE;
    await removeEntry(id);
    return OK;
  });
}

/**
 * An entry whose owner no version recorded (left by 0.1, before owners) becomes the signed-in
 * person's, when they say it is theirs. Another account's entry can never be claimed.
 */
export async function claimEntry(id: string): Promise<CommandResult> {
  const claimed = await serial(async () => {
    const [entry, account] = await Promise.all([readEntry(id), accountItem.get()]);
    const owner = ownerOf(account);
    if (entry === null || entry.owner !== null || owner === null || entry.state === 'sending') return false;
    await writeItems(entryWrite({ ...entry, owner }));
    return true;
  });
  if (!claimed) return GONE;
  void flushOutbox({ force: true });
  return OK;
}

/** Sends what was recovered of an unreadable entry: looked up in COR first, since it may be there. */
export async function retryQuarantined(key: string): Promise<CommandResult> {
  const restored = await serial(async () => {
    const [stored, account] = await Promise.all([browser.storage.local.get(key), accountItem.get()]);
    const item = readQuarantined(stored[key]);
    if (item === null || item.restoredAs !== undefined) return false;
    const owner = item?.recovered.owner ?? ownerOf(account);
    if (!isRetryable(item.recovered) || owner === null) return false;
    const { taskId, startedAt, stoppedAt, maybeInCor } = item.recovered;
    const id = clock.newId();
    const now = clock.now();
    // The entry and the mark that it was restored in one write: a retry never happens twice.
    await writeItems({
      [key]: { ...item, restoredAs: id },
      [entryKey(id)]: {
        id,
        task: { id: taskId },
        owner,
        startedAt,
        stoppedAt,
        attempts: 0,
        nextAttemptAt: now,
        ...(maybeInCor ? { state: 'in-doubt', lookupAfter: now } : { state: 'waiting' }),
      },
    });
    await browser.storage.local.remove(key);
    return true;
  });
  if (!restored) return GONE;
  void flushOutbox({ force: true });
  return OK;
}

export async function discardQuarantined(key: string): Promise<CommandResult> {
  return serial(async () => {
    if (readQuarantined((await browser.storage.local.get(key))[key]) === null) return GONE;
    await browser.storage.local.remove(key);
    return OK;
  });
}
