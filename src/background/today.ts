/**
 * Keeps `today` (my hours COR holds for the local day) fresh: when the popup opens and after
 * each delivery. Every page is read; a failure keeps the cached day and notes when it failed.
 */
import { meRequest } from '../core/cor-requests';
import { readHoursPage } from '../core/hours';
import { dailyTarget, localDay, readTodayHours, todayHoursRequest, type TodayEntry } from '../core/today';
import { clock } from '../platform/clock';
import { writeItems } from '../platform/storage-item';
import type { CommandResult } from '../shared/protocol';
import { todayItem } from '../shared/storage';
import { currentUserId } from './account';
import { callCor } from './cor-client';
import { serial } from './serial';

/** Upper bound on pages read, so a misbehaving server cannot keep the worker paging forever. */
const MAX_PAGES = 20;

let inFlight: Promise<CommandResult> | null = null;

/** One refresh at a time: a popup opened during a delivery's refresh shares it. */
export function refreshToday(): Promise<CommandResult> {
  inFlight ??= read().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function read(): Promise<CommandResult> {
  const userId = await currentUserId();
  if (typeof userId !== 'number') return { ok: true };
  const day = localDay(clock.now());
  const cached = await todayItem.get();
  const sameDay = cached !== null && cached.date === day.date && cached.userId === userId;
  const entries: TodayEntry[] = [];
  for (let page = 1, lastPage = 1; page <= lastPage && page <= MAX_PAGES; page += 1) {
    const result = await callCor(todayHoursRequest(userId, day, page));
    const read = result.class === 'ok' ? readHoursPage(result.data) : null;
    if (read === null) return failed(sameDay);
    entries.push(...readTodayHours(read.hours, userId, day));
    lastPage = read.lastPage;
  }
  // `daily_hours` changes rarely: asked once per day.
  let dailyMs = sameDay ? (cached?.dailyMs ?? null) : null;
  if (!sameDay) {
    const me = await callCor(meRequest());
    dailyMs = me.class === 'ok' ? dailyTarget(me.data) : null;
  }
  await serial(() =>
    writeItems(todayItem.entry({ date: day.date, userId, entries, fetchedAt: clock.now(), failedAt: null, dailyMs })),
  );
  return { ok: true };
}

/** COR unreachable: the cache stays as it was, marked with when it stopped being fresh. */
async function failed(sameDay: boolean): Promise<CommandResult> {
  if (sameDay) {
    await serial(async () => {
      const cached = await todayItem.get();
      if (cached !== null) await writeItems(todayItem.entry({ ...cached, failedAt: clock.now() }));
    });
  }
  return { ok: true };
}
