/**
 * Before resending an entry whose first attempt got no answer, look for it in COR: COR has no
 * idempotency key, so this lookup is what keeps an hour from being booked twice.
 */
import { listHoursRequest } from '../core/cor-requests';
import type { Classified } from '../core/cor-response';
import { isSameEntry, readHoursPage } from '../core/hours';
import type { OutboxEntry } from '../core/outbox';
import { callCor } from './cor-client';
import { currentUserId } from './account';

export type Lookup =
  | { readonly kind: 'found'; readonly hour: unknown }
  | { readonly kind: 'absent' }
  | { readonly kind: 'failed'; readonly result: Exclude<Classified, { class: 'ok' }> };

/** Upper bound on pages read, so a misbehaving server cannot keep the worker paging forever. */
const MAX_PAGES = 100;

export async function findInCor(entry: OutboxEntry): Promise<Lookup> {
  const userId = await currentUserId();
  if (typeof userId !== 'number') return { kind: 'failed', result: userId };
  for (let page = 1, lastPage = 1; page <= lastPage && page <= MAX_PAGES; page += 1) {
    const result = await callCor(listHoursRequest({ userId, around: entry.startedAt, page }));
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
