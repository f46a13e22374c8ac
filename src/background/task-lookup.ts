/** Fills in what COR knows of a task that was started by its number alone (title, project, client). */
import { taskRequest } from '../core/cor-requests';
import { readTask, toTaskRef, type TaskSummary } from '../core/tasks';
import { readItems, writeItems } from '../platform/storage-item';
import { recentTasksItem, timerItem } from '../shared/storage';
import { callCor } from './cor-client';
import { currentGeneration, whileSession } from './session';

type Outcome = TaskSummary | 'not-found' | 'unknown';
const inFlight = new Map<number, Promise<Outcome>>();

/**
 * The task as COR describes it; `not-found` when COR says so (404 or its 417 `exists`);
 * `unknown` otherwise. One request per task at a time: the title lookup after a start and the
 * notification that names the task share it.
 */
export function fetchTaskOutcome(taskId: number): Promise<Outcome> {
  const pending = inFlight.get(taskId);
  if (pending !== undefined) return pending;
  const lookup = callCor(taskRequest(taskId))
    .then((result): Outcome => {
      if (result.class === 'ok') return readTask(result.data) ?? 'unknown';
      return result.class === 'rejected' && result.reason.code === 'task-not-found' ? 'not-found' : 'unknown';
    })
    .finally(() => inFlight.delete(taskId));
  inFlight.set(taskId, lookup);
  return lookup;
}

/** The task as COR describes it, or null when COR does not know it or cannot be asked. */
export async function fetchTask(taskId: number): Promise<TaskSummary | null> {
  const outcome = await fetchTaskOutcome(taskId);
  return typeof outcome === 'string' ? null : outcome;
}

export async function learnTask(taskId: number): Promise<void> {
  const generation = await currentGeneration();
  const task = await fetchTask(taskId);
  if (task === null || generation === null) return;
  const ref = toTaskRef(task);
  await whileSession(generation, async () => {
    const [timer, recentTasks] = await readItems(timerItem, recentTasksItem);
    const running = timer.status === 'running' && timer.task.id === taskId;
    await writeItems(
      ...(running ? [timerItem.entry({ ...timer, task: ref })] : []),
      ...(recentTasks.some((t) => t.id === taskId)
        ? [recentTasksItem.entry(recentTasks.map((t) => (t.id === taskId ? ref : t)))]
        : []),
    );
  });
}
