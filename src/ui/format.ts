import type { Reason } from '../core/cor-response';
import { formatHoursMinutes } from '../core/time';
import { assertNever } from '../core/guards';
import type { TaskRef } from '../core/timer';
import { browser } from '../platform/browser';
import { t } from '../platform/i18n';

const timeOfDay = new Intl.DateTimeFormat(browser.i18n.getUILanguage(), { hour: 'numeric', minute: '2-digit' });

export function formatTimeOfDay(epochMs: number): string {
  return timeOfDay.format(epochMs);
}

/** Logged time as people write it (`1:23`); under a minute, "< 1 min" rather than a 0:00 that looks like nothing. */
export function formatLogged(ms: number): string {
  return ms < 60_000 ? t('underAMinute') : formatHoursMinutes(ms);
}

/** The task's title when we know it, else "Task 123". */
export function taskLabel(task: TaskRef): string {
  return task.title ?? t('taskNumber', task.id);
}

/** Why an entry waits, in the person's words, with COR's own text when it gave one. */
export function reasonText(reason: Reason): string {
  const base = reasonBase(reason);
  return reason.message === undefined ? base : `${base} ${t('corSaid', reason.message)}`;
}

function reasonBase(reason: Reason): string {
  const status = reason.status ?? '';
  switch (reason.code) {
    case 'offline':
      return t('reasonOffline');
    case 'network':
      return t('reasonNetwork');
    case 'not-allowed':
      return t('reasonNotAllowed');
    case 'not-sent':
      return t('reasonNotSent');
    case 'timeout':
      return t('reasonTimeout');
    case 'server-error':
      return t('reasonServerError', status);
    case 'malformed':
      return t('reasonMalformed');
    case 'unavailable':
      return t('reasonUnavailable');
    case 'rate-limited':
      return t('reasonRateLimited');
    case 'unauthorized':
      return t('reasonUnauthorized');
    case 'signed-out':
      return t('reasonSignedOut');
    case 'session-expired':
      return t('reasonSessionExpired');
    case 'rejected':
      return t('reasonRejected', status);
    case 'task-not-found':
      return t('reasonTaskNotFound');
    case 'forbidden':
      return t('reasonForbidden');
    case 'clock-jumped':
      return t('reasonClockJumped');
    case 'unexpected':
      return t('reasonUnexpected');
    case 'long-entry':
      return t('reasonLongEntryPlain');
    default:
      return assertNever(reason.code);
  }
}

/** A span of time away, as people say it: "48 min", or "1:05 h" from an hour on. */
export function formatSpan(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  return minutes < 60 ? t('minutesShort', minutes) : t('hoursShort', formatHoursMinutes(ms));
}
