/**
 * Notifications about time that only speak up: a timer running longer than the person's limit,
 * activity without a timer, and a timer stopped because the browser closed. The away question
 * is in `away.ts`. Their clicks open the popup; "Start <last task>" starts it.
 */
import { formatHoursMinutes } from '../core/time';
import type { StoppedEntry } from '../core/timer';
import { showPopup } from '../platform/action';
import { clock } from '../platform/clock';
import { t } from '../platform/i18n';
import { notify, notifyWithButtons } from '../platform/notifications';
import { readItems } from '../platform/storage-item';
import { recentTasksItem, timerItem } from '../shared/storage';
import { formatTimeOfDay, taskLabel } from '../ui/format';
import { dispatch } from './dispatch';

export const NOTICE = { long: 'long-running', track: 'not-tracking', closed: 'stopped-at-close' } as const;

export async function remindLongRunning(): Promise<void> {
  const [timer] = await readItems(timerItem);
  if (timer.status !== 'running') return;
  const running = formatHoursMinutes(clock.now() - timer.startedAt);
  await notify(NOTICE.long, t('extName'), t('notifyLongRunning', taskLabel(timer.task), running));
}

export async function remindToTrack(): Promise<void> {
  const [recent] = await readItems(recentTasksItem);
  const last = recent[0];
  const buttons = last === undefined ? [] : [t('startTask', taskLabel(last))];
  await notifyWithButtons(NOTICE.track, t('extName'), t('notifyNotTracking'), buttons);
}

export async function stoppedAtBrowserClose(entry: StoppedEntry): Promise<void> {
  const message = t('notifyStoppedAtClose', taskLabel(entry.task), formatTimeOfDay(entry.stoppedAt));
  await notify(NOTICE.closed, t('extName'), message);
}

/** A click on one of these notifications: "Start <last task>" starts it; anything else opens the popup. */
export async function onTimeNotice(id: string, button: number | null): Promise<void> {
  if (id === NOTICE.track && button === 0) {
    const [recent] = await readItems(recentTasksItem);
    if (recent[0] !== undefined) await dispatch({ type: 'start', task: recent[0] });
    return;
  }
  await showPopup();
}
