/**
 * Reading COR tasks. The OpenAPI `Task` has `id`, `title`, `project_id`, `status`, `deadline`;
 * real list answers also carry `project{id, name, client{name}}` (reference/cor-api-notes.md §3).
 * Numbers may arrive as strings. Titles are data, shown as text, never as HTML.
 */
import { isRecord } from './guards';
import { cutName, cutTitle } from './cor-text';
import { toInteger } from './hours';
import { parseCorDateTime } from './time';
import type { TaskRef } from './timer';

export interface TaskSummary {
  readonly id: number;
  readonly title: string;
  readonly project: string | null;
  readonly client: string | null;
  readonly status: string | null;
  /** Epoch ms, or null when COR gave none or an unreadable one. */
  readonly deadline: number | null;
}

/** Task statuses that still take hours. COR's optional statuses (in review, corrections) are unconfirmed. */
export const OPEN_STATUSES = ['nueva', 'en_proceso', 'estancada'] as const;

export function readTask(json: unknown): TaskSummary | null {
  if (!isRecord(json)) return null;
  const id = toInteger(json.id);
  if (id === null || id <= 0 || typeof json.title !== 'string') return null;
  const project = isRecord(json.project) ? json.project : null;
  const client = project !== null && isRecord(project.client) ? project.client : null;
  return {
    id,
    title: cutTitle(json.title),
    project: typeof project?.name === 'string' ? cutName(project.name) : null,
    client: typeof client?.name === 'string' ? cutName(client.name) : null,
    status: typeof json.status === 'string' ? json.status : null,
    deadline: typeof json.deadline === 'string' ? parseCorDateTime(json.deadline) : null,
  };
}

export interface TaskPage {
  readonly tasks: readonly TaskSummary[];
  readonly lastPage: number;
}

/** `PaginatedTasksResponse` (`{data, lastPage}`) or a plain array (search-by-title); unreadable items are skipped. */
export function readTaskList(json: unknown): TaskPage | null {
  const items = Array.isArray(json) ? json : isRecord(json) && Array.isArray(json.data) ? json.data : null;
  if (items === null) return null;
  const lastPage = isRecord(json) ? (toInteger(json.lastPage) ?? 1) : 1;
  return { tasks: items.map(readTask).filter((t): t is TaskSummary => t !== null), lastPage };
}

export function isOpen(task: Pick<TaskSummary, 'status'>): boolean {
  return task.status === null || task.status !== 'finalizada';
}

/** What the timer and the outbox keep of a task. */
export function toTaskRef(task: TaskSummary): TaskRef {
  return {
    id: task.id,
    title: task.title,
    ...(task.project === null ? {} : { project: task.project }),
    ...(task.client === null ? {} : { client: task.client }),
    ...(isOpen(task) ? {} : { closed: true }),
  };
}

export const RECENT_TASKS_LIMIT = 10;

/** The last tasks used, newest first, each once; a newer copy of a task (say, with its title) replaces the old. */
export function rememberTask(recent: readonly TaskRef[], task: TaskRef): TaskRef[] {
  return [task, ...recent.filter((t) => t.id !== task.id)].slice(0, RECENT_TASKS_LIMIT);
}

const MAX_TEXT = 1000;

/** A task reference from outside the worker (a page's message): checked field by field, extras dropped. */
export function readTaskRef(raw: unknown): TaskRef | null {
  if (!isRecord(raw) || typeof raw.id !== 'number' || !Number.isSafeInteger(raw.id) || raw.id <= 0) return null;
  const text = (value: unknown) => (typeof value === 'string' && value.length <= MAX_TEXT ? value : undefined);
  const title = text(raw.title);
  const project = text(raw.project);
  const client = text(raw.client);
  return {
    id: raw.id,
    ...(title === undefined ? {} : { title }),
    ...(project === undefined ? {} : { project }),
    ...(client === undefined ? {} : { client }),
  };
}
