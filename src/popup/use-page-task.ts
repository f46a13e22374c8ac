/**
 * "This page": the COR task whose page the popup was opened on, with its title once COR gives it.
 * The page's company is reported too, for "Open in COR" links (the worker checks and keeps it).
 */
import { useEffect, useState } from 'preact/hooks';
import { taskIdFromUrl } from '../core/task-input';
import type { TaskRef } from '../core/timer';
import { send } from '../platform/messaging';
import { activeTabUrl } from '../platform/tabs';

export function usePageTask(): TaskRef | null {
  const [task, setTask] = useState<TaskRef | null>(null);
  useEffect(() => {
    let live = true;
    void activeTabUrl()
      .catch(() => null)
      .then(async (url) => {
        const id = url === null ? null : taskIdFromUrl(url);
        if (url === null || id === null || !live) return;
        setTask({ id });
        void send('account.page-seen', { url });
        const found = await send('tasks.lookup', { id });
        if (live && found.ok) setTask(found.task);
      });
    return () => {
      live = false;
    };
  }, []);
  return task;
}
