/**
 * Time away, in the worker: idle events go to `core/away.ts` and the result into the `away`
 * key; when the question opens (or a door is used while it waits) the person is asked — a
 * notification with "Keep the time" / "Stop at …" where the browser has buttons, and the popup.
 */
import { awayStep, sameAway, type AwayEvent, type AwayContext } from '../core/away';
import type { Settings } from '../core/settings';
import { durations } from '../core/time';
import type { TimerState } from '../core/timer';
import { showPopup } from '../platform/action';
import { clock } from '../platform/clock';
import { t } from '../platform/i18n';
import { setIdleThreshold, type IdleState } from '../platform/idle';
import { clearNotification, notifyWithButtons } from '../platform/notifications';
import { readItems, writeItems } from '../platform/storage-item';
import { awayItem, settingsItem, timerItem } from '../shared/storage';
import { formatSpan, formatTimeOfDay, taskLabel } from '../ui/format';
import { dispatch } from './dispatch';
import { serial } from './serial';

export const AWAY_NOTIFICATION = 'away-question';

export function awayContext(timer: TimerState, settings: Settings): AwayContext {
  return {
    startedAt: timer.status === 'running' ? timer.startedAt : null,
    thresholdMs: settings.awayMinutes * durations.MINUTE,
    enabled: settings.askAway,
  };
}

/** `idle.onStateChanged`: the moment of the event is now; the departure is worked out in core. */
export async function onIdleChange(state: IdleState): Promise<void> {
  const at = clock.now();
  const event: AwayEvent = { type: state, at };
  const asked = await serial(async () => {
    const [timer, away, settings] = await readItems(timerItem, awayItem, settingsItem);
    const step = awayStep(away, event, awayContext(timer, settings));
    if (!sameAway(step.state, away)) await writeItems(awayItem.entry(step.state));
    return step.asked;
  });
  if (asked) await askAway();
}

/** The idle detection interval is the person's "minutes away before asking". */
export async function applyAwaySettings(): Promise<void> {
  setIdleThreshold((await settingsItem.get()).awayMinutes * 60);
}

/** "You were away 48 min from <task>", with the first two answers as buttons where supported. */
export async function askAway(): Promise<void> {
  const [timer, away] = await readItems(timerItem, awayItem);
  if (away.question === null || timer.status !== 'running') return clearNotification(AWAY_NOTIFICATION);
  const leftAt = Math.max(away.question.leftAt, timer.startedAt);
  const span = formatSpan(away.question.backAt - leftAt);
  await notifyWithButtons(AWAY_NOTIFICATION, t('awayHeading'), t('notifyAway', span, taskLabel(timer.task)), [
    t('awayKeep'),
    t('awayStopAt', formatTimeOfDay(leftAt)),
  ]);
}

/** The question was answered (in the popup, say): its notification goes too. */
export async function clearAwayIfAnswered(): Promise<void> {
  if ((await awayItem.get()).question === null) await clearNotification(AWAY_NOTIFICATION);
}

/** A door was used while the question waits: open it instead of deciding. */
export async function askAwayAgain(): Promise<void> {
  await askAway();
  await showPopup();
}

/** The away notification: its buttons answer; its body opens the popup with the question. */
export async function onAwayNotification(button: number | null): Promise<void> {
  if (button === null) return showPopup();
  await dispatch({ type: 'answer-away', answer: button === 0 ? 'keep' : 'stop' });
  await clearNotification(AWAY_NOTIFICATION);
}
