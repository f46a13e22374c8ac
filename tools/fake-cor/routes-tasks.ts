/** GET /v1/tasks, /v1/tasks/{task_id}, /v1/tasks/search-by-title/{title}. */
import { corCustomError, json, notFound } from './reply.ts';
import { authenticate, idList, isReply, jsonParam, pageRequest, paginate, type CorState, type Route } from './state.ts';
import type { RecordedRequest, Reply, Task } from './types.ts';

export const SEARCH_LIMIT = 50;

/** Lower-case, accents stripped: "Revisão" and "REVISAO" compare equal. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function taskMatches(task: Task, filters: Record<string, unknown>): boolean {
  const checks: [string, (t: Task) => (string | undefined)[]][] = [
    ['collaborator', (t) => t.collaborators.map((c) => String(c.id))],
    ['pm', (t) => [t.pm ? String(t.pm.id) : undefined]],
    ['projects', (t) => [t.project_id === null ? undefined : String(t.project_id)]],
    ['clients', (t) => [t.project?.client ? String(t.project.client.id) : undefined]],
    ['status', (t) => [t.status]],
    ['priority', (t) => [String(t.priority)]],
  ];
  return checks.every(([key, values]) => {
    const wanted = idList(filters[key]);
    if (wanted === undefined) return true;
    const have = values(task);
    return wanted.some((w) => have.includes(w));
  });
}

type SortKey = (t: Task) => string | number | null;

const SORT_KEYS = new Map<string, SortKey>(
  Object.entries({
    client: (t) => t.project?.client?.name ?? null,
    project: (t) => t.project?.name ?? null,
    task: (t) => t.title,
    deadline: (t) => t.deadline,
    datetime: (t) => t.datetime,
    pm: (t) => (t.pm ? `${t.pm.first_name} ${t.pm.last_name}` : null),
    priority: (t) => t.priority,
    sprint: () => null,
  } satisfies Record<string, SortKey>),
);

function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1; // nulls last, whatever the direction
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'es');
}

function sortTasks(tasks: Task[], order: Record<string, unknown> | undefined): Task[] {
  const rules = Object.entries(order ?? {}).flatMap(([field, dir]) => {
    const key = SORT_KEYS.get(field);
    return key ? [{ key, sign: typeof dir === 'string' && dir.toUpperCase() === 'DESC' ? -1 : 1, field }] : [];
  });
  return [...tasks].sort((a, b) => {
    for (const { key, sign } of rules) {
      const ka = key(a);
      const kb = key(b);
      if (ka === null || kb === null) {
        const c = compareValues(ka, kb);
        if (c !== 0) return c;
        continue;
      }
      const c = sign * compareValues(ka, kb);
      if (c !== 0) return c;
    }
    return a.id - b.id; // the task's defined order
  });
}

function listTasks(req: RecordedRequest, state: CorState): Reply {
  const filters = jsonParam(req, 'filters');
  if (filters instanceof Error) return corCustomError(400, 'F010', `Invalid filters: ${filters.message}`);
  const order = jsonParam(req, 'order');
  if (order instanceof Error) return corCustomError(400, 'F010', `Invalid order: ${order.message}`);
  const matching = state.tasks.filter((t) => taskMatches(t, filters ?? {}));
  const slice = paginate(sortTasks(matching, order), pageRequest(req));
  return json(200, {
    total: String(slice.total),
    perPage: slice.perPage,
    page: slice.page,
    lastPage: slice.lastPage,
    data: slice.data,
  });
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function searchByTitle(segment: string, state: CorState): Reply {
  const title = decodeSegment(segment);
  if (title === null) return corCustomError(400, 'F010', 'Invalid title');
  const needle = fold(title.trim());
  return json(200, state.tasks.filter((t) => fold(t.title).includes(needle)).slice(0, SEARCH_LIMIT));
}

function oneTask(segment: string, state: CorState): Reply {
  const id = /^\d+$/.test(segment) ? Number(segment) : NaN;
  const task = state.tasks.find((t) => t.id === id);
  return task ? json(200, task) : notFound('Task not found');
}

export const taskRoutes: Route = (req, state) => {
  if (req.method !== 'GET' || !(req.path === '/v1/tasks' || req.path.startsWith('/v1/tasks/'))) return undefined;
  const search = /^\/v1\/tasks\/search-by-title\/([^/]+)$/.exec(req.path);
  const single = /^\/v1\/tasks\/([^/]+)$/.exec(req.path);
  if (req.path !== '/v1/tasks' && !search && !single) return undefined;
  const user = authenticate(req, state);
  if (isReply(user)) return user;
  if (search?.[1]) return searchByTitle(search[1], state);
  if (single?.[1]) return oneTask(single[1], state);
  return listTasks(req, state);
};
