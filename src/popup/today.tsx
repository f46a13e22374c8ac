/**
 * "Today": the time logged today (COR's hours for me, plus the running timer and entries on
 * their way) against COR's daily hours, and today's entries, newest first, each with Continue.
 * Drawn at once from the cache; refreshed from COR each time the popup opens.
 */
import { useEffect, useState } from 'preact/hooks';
import type { LoggedEntry, OutboxEntry } from '../core/outbox';
import { formatHoursMinutes } from '../core/time';
import type { TimerState } from '../core/timer';
import { localDay, todayView, type Mark, type TodayRow } from '../core/today-view';
import { t, type MessageKey } from '../platform/i18n';
import { send } from '../platform/messaging';
import type { TodayCache } from '../shared/storage';
import { formatLogged, formatTimeOfDay, taskLabel } from '../ui/format';
import { useNow } from '../ui/use-now';
import { OpenInCor } from './open-in-cor';

export function Today(props: {
  cache: TodayCache | null;
  timer: TimerState;
  outbox: readonly OutboxEntry[];
  recent: readonly LoggedEntry[];
  company: string | null;
  compact: boolean;
}) {
  const [opened, setOpened] = useState(false);
  const now = useNow(props.timer.status === 'running');
  // On open, and after each delivery while open (a closed popup needs no fresh copy: it reads the cache when it opens).
  const lastLogged = props.recent[0]?.entryId;
  useEffect(() => void send('today.refresh', {}), [lastLogged]);
  const day = localDay(now);
  const cache = props.cache?.date === day.date ? props.cache : null;
  const view = todayView({ cor: cache?.entries ?? [], ...props }, day, now);
  const target = cache?.dailyMs ?? null;
  return (
    <section class="today" aria-labelledby="today-heading">
      <div class="row today-head">
        <h2 id="today-heading">{t('todayHeading')}</h2>
        {cache?.failedAt != null && <p class="muted today-as-of">{t('asOf', formatTimeOfDay(cache.fetchedAt))}</p>}
        <p class="today-total">
          <strong>{formatHoursMinutes(view.totalMs)}</strong>
          {target !== null && <span class="muted"> {t('ofTarget', formatHoursMinutes(target))}</span>}
        </p>
      </div>
      {/* Compact, the numbers above say it: the bar's line goes to what needs the person. */}
      {target !== null && !props.compact && (
        <progress
          class="today-progress"
          max={target}
          value={Math.min(view.totalMs, target)}
          aria-label={t('todayProgressLabel')}
        />
      )}
      {view.rows.length === 0 ? (
        <p class="muted">{t('todayEmpty')}</p>
      ) : props.compact && !opened ? (
        <button type="button" class="link" aria-expanded={false} onClick={() => setOpened(true)}>
          {t('showTodayEntries', view.rows.length)}
        </button>
      ) : (
        <ul class="today-list" aria-labelledby="today-heading">
          {view.rows.map((row) => (
            <TodayItem key={row.key} row={row} company={props.company} />
          ))}
        </ul>
      )}
    </section>
  );
}

function TodayItem({ row, company }: { row: TodayRow; company: string | null }) {
  const span = `${formatTimeOfDay(row.startedAt)}–${row.stoppedAt === null ? '' : formatTimeOfDay(row.stoppedAt)}`;
  const meta = [row.task.project, span, formatLogged(row.durationMs)].filter((p) => p !== undefined).join(' · ');
  const mark = MARKS[row.mark];
  return (
    <li class="today-item">
      <span class="option-text">
        <span class="title one-line">{taskLabel(row.task)}</span>
        {/* The link ends the second line, so the title keeps the row's width. */}
        <span class="row today-meta">
          <span class="muted one-line">
            {meta}
            {mark !== null && <span class="tag">{t(mark)}</span>}
          </span>
          <OpenInCor company={company} task={row.task} />
        </span>
      </span>
      <button
        type="button"
        class="small"
        aria-label={t('continueTask', taskLabel(row.task))}
        onClick={() => void send('timer.start', { task: row.task })}
      >
        {t('continue')}
      </button>
    </li>
  );
}

const MARKS: Record<Mark, MessageKey | null> = {
  logged: null,
  running: null,
  waiting: 'markWaiting',
  'needs-attention': 'markNeedsAttention',
};
