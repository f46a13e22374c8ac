/**
 * COR request builders: pure descriptions of the requests we make, following COR's OpenAPI.
 * The authenticated client adds `Authorization`; nothing here knows a token.
 */
import { COR_API_BASE } from './cor-api';
import { toCorDate, toCorDateTime, durations } from './time';

export { COR_API_BASE };

export interface CorRequest {
  readonly method: 'GET' | 'POST';
  /** Absolute URL, always under COR_API_BASE. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface HoursSpan {
  readonly taskId: number;
  readonly startedAt: number;
  readonly stoppedAt: number;
}

/** `POST /hours` with `HourInput` `{task_log_id, start, stop}`. */
export function postHoursRequest(span: HoursSpan): CorRequest {
  return {
    method: 'POST',
    url: `${COR_API_BASE}/hours`,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({
      task_log_id: span.taskId,
      start: toCorDateTime(span.startedAt),
      stop: toCorDateTime(span.stoppedAt),
    }),
  };
}

/** `GET /me`: the signed-in person. */
export function meRequest(): CorRequest {
  return { method: 'GET', url: `${COR_API_BASE}/me`, headers: { Accept: 'application/json' } };
}

export interface HoursQuery {
  readonly userId: number;
  readonly around: number;
  readonly page: number;
}

/** COR's page-size ceiling per its development guide ("up to 50"). */
export const HOURS_PAGE_SIZE = 50;

/**
 * `GET /hours` for one person's entries in the days around a moment. The range is a day wider
 * on each side so that a zone mismatch in COR's date filter cannot hide the entry we look for.
 */
export function listHoursRequest(query: HoursQuery): CorRequest {
  const filters = {
    users: [query.userId],
    dateStart: toCorDate(query.around - durations.HOUR * 24),
    dateDeadline: toCorDate(query.around + durations.HOUR * 24),
  };
  const params = new URLSearchParams({
    page: String(query.page),
    perPage: String(HOURS_PAGE_SIZE),
    filters: JSON.stringify(filters),
  });
  return { method: 'GET', url: `${COR_API_BASE}/hours?${params.toString()}`, headers: { Accept: 'application/json' } };
}

/** `GET /tasks/{task_id}`. */
export function taskRequest(taskId: number): CorRequest {
  return { method: 'GET', url: `${COR_API_BASE}/tasks/${taskId}`, headers: { Accept: 'application/json' } };
}

/** COR's default page size is 20; its guide allows "up to 50". */
export const TASKS_PAGE_SIZE = 50;

/**
 * `GET /tasks` for "My tasks": tasks where I am a collaborator, in the open statuses, by
 * deadline. Filters and order are URL-encoded JSON (the only way COR documents to filter).
 * Whether `collaborator` takes one id or an array is unconfirmed; we send one id.
 */
export function myTasksRequest(userId: number, statuses: readonly string[], page: number): CorRequest {
  const params = new URLSearchParams({
    page: String(page),
    perPage: String(TASKS_PAGE_SIZE),
    filters: JSON.stringify({ collaborator: userId, status: statuses }),
    order: JSON.stringify({ deadline: 'ASC' }),
  });
  return { method: 'GET', url: `${COR_API_BASE}/tasks?${params.toString()}`, headers: { Accept: 'application/json' } };
}

/** `GET /tasks/search-by-title/{title}`, the title URL-encoded as one path segment. */
export function searchTasksRequest(title: string): CorRequest {
  return {
    method: 'GET',
    url: `${COR_API_BASE}/tasks/search-by-title/${encodeURIComponent(title)}`,
    headers: { Accept: 'application/json' },
  };
}
