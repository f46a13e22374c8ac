/**
 * "Today" as the popup shows it: the local day, and COR's hours of it plus what COR does not
 * have yet (entries on their way, the running timer). Pure: the day's bounds and the moment
 * come in as arguments. The worker's half (reading COR's answer) is core/today.ts.
 */
import type { LoggedEntry, OutboxEntry } from './outbox';
import type { TaskRef, TimerState } from './timer';

/** The person's day: local midnight to the next, as epoch ms, and its local date. */
export interface Day {
  readonly date: string;
  readonly start: number;
  readonly end: number;
}

/** The local day around `now` in the runtime's time zone (which is the person's). */
export function localDay(now: number): Day {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`;
  return { date, start: start.getTime(), end: end.getTime() };
}

/** One entry COR holds, as the Today list shows it. */
export interface TodayEntry {
  readonly corId: number;
  readonly task: TaskRef;
  readonly startedAt: number;
  readonly stoppedAt: number;
}

export type Mark = 'logged' | 'waiting' | 'needs-attention' | 'running';

export interface TodayRow {
  readonly key: string;
  readonly task: TaskRef;
  readonly startedAt: number;
  /** Null while running. */
  readonly stoppedAt: number | null;
  readonly durationMs: number;
  readonly mark: Mark;
}

export interface TodayView {
  readonly totalMs: number;
  /** Newest first; the running timer is not a row (the popup shows it above). */
  readonly rows: readonly TodayRow[];
}

/**
 * COR's hours of the day, the entries COR confirmed since they were read, the entries still on
 * their way, and the running timer: each counted once (COR's id, then our entry id).
 */
export function todayView(
  input: {
    readonly cor: readonly TodayEntry[];
    readonly recent: readonly LoggedEntry[];
    readonly outbox: readonly OutboxEntry[];
    readonly timer: TimerState;
  },
  day: Day,
  now: number,
): TodayView {
  const inDay = (at: number) => at >= day.start && at < day.end;
  const seen = new Set(input.cor.map((e) => e.corId));
  const rows: TodayRow[] = [
    ...input.cor.map((e) => row(`cor-${e.corId}`, e.task, e.startedAt, e.stoppedAt, 'logged')),
    ...input.recent
      .filter((e) => inDay(e.startedAt) && (e.corId === null || !seen.has(e.corId)))
      .map((e) => row(`entry-${e.entryId}`, e.task, e.startedAt, e.stoppedAt, 'logged', e.durationMs)),
    ...input.outbox
      .filter((e) => inDay(e.startedAt))
      .map((e) =>
        row(
          `entry-${e.id}`,
          e.task,
          e.startedAt,
          e.stoppedAt,
          e.state === 'needs-attention' ? 'needs-attention' : 'waiting',
        ),
      ),
  ].sort((a, b) => b.startedAt - a.startedAt);
  const running = input.timer.status === 'running' ? Math.max(0, now - Math.max(input.timer.startedAt, day.start)) : 0;
  // An entry COR refused is listed (the person must decide) but is not time COR will have.
  const counted = rows.filter((r) => r.mark !== 'needs-attention');
  return { totalMs: counted.reduce((sum, r) => sum + r.durationMs, 0) + running, rows };
}

function row(
  key: string,
  task: TaskRef,
  startedAt: number,
  stoppedAt: number,
  mark: Mark,
  durationMs?: number,
): TodayRow {
  return { key, task, startedAt, stoppedAt, durationMs: durationMs ?? Math.max(0, stoppedAt - startedAt), mark };
}
