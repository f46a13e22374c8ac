import { formatHoursMinutes } from '../core/time';
import type { LoggedEntry } from '../core/outbox';
import { t } from '../platform/i18n';

/** "Logged 0:42 on task 123": the newest entry COR confirmed. */
export function LastLogged({ recent }: { recent: readonly LoggedEntry[] }) {
  const last = recent[0];
  return (
    <p role="status" class="title">
      {last === undefined
        ? ''
        : t('loggedOn', formatHoursMinutes(last.durationMs), last.task.title ?? t('loggedOnTaskNumber', last.task.id))}
    </p>
  );
}
