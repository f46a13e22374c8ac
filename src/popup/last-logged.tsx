import type { LoggedEntry } from '../core/outbox';
import { localDay } from '../core/today-view';
import { t } from '../platform/i18n';
import { formatLogged, formatTimeOfDay, taskLabel } from '../ui/format';
import { useNow } from '../ui/use-now';

/** "Logged 0:42 on task 123 at 10:42": the newest entry COR confirmed today (yesterday's is old news). */
export function LastLogged({ recent }: { recent: readonly LoggedEntry[] }) {
  const now = useNow(false);
  const last = recent[0];
  const shown = last !== undefined && last.loggedAt >= localDay(now).start;
  if (!shown) return null;
  // Not a live region itself: the Announcer says it once, when it happens.
  return (
    <p class="logged-line one-line">
      {t('loggedOnAt', formatLogged(last.durationMs), taskLabel(last.task), formatTimeOfDay(last.loggedAt))}
    </p>
  );
}
