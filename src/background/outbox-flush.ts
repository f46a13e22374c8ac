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
  recoverInterrupted,
  remember,
  removeEntry,
  replaceEntry,
  sendable,
  settle,
  type OutboxEntry,
} from '../core/outbox';
import { clock } from '../platform/clock';
import { readItems, writeItems } from '../platform/storage-item';
import { accountItem, outboxItem, recentItem } from '../shared/storage';
import { callCor } from './cor-client';
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

async function flushPass(force: boolean): Promise<void> {
  const attempted = new Set<string>();
  for (;;) {
    const [outbox, account] = await readItems(outboxItem, accountItem);
    if (account.status !== 'signed-in') return;
    const entry = sendable(outbox, clock.now(), force).find((e) => !attempted.has(e.id));
    if (entry === undefined) return;
    attempted.add(entry.id);
    if (!(await attempt(entry))) return;
  }
}

/** One delivery attempt. Returns false when the pass should stop (COR or the session failing). */
async function attempt(entry: OutboxEntry): Promise<boolean> {
  if (entry.state === 'in-doubt') {
    const lookup = await findInCor(entry);
    if (lookup.kind === 'found') return deliver(entry, lookup.hour);
    if (lookup.kind === 'failed') return keep(entry, lookup.result);
  }
  const sending = await update(entry.id, (e) => ({ ...e, state: 'sending' }));
  if (sending === null) return true;
  const result = await callCor(
    postHoursRequest({ taskId: entry.task.id, startedAt: entry.startedAt, stoppedAt: entry.stoppedAt }),
  );
  const delivery = deliveryResult(result, isHour);
  return delivery.class === 'ok' ? deliver(sending, delivery.data) : keep(sending, delivery);
}

async function deliver(entry: OutboxEntry, hour: unknown): Promise<boolean> {
  await serial(async () => {
    const [outbox, recent] = await readItems(outboxItem, recentItem);
    const logged = loggedFromHour(entry, hour, clock.now());
    await writeItems(outboxItem.entry(removeEntry(outbox, entry.id)), recentItem.entry(remember(recent, logged)));
  });
  return true;
}

async function keep(entry: OutboxEntry, result: Exclude<Classified, { class: 'ok' }>): Promise<boolean> {
  const settled = settle(entry, result, clock.now(), clock.random());
  if (settled.kind === 'delivered') return true;
  await update(entry.id, () => settled.entry);
  return !settled.haltPass;
}

/** Replaces one entry in a serialised write; null when the entry is gone meanwhile. */
async function update(id: string, change: (entry: OutboxEntry) => OutboxEntry): Promise<OutboxEntry | null> {
  return serial(async () => {
    const outbox = await outboxItem.get();
    const current = outbox.find((e) => e.id === id);
    if (current === undefined) return null;
    const changed = change(current);
    await writeItems(outboxItem.entry(replaceEntry(outbox, changed)));
    return changed;
  });
}

/** On worker start: entries left `sending` by a killed worker become in-doubt. */
export async function recoverOutbox(): Promise<void> {
  await serial(async () => {
    const recovered = recoverInterrupted(await outboxItem.get(), clock.now());
    if (recovered !== null) await writeItems(outboxItem.entry(recovered));
  });
}
