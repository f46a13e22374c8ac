/**
 * "Today", the worker's half: asking COR for my hours of the day and reading its answer. Pure:
 * the day's bounds come in as arguments. What the popup shows is core/today-view.ts.
 */
import { COR_API_BASE, HOURS_PAGE_SIZE, type CorRequest } from './cor-requests';
import { isRecord } from './guards';
import { toInteger } from './hours';
import { parseCorDateTime, toCorDate, durations } from './time';
import type { TaskRef } from './timer';
import type { Day, TodayEntry } from './today-view';

// The popup's half lives in core/today-view.ts, so the popup loads no COR request builder.
export { localDay, todayView, type Day, type Mark, type TodayEntry, type TodayRow, type TodayView } from './today-view';

/**
 * `GET /hours` for my hours of `day`. COR filters by its own (UTC) dates, so the range is a day
 * wider on each side and `readTodayHours` keeps only what started within the local day.
 */
export function todayHoursRequest(userId: number, day: Day, page: number): CorRequest {
  const filters = {
    users: [userId],
    dateStart: toCorDate(day.start - 24 * durations.HOUR),
    dateDeadline: toCorDate(day.end + 24 * durations.HOUR),
  };
  const params = new URLSearchParams({
    page: String(page),
    perPage: String(HOURS_PAGE_SIZE),
    filters: JSON.stringify(filters),
  });
  return { method: 'GET', url: `${COR_API_BASE}/hours?${params.toString()}`, headers: { Accept: 'application/json' } };
}

/** COR's Hour records of the day (readable, stopped, started within it, for that user). */
export function readTodayHours(hours: readonly unknown[], userId: number, day: Day): TodayEntry[] {
  return hours.flatMap((raw) => {
    if (!isRecord(raw)) return [];
    const corId = toInteger(raw.id);
    const taskId = toInteger(raw.task_log_id);
    const start = typeof raw.start === 'string' ? parseCorDateTime(raw.start) : null;
    const stop = typeof raw.stop === 'string' ? parseCorDateTime(raw.stop) : null;
    if (corId === null || taskId === null || start === null || stop === null) return [];
    if (toInteger(raw.user_id) !== null && toInteger(raw.user_id) !== userId) return [];
    if (start < day.start || start >= day.end) return [];
    return [{ corId, task: hourTask(raw.task, taskId), startedAt: start, stoppedAt: stop }];
  });
}

function hourTask(raw: unknown, id: number): TaskRef {
  const task = isRecord(raw) ? raw : {};
  const project = isRecord(task.project) ? task.project : null;
  return {
    id,
    ...(typeof task.title === 'string' ? { title: task.title } : {}),
    ...(typeof project?.name === 'string' ? { project: project.name } : {}),
  };
}

/** COR's `daily_hours` (a number or numeric string) as ms; null when absent or not positive. */
export function dailyTarget(me: unknown): number | null {
  if (!isRecord(me)) return null;
  const hours = typeof me.daily_hours === 'string' ? Number(me.daily_hours) : me.daily_hours;
  return typeof hours === 'number' && Number.isFinite(hours) && hours > 0 ? Math.round(hours * durations.HOUR) : null;
}
