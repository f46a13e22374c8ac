/**
 * Notifications for starts and stops made without the popup open (shortcut, icon, menus), where
 * nothing else on screen would tell the person. "Logged …" only once COR confirmed the entry;
 * if sending failed, that instead. Off when the person switched notifications off.
 */
import { formatHoursMinutes } from '../core/time';
import type { StoppedEntry, TaskRef } from '../core/timer';
import { t } from '../platform/i18n';
import { notify } from '../platform/notifications';
import { recentItem, settingsItem, timerItem } from '../shared/storage';
import { commandErrorText } from '../ui/command-error';
import { reasonText, taskLabel } from '../ui/format';
import type { Command, Outcome } from './dispatch';
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

/**
 * A start or stop from the shortcut, icon or menu that the browser could not save. Shown even
 * with notifications off: otherwise the person believes the timer stopped (or started) when it
 * did not. The timer is still as storage holds it, which says whether this was a stop.
 */
export async function tellNotSaved(command: Command): Promise<void> {
  const timer = await timerItem.get();
  const stopping =
    timer.status === 'running' &&
    (command.type === 'toggle' ||
      command.type === 'stop' ||
      (command.type === 'start-or-stop' && command.task.id === timer.task.id));
  const why = commandErrorText('storage-failed');
  await notify('timer-not-saved', t('extName'), t(stopping ? 'notifyStopFailed' : 'notifyStartFailed', why));
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
