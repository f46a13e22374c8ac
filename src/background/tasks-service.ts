/** COR's tasks for the picker: search by title, look one up, keep "My tasks" and the pins. */
import { myTasksRequest, searchTasksRequest } from '../core/cor-requests';
import { OPEN_STATUSES, readTaskList, toTaskRef } from '../core/tasks';
import type { TaskRef } from '../core/timer';
import { clock } from '../platform/clock';
import { writeItems } from '../platform/storage-item';
import type { CommandResult, LookupResult, SearchResult } from '../shared/protocol';
import { myTasksItem, pinnedTasksItem } from '../shared/storage';
import { currentUserId } from './account';
import { callCor } from './cor-client';
import { serial } from './serial';
import { currentGeneration, whileSession } from './session';
import { fetchTaskOutcome } from './task-lookup';

const MAX_QUERY = 200;
/** "My tasks" pages read per refresh: enough for a picker; the search finds the rest. */
const MY_TASKS_PAGES = 4;

export async function searchTasks(query: string): Promise<SearchResult> {
  const text = query.trim().slice(0, MAX_QUERY);
  if (text === '') return { ok: true, tasks: [] };
  const result = await callCor(searchTasksRequest(text));
  if (result.class !== 'ok') return { ok: false, reason: result.reason };
  const list = readTaskList(result.data);
  return list === null
    ? { ok: false, reason: { code: 'server-error' } }
    : { ok: true, tasks: list.tasks.map(toTaskRef) };
}

export async function lookupTask(id: number): Promise<LookupResult> {
  const outcome = await fetchTaskOutcome(id);
  return outcome === 'not-found' || outcome === 'unknown'
    ? { ok: false, error: outcome }
    : { ok: true, task: toTaskRef(outcome) };
}

/** Reads my open tasks, by deadline, into `myTasks`. A failure keeps the cached list as it was. */
export async function refreshMyTasks(): Promise<CommandResult> {
  const generation = await currentGeneration();
  const userId = await currentUserId();
  if (typeof userId !== 'number' || generation === null) return { ok: true };
  const tasks: TaskRef[] = [];
  for (let page = 1, lastPage = 1; page <= lastPage && page <= MY_TASKS_PAGES; page += 1) {
    const result = await callCor(myTasksRequest(userId, OPEN_STATUSES, page), generation);
    const list = result.class === 'ok' ? readTaskList(result.data) : null;
    if (list === null) return { ok: true };
    tasks.push(...list.tasks.map(toTaskRef));
    lastPage = list.lastPage;
  }
  // One person's task list never lands in the next person's session.
  await whileSession(generation, () => writeItems(myTasksItem.entry({ tasks, fetchedAt: clock.now() })));
  return { ok: true };
}

export async function pinTask(task: TaskRef, pinned: boolean): Promise<CommandResult> {
  await serial(async () => {
    const pins = (await pinnedTasksItem.get()).filter((t) => t.id !== task.id);
    await writeItems(pinnedTasksItem.entry(pinned ? [...pins, task] : pins));
  });
  return { ok: true };
}
