/**
 * Reading what storage holds, item by item and in full. Storage outlives versions (and can hold
 * what an older or newer version, or a bug, wrote), so nothing is trusted by its key alone: a
 * value that is not exactly the shape we write is never used, and never replaced by a default.
 * What fails is set aside with whatever can be recovered from it, for the person to decide.
 */
import type { Reason } from './cor-response';
import { isRecord } from './guards';
import type { EntryState, LoggedEntry, OutboxEntry } from './outbox';
import { readOwner, type Owner } from './owner';
import { cutText, MAX_TITLE_LENGTH as TITLE_MAX } from './cor-text';
import type { TaskRef, TimerState } from './timer';

const STATES: ReadonlySet<string> = new Set<EntryState>(['waiting', 'sending', 'in-doubt', 'needs-attention']);

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 100;
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

export function readStoredTask(raw: unknown): TaskRef | null {
  if (!isRecord(raw) || !Number.isSafeInteger(raw.id) || (raw.id as number) <= 0) return null;
  const text = (v: unknown) => (typeof v === 'string' ? cutText(v, TITLE_MAX) : undefined);
  const [title, project, client] = [text(raw.title), text(raw.project), text(raw.client)];
  for (const field of ['title', 'project', 'client'] as const) {
    if (raw[field] !== undefined && typeof raw[field] !== 'string') return null;
  }
  return {
    id: raw.id as number,
    ...(title === undefined ? {} : { title }),
    ...(project === undefined ? {} : { project }),
    ...(client === undefined ? {} : { client }),
  };
}

function readReason(raw: unknown): Reason | undefined | null {
  if (raw === undefined) return undefined;
  if (!isRecord(raw) || typeof raw.code !== 'string') return null;
  return raw as unknown as Reason;
}

/** A stored outbox entry, or null when any field is not what this version writes. */
export function readStoredEntry(raw: unknown): OutboxEntry | null {
  if (!isRecord(raw)) return null;
  const task = readStoredTask(raw.task);
  const owner = readOwner(raw.owner);
  const reason = readReason(raw.reason);
  const ok =
    isId(raw.id) &&
    task !== null &&
    owner !== undefined &&
    reason !== null &&
    isTime(raw.startedAt) &&
    isTime(raw.stoppedAt) &&
    typeof raw.state === 'string' &&
    STATES.has(raw.state) &&
    isCount(raw.attempts) &&
    typeof raw.nextAttemptAt === 'number' &&
    (raw.lookupAfter === undefined || typeof raw.lookupAfter === 'number') &&
    (raw.lookupFirst === undefined || raw.lookupFirst === true);
  if (!ok) return null;
  return {
    id: raw.id as string,
    task,
    owner,
    startedAt: raw.startedAt as number,
    stoppedAt: raw.stoppedAt as number,
    state: raw.state as EntryState,
    attempts: raw.attempts as number,
    nextAttemptAt: raw.nextAttemptAt as number,
    ...(raw.lookupAfter === undefined ? {} : { lookupAfter: raw.lookupAfter as number }),
    ...(reason === undefined ? {} : { reason }),
    ...(raw.lookupFirst === true ? { lookupFirst: true as const } : {}),
  };
}

/** The stored timer, or null when it is not a shape this version writes. */
export function readStoredTimer(raw: unknown): TimerState | null {
  if (!isRecord(raw)) return null;
  if (raw.status === 'idle') {
    if (raw.discarded === undefined) return { status: 'idle' };
    const d = raw.discarded;
    const task = isRecord(d) ? readStoredTask(d.task) : null;
    const owner = isRecord(d) ? readOwner(d.owner) : undefined;
    if (!isRecord(d) || task === null || owner === undefined || !isTime(d.startedAt) || !isTime(d.at)) return null;
    return { status: 'idle', discarded: { task, owner, startedAt: d.startedAt, at: d.at } };
  }
  const task = readStoredTask(raw.task);
  const owner = readOwner(raw.owner);
  if (raw.status !== 'running' || task === null || owner === undefined || !isTime(raw.startedAt)) return null;
  return { status: 'running', task, owner, startedAt: raw.startedAt };
}

export function readStoredLogged(raw: unknown): LoggedEntry | null {
  if (!isRecord(raw)) return null;
  const task = readStoredTask(raw.task);
  const ok =
    isId(raw.entryId) &&
    task !== null &&
    (raw.corId === null || Number.isSafeInteger(raw.corId)) &&
    isTime(raw.startedAt) &&
    isTime(raw.stoppedAt) &&
    typeof raw.durationMs === 'number' &&
    isTime(raw.loggedAt);
  return ok ? ({ ...raw, task } as unknown as LoggedEntry) : null;
}

/** A list where every item must read; one bad item makes the list unreadable (and set aside whole). */
export function readList<T>(raw: unknown, readItem: (item: unknown) => T | null): T[] | null {
  if (!Array.isArray(raw)) return null;
  const items = raw.map(readItem);
  return items.every((i): i is T => i !== null) ? items : null;
}

/** What could still be made out of an unreadable entry or timer: enough to show it, maybe to send it. */
export interface Recovered {
  readonly taskId: number | null;
  readonly startedAt: number | null;
  readonly stoppedAt: number | null;
  /** Undefined: the value named no owner we can read (shown as an unknown account). */
  readonly owner?: Owner | null;
  /** Whether it may already be in COR (it was being sent or in doubt): a retry must look first. */
  readonly maybeInCor: boolean;
}

export function recover(raw: unknown): Recovered {
  const r = isRecord(raw) ? raw : {};
  const task = isRecord(r.task) ? r.task : {};
  const taskId = Number.isSafeInteger(task.id) && (task.id as number) > 0 ? (task.id as number) : null;
  const owner = readOwner(r.owner);
  return {
    taskId,
    startedAt: isTime(r.startedAt) ? r.startedAt : null,
    stoppedAt: isTime(r.stoppedAt) ? r.stoppedAt : null,
    ...(owner === undefined ? {} : { owner }),
    maybeInCor: r.state !== 'waiting' && r.state !== 'needs-attention' && r.status !== 'running',
  };
}

/** A stored value set aside because this version could not read it. Never deleted but by the person. */
export interface Quarantined {
  /** The key it was read from (`timer`, `entry:…`, `outbox`…). */
  readonly from: string;
  readonly raw: unknown;
  readonly recovered: Recovered;
  readonly at: number;
  /** Sent again as this entry id: only its removal is left to do. */
  readonly restoredAs?: string;
}

export function readQuarantined(raw: unknown): Quarantined | null {
  if (!isRecord(raw) || typeof raw.from !== 'string' || !isRecord(raw.recovered) || typeof raw.at !== 'number') {
    return null;
  }
  return raw as unknown as Quarantined;
}

/** Whether a person can send this again: it names a task and a span of time that runs forward. */
export function isRetryable(recovered: Recovered): boolean {
  return (
    recovered.taskId !== null &&
    recovered.startedAt !== null &&
    recovered.stoppedAt !== null &&
    recovered.stoppedAt > recovered.startedAt
  );
}
