/** Fills in what COR knows of a task that was started by its number alone (title, project, client). */
import { taskRequest } from '../core/cor-requests';
import { readTask, toTaskRef, type TaskSummary } from '../core/tasks';
import { readItems, writeItems } from '../platform/storage-item';
import { recentTasksItem, timerItem } from '../shared/storage';
import { callCor } from './cor-client';
import { serial } from './serial';

/** The task as COR describes it, or null when COR does not know it or cannot be asked. */
export async function fetchTask(taskId: number): Promise<TaskSummary | null> {
  const result = await callCor(taskRequest(taskId));
  return result.class === 'ok' ? readTask(result.data) : null;
}

export async function learnTask(taskId: number): Promise<void> {
  const task = await fetchTask(taskId);
  if (task === null) return;
  const ref = toTaskRef(task);
  await serial(async () => {
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
