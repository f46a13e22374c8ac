/** POST /v1/hours and GET /v1/hours. */
import { corCustomError, json, validationError, validationFailed, type ValidationError } from './reply.ts';
import { authenticate, idList, isReply, jsonParam, pageRequest, paginate, type CorState, type Route } from './state.ts';
import { decimalHours, formatIsoZ, isoToZoneless, parseDateOnly, parseDateTime, truncateToSecond } from './time.ts';
import type { Hour, HourTask, RecordedRequest, Reply, SeedUser, Task } from './types.ts';

/** What a client sends, already validated. */
export interface HourInput {
  task_log_id: number;
  /** Epoch ms. */
  start: number;
  stop: number | null;
}

function validateHourInput(body: unknown): HourInput | ValidationError[] {
  const input =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const errors: ValidationError[] = [];
  const taskId = input.task_log_id;
  if (taskId === undefined || taskId === null || taskId === '') errors.push(validationError('task_log_id', 'required'));
  else if (typeof taskId !== 'number' || !Number.isInteger(taskId) || taskId <= 0)
    errors.push(validationError('task_log_id', 'integer'));
  const start = input.start === undefined || input.start === null ? undefined : parseDateTime(input.start);
  if (input.start === undefined || input.start === null || input.start === '')
    errors.push(validationError('start', 'required'));
  else if (start === null) errors.push(validationError('start', 'date'));
  let stop: number | null = null;
  if (input.stop !== undefined && input.stop !== null) {
    stop = parseDateTime(input.stop);
    if (stop === null) errors.push(validationError('stop', 'date'));
    else if (typeof start === 'number' && truncateToSecond(stop) < truncateToSecond(start)) {
      errors.push(validationError('stop', 'after'));
    }
  }
  if (errors.length > 0 || typeof taskId !== 'number' || typeof start !== 'number') return errors;
  return { task_log_id: taskId, start, stop };
}

function hourTask(task: Task, state: CorState): HourTask {
  const projectId = task.project_id === null ? null : Number(task.project_id);
  const project = state.projects.find((p) => p.id === projectId);
  const client = project?.client_id == null ? undefined : state.clients.find((c) => c.id === project.client_id);
  return {
    id: task.id,
    title: task.title,
    project_id: projectId,
    task_father: null,
    status: task.status,
    father: null,
    project: project
      ? {
          id: project.id,
          name: project.name,
          client_id: project.client_id,
          contract_id: null,
          client: client ? { ...client } : null,
          has_expired_contract: false,
        }
      : null,
    labels: [],
  };
}

/** Build and store the Hour that COR would create; no validation (callers validated). */
export function createHour(state: CorState, user: SeedUser, task: Task, input: HourInput): Hour {
  const start = truncateToSecond(input.start);
  const stop = input.stop === null ? null : truncateToSecond(input.stop);
  const seconds = stop === null ? 0 : (stop - start) / 1000;
  const embedded = hourTask(task, state);
  const project = embedded.project;
  const hour: Hour = {
    id: state.nextHourId,
    start: formatIsoZ(start),
    stop: stop === null ? null : formatIsoZ(stop),
    duration: decimalHours(seconds),
    cost: (user.hourly_cost * seconds) / 3600,
    user_id: user.id,
    task_log_id: task.id,
    project_id: project?.id ?? null,
    client_id: project?.client?.id ?? null,
    created_at: formatIsoZ(Date.now()),
    status: 'pending',
    status_changed_by: null,
    status_changed_at: null,
    type: 'TASK',
    task_log_rework_id: null,
    comments: null,
    user: {
      id: user.id,
      first_name: user.first_name,
      last_name: user.last_name,
      picture: user.picture,
      remaining_hours: user.remaining_hours,
      timezone: user.timezone,
      gmt: user.gmt,
    },
    client: project?.client ? { id: project.client.id, name: project.client.name } : null,
    project: project ? { id: project.id, name: project.name } : null,
    task: embedded,
    userPosition: null,
    billInput: null,
  };
  state.nextHourId += 1;
  state.hours.push(hour);
  task.hour_charged = Math.round((task.hour_charged + seconds / 3600) * 1e6) / 1e6;
  return hour;
}

function postHours(req: RecordedRequest, state: CorState, user: SeedUser): Reply {
  const input = validateHourInput(req.json);
  if (Array.isArray(input)) return validationFailed(input);
  const task = state.tasks.find((t) => t.id === input.task_log_id);
  if (!task) return validationFailed([validationError('task_log_id', 'exists')]);
  if (task.status === 'finalizada') return corCustomError(400, 'PC001', 'The task is finished, hours cannot be logged');
  return json(200, createHour(state, user, task, input));
}

function hourMatches(hour: Hour, filters: Record<string, unknown>, from: number | null, to: number | null): boolean {
  const lists: [string, string | null][] = [
    ['users', String(hour.user_id)],
    ['projects', hour.project_id === null ? null : String(hour.project_id)],
    ['clients', hour.client_id === null ? null : String(hour.client_id)],
  ];
  for (const [key, value] of lists) {
    const wanted = idList(filters[key]);
    if (wanted !== undefined && (value === null || !wanted.includes(value))) return false;
  }
  const startDay = Date.parse(hour.start.slice(0, 10));
  return (from === null || startDay >= from) && (to === null || startDay <= to);
}

type HourSortKey = (h: Hour) => number | string;

const HOUR_SORT_KEYS = new Map<string, HourSortKey>(
  Object.entries({
    start: (h) => h.start,
    stop: (h) => h.stop ?? '',
    created_at: (h) => h.created_at,
    id: (h) => h.id,
    duration: (h) => Number(h.duration),
  } satisfies Record<string, HourSortKey>),
);

function sortHours(hours: Hour[], orderBy: Record<string, unknown> | undefined): Hour[] {
  const by = typeof orderBy?.by === 'string' ? orderBy.by : 'start';
  const key = HOUR_SORT_KEYS.get(by) ?? ((h: Hour) => h.start);
  const sign = typeof orderBy?.order === 'string' && orderBy.order.toUpperCase() === 'DESC' ? -1 : 1;
  return [...hours].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : String(ka).localeCompare(String(kb));
    return sign * c || a.id - b.id;
  });
}

/** The stored (ISO) hour with its times in COR's zone-less UTC form. */
function zonelessHour(hour: Hour): Hour {
  return {
    ...hour,
    start: isoToZoneless(hour.start) ?? hour.start,
    stop: isoToZoneless(hour.stop),
    created_at: isoToZoneless(hour.created_at) ?? hour.created_at,
  };
}

function sumSeconds(hours: Hour[]): number {
  return hours.reduce((sum, h) => sum + (h.stop === null ? 0 : (Date.parse(h.stop) - Date.parse(h.start)) / 1000), 0);
}

function getHours(req: RecordedRequest, state: CorState): Reply {
  const filters = jsonParam(req, 'filters');
  if (filters instanceof Error) return corCustomError(400, 'F010', `Invalid filters: ${filters.message}`);
  const orderBy = jsonParam(req, 'orderBy');
  if (orderBy instanceof Error) return corCustomError(400, 'F010', `Invalid orderBy: ${orderBy.message}`);
  const f = filters ?? {};
  const from = f.dateStart === undefined ? null : parseDateOnly(f.dateStart);
  const to = f.dateDeadline === undefined ? null : parseDateOnly(f.dateDeadline);
  if ((f.dateStart !== undefined && from === null) || (f.dateDeadline !== undefined && to === null)) {
    return corCustomError(400, 'F010', 'Invalid filters: dates must be YYYY-MM-DD');
  }
  const matching = sortHours(
    state.hours.filter((h) => hourMatches(h, f, from, to)),
    orderBy,
  );
  const slice = paginate(matching, pageRequest(req));
  return json(200, {
    total_hours: decimalHours(sumSeconds(matching)),
    total_cost: matching.reduce((sum, h) => sum + h.cost, 0),
    data: slice.data.map(zonelessHour),
    total: String(slice.total),
    perPage: slice.perPage,
    page: String(slice.page),
    lastPage: slice.lastPage,
  });
}

export const hourRoutes: Route = (req, state) => {
  if (req.path !== '/v1/hours' || (req.method !== 'GET' && req.method !== 'POST')) return undefined;
  const user = authenticate(req, state);
  if (isReply(user)) return user;
  return req.method === 'POST' ? postHours(req, state, user) : getHours(req, state);
};
