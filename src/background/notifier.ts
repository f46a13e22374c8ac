/**
 * Notifications for starts and stops made without the popup open (shortcut, icon, menus), where
 * nothing else on screen would tell the person. "Logged …" only once COR confirmed the entry;
 * if sending failed, that instead. Off when the person switched notifications off.
 */
import { formatHoursMinutes } from '../core/time';
import type { StoppedEntry, TaskRef } from '../core/timer';
import { t } from '../platform/i18n';
import { notify } from '../platform/notifications';
import { recentItem, settingsItem } from '../shared/storage';
import { reasonText, taskLabel } from '../ui/format';
import type { Outcome } from './dispatch';
import { flushOutbox } from './outbox-flush';
import { readEntry } from './outbox-store';
import { fetchTask } from './task-lookup';

export async function announce(outcome: Outcome): Promise<void> {
  if (!outcome.ok || !(await wanted())) return;
  const { started, stopped } = outcome;
  if (started != null) await announceStart(started);
  if (stopped != null) await announceDelivery(stopped);
}

/** A message that is not about the timer (say, "this isn't a COR task"), under the same setting. */
export async function tell(id: string, message: string): Promise<void> {
  if (await wanted()) await notify(id, t('extName'), message);
}

async function wanted(): Promise<boolean> {
  return (await settingsItem.get()).notifications;
}

async function announceStart(task: TaskRef): Promise<void> {
  // A task started by number: the lookup the start fired is shared, not repeated.
  const title = task.title ?? (await fetchTask(task.id))?.title;
  await notify('timer-started', t('extName'), t('notifyStarted', taskLabel({ ...task, title })));
}

async function announceDelivery(entry: StoppedEntry): Promise<void> {
  // The stop already started a flush; this waits for it (and a pass after it), then reads the result.
  await flushOutbox();
  const recent = await recentItem.get();
  const logged = recent.find((r) => r.entryId === entry.id);
  if (logged !== undefined) {
    const duration = formatHoursMinutes(logged.durationMs);
    await notify('timer-logged', t('extName'), t('loggedOn', duration, taskLabel(logged.task)));
    return;
  }
  const waiting = await readEntry(entry.id);
  if (waiting === null) return;
  // Not even tried: nobody is signed in to send it with.
  const why = waiting.reason === undefined ? t('reasonSignedOut') : reasonText(waiting.reason);
  const duration = formatHoursMinutes(entry.stoppedAt - entry.startedAt);
  await notify('timer-send-failed', t('extName'), t('notifySendFailed', duration, taskLabel(waiting.task), why));
}
