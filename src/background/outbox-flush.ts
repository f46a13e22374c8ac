/**
 * Sends the outbox to COR, one entry at a time, oldest first. Only one flush runs at a time;
 * triggers that arrive meanwhile fold into one more pass. Each step that changes an entry is
 * its own serialised storage write, so a worker killed at any point leaves a state we resume.
 */
import { postHoursRequest } from '../core/cor-requests';
import type { Classified } from '../core/cor-response';
import { isHour, loggedFromHour } from '../core/hours';
import {
  deliveryResult,
  ownedBy,
  recoverInterrupted,
  remember,
  sendable,
  settle,
  type OutboxEntry,
} from '../core/outbox';
import { isOwnedBy } from '../core/owner';
import { entryKey } from '../core/storage-keys';
import { readStoredEntry } from '../core/stored';
import { clock } from '../platform/clock';
import { browser } from '../platform/browser';
import { writeItems } from '../platform/storage-item';
import { accountItem, authItem, outboxItem, recentItem, type AuthSecrets } from '../shared/storage';
import { currentUserId } from './account';
import { callCor } from './cor-client';
import { entryWrite, readEntry, removeEntry } from './outbox-store';
import { findInCor } from './reconcile';
import { scheduleRetry } from './retry-schedule';
import { serial } from './serial';

export interface FlushOptions {
  /** Ignore backoff: the person acted (stop, Send now, sign-in) or the network came back. */
  readonly force?: boolean;
}

let running: Promise<void> | null = null;
let pending: { force: boolean } | null = null;

export function flushOutbox(options: FlushOptions = {}): Promise<void> {
  const force = options.force ?? false;
  if (running !== null) {
    pending = { force: force || (pending?.force ?? false) };
    return running;
  }
  running = (async () => {
    try {
      let next: { force: boolean } | null = { force };
      while (next !== null) {
        pending = null;
        await flushPass(next.force);
        next = pending;
      }
    } finally {
      running = null;
      await scheduleRetry();
    }
  })();
  return running;
}

/** The session an attempt is made under: an entry goes out only with its owner's. */
export interface Sending {
  readonly userId: number;
  readonly generation: string;
}

async function flushPass(asked: boolean): Promise<void> {
  // One read for the session and the line: both are in storage.local, and a pass reads the whole
  // line anyway. Each entry is then re-read on its own before it moves, so a pass costs this one
  // read, and each entry the same whatever the length of the line.
  let stored = await browser.storage.local.get(null);
  const session = await sendingSession(stored);
  // Triggers that came before this pass read the line are served by it, not by one more pass
  // (which, forced, would retry at once an entry this pass just saw fail).
  const force = asked || (pending?.force ?? false);
  pending = null;
  if (session === null) return;
  // Asking COR who we are took a while: the line is read again, as it is now.
  if (session.asked) stored = await browser.storage.local.get(null);
  const line = sendable(ownedBy(outboxItem.readStored(stored), session.userId), clock.now(), force);
  for (const entry of line) {
    const goOn = await attempt(entry, session).catch(() => setAside(entry.id));
    if (!goOn) return;
  }
}

/**
 * Something went wrong handling this entry that no rule covers (a bug, a storage fault). It goes
 * to Needs attention rather than stay `sending` at the head of the line, where it would hold
 * every entry behind it forever; if it may have reached COR, a retry looks it up first.
 */
async function setAside(id: string): Promise<boolean> {
  await serial(async () => {
    const current = await readEntry(id);
    if (current === null) return;
    const maybeInCor = current.state === 'sending' || current.state === 'in-doubt' || current.lookupFirst === true;
    await writeItems(
      entryWrite({
        ...current,
        state: 'needs-attention',
        reason: { code: 'unexpected' },
        ...(maybeInCor ? { lookupFirst: true } : {}),
      }),
    );
  }).catch(() => undefined);
  return true;
}

/**
 * Who may send now: a signed-in account whose COR id we know, and its sign-in's generation.
 * `asked`: the id was asked of COR just now (it was not known yet).
 */
async function sendingSession(stored: Record<string, unknown>): Promise<(Sending & { asked: boolean }) | null> {
  const [account, auth] = [accountItem.readStored(stored), authItem.readStored(stored)];
  if (account.status !== 'signed-in' || auth === null) return null;
  if (account.userId !== null) return { userId: account.userId, generation: auth.generation, asked: false };
  const userId = await currentUserId();
  if (typeof userId !== 'number') return null;
  return { userId, generation: auth.generation, asked: true };
}

/** One delivery attempt. Returns false when the pass should stop (COR or the session failing). */
async function attempt(seen: OutboxEntry, session: Sending): Promise<boolean> {
  if (seen.state === 'in-doubt') {
    const entry = await readEntry(seen.id);
    // Changed since the pass read the line (moved, discarded, delivered by a lookup): not ours to send now.
    if (entry === null || entry.state !== seen.state || !isOwnedBy(entry.owner, session.userId)) return true;
    const lookup = await findInCor(entry, session);
    if (lookup.kind === 'found') return deliver(entry, lookup.hour);
    if (lookup.kind === 'failed') return keep(entry, lookup.result);
  }
  const marked = await markSending(seen, session);
  if (marked === 'session-gone') return false;
  if (marked === null) return true;
  const { sending, auth } = marked;
  const result = await callCor(
    postHoursRequest({ taskId: sending.task.id, startedAt: sending.startedAt, stoppedAt: sending.stoppedAt }),
    session.generation,
    auth,
  );
  const delivery = deliveryResult(result, isHour);
  return delivery.class === 'ok' ? deliver(sending, delivery.data) : keep(sending, delivery);
}

/**
 * COR has it: into the recently-logged list, then out of the outbox. Two writes (storage cannot
 * set one key and remove another at once), in the order that loses nothing: a worker killed
 * between them leaves the entry `sending`, which becomes in doubt, is found in COR, and is
 * delivered once more (the list holds each entry once).
 */
async function deliver(entry: OutboxEntry, hour: unknown): Promise<boolean> {
  await serial(async () => {
    const recent = await recentItem.get();
    const logged = loggedFromHour(entry, hour, clock.now());
    await writeItems(recentItem.entry(remember(recent, logged)));
    await removeEntry(entry.id);
  });
  return true;
}

async function keep(entry: OutboxEntry, result: Exclude<Classified, { class: 'ok' }>): Promise<boolean> {
  const settled = settle(entry, result, clock.now(), clock.random());
  if (settled.kind === 'delivered') return true;
  await update(entry.id, entry.state, () => settled.entry);
  return !settled.haltPass;
}

/**
 * Marks the entry `sending` in a serialised write before its request leaves: a worker killed from
 * then on leaves it to be looked up in COR before any resend. Only while it is still as the pass
 * saw it (the person may have moved or discarded it meanwhile: null) and still its owner's session
 * (`session-gone`); the sign-in is read in the same `get` and goes with the request.
 */
async function markSending(
  seen: OutboxEntry,
  session: Sending,
): Promise<{ sending: OutboxEntry; auth: AuthSecrets } | 'session-gone' | null> {
  return serial(async () => {
    const key = entryKey(seen.id);
    const stored = await browser.storage.local.get([key, authItem.key]);
    const [current, auth] = [readStoredEntry(stored[key]), authItem.readStored(stored)];
    if (auth === null || auth.generation !== session.generation) return 'session-gone';
    if (current === null || current.state !== seen.state || !isOwnedBy(current.owner, session.userId)) return null;
    const sending: OutboxEntry = { ...current, state: 'sending' };
    await writeItems(entryWrite(sending));
    return { sending, auth };
  });
}

/**
 * Replaces one entry in a serialised write, only while it is still in the state the step
 * started from (the person may have moved or discarded it meanwhile); null otherwise.
 */
async function update(
  id: string,
  from: OutboxEntry['state'],
  change: (entry: OutboxEntry) => OutboxEntry,
): Promise<OutboxEntry | null> {
  return serial(async () => {
    const current = await readEntry(id);
    if (current === null || current.state !== from) return null;
    const changed = change(current);
    await writeItems(entryWrite(changed));
    return changed;
  });
}

/**
 * On worker start: entries left `sending` by a killed worker become in-doubt. `stored` is what
 * the start-up already read (nothing writes before the worker is ready), so no second read.
 */
export async function recoverOutbox(stored: Record<string, unknown>): Promise<void> {
  const entries = outboxItem.readStored(stored);
  const sending = new Set(entries.filter((e) => e.state === 'sending').map((e) => e.id));
  const recovered = recoverInterrupted(entries, clock.now());
  if (recovered === null) return;
  await serial(() => writeItems(...recovered.filter((e) => sending.has(e.id)).map(entryWrite)));
}
