/**
 * Before resending an entry whose first attempt got no answer, look for it in COR: COR has no
 * idempotency key, so this lookup is what keeps an hour from being booked twice.
 */
import { listHoursRequest } from '../core/cor-requests';
import type { Classified } from '../core/cor-response';
import { isSameEntry, readHoursPage } from '../core/hours';
import type { OutboxEntry } from '../core/outbox';
import { callCor } from './cor-client';
import type { Sending } from './outbox-flush';

export type Lookup =
  | { readonly kind: 'found'; readonly hour: unknown }
  | { readonly kind: 'absent' }
  | { readonly kind: 'failed'; readonly result: Exclude<Classified, { class: 'ok' }> };

/** Upper bound on pages read, so a misbehaving server cannot keep the worker paging forever. */
const MAX_PAGES = 100;

/** Looks in the owner's own hours, with the owner's own session (`session`), never anyone else's. */
export async function findInCor(entry: OutboxEntry, session: Sending): Promise<Lookup> {
  const { userId, generation } = session;
  for (let page = 1, lastPage = 1; page <= lastPage && page <= MAX_PAGES; page += 1) {
    const result = await callCor(listHoursRequest({ userId, around: entry.startedAt, page }), generation);
    if (result.class !== 'ok') return { kind: 'failed', result };
    const read = readHoursPage(result.data);
    if (read === null) return { kind: 'failed', result: malformed };
    const hour = read.hours.find((h) => isSameEntry(h, entry));
    if (hour !== undefined) return { kind: 'found', hour };
    lastPage = read.lastPage;
  }
  return { kind: 'absent' };
}

/** An unreadable list proves nothing; treat it as a passing server fault and look again later. */
const malformed: Exclude<Classified, { class: 'ok' }> = {
  class: 'retryable',
  reason: { code: 'server-error' },
  outcomeUnknown: false,
};
