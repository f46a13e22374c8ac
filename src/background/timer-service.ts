/** Applies timer events to stored state: one serialised read-modify-write, one atomic write. */
import { answerEvent, PRESENT, sameAway, type AwayAnswer, type AwayState } from '../core/away';
import { clockChangedDuring } from '../core/heartbeat';
import { lastStopBefore, queued } from '../core/outbox';
import { ownerOf } from '../core/owner';
import { rememberTask } from '../core/tasks';
import { durations } from '../core/time';
import {
  assertNever,
  transition,
  type StoppedEntry,
  type TaskRef,
  type TimerEvent,
  type TimerState,
} from '../core/timer';
import { clock } from '../platform/clock';
import { readItems, writeItems } from '../platform/storage-item';
import type { CommandError } from '../shared/protocol';
import {
  accountItem,
  awayItem,
  heartbeatItem,
  recentItem,
  recentTasksItem,
  settingsItem,
  timerItem,
} from '../shared/storage';
import { afterBeat, pulseOf, type BeatFound } from './heartbeat';
import { flushOutbox } from './outbox-flush';
import { entryWrite, readOutbox } from './outbox-store';
import { serial } from './serial';

type Intent<E> = E extends { owner: unknown } ? Omit<E, 'owner'> : E;

/** A timer event as the pages and the switchboard name it; the service adds what only storage knows. */
export type TimerIntent = (
  | Intent<Exclude<TimerEvent, { type: 'adjust-start' }>>
  | { readonly type: 'adjust-start'; readonly startedAt: number; readonly confirmed: boolean }
  /** The answer to "You were away": becomes the timer event it means (`core/away.ts`). */
  | { readonly type: 'answer-away'; readonly answer: AwayAnswer }
) & {
  /** From a door where nobody sees the entry's length (shortcut, icon, menu): long entries are held. */
  readonly outside?: boolean;
};

/** What an event did: the task it started and the entry it stopped (a switch does both). */
export type TimerOutcome =
  | { readonly ok: true; readonly started: TaskRef | null; readonly stopped: StoppedEntry | null }
  | { readonly ok: false; readonly error: CommandError };

export async function applyTimerEvent(intent: TimerIntent): Promise<TimerOutcome> {
  // The moment the person acted, not the moment the queue reached this event.
  const now = clock.now();
  const { outcome, found } = await serial(async () => {
    const [timer, recent, recentTasks, storedAway, storedHeartbeat, settings, account] = await readItems(
      timerItem,
      recentItem,
      recentTasksItem,
      awayItem,
      heartbeatItem,
      settingsItem,
      accountItem,
    );
    // The heartbeat every command runs first, on the same read: a gap since the last one (the
    // computer slept) is asked about before anything stops.
    const before = await pulseOf({ timer, away: storedAway, heartbeat: storedHeartbeat, settings }, now);
    const { away, heartbeat } = before;
    /**
     * One write for the beat and the command. A command that changes the timer also runs the beat
     * a timer change is (onTimeKeys) on the new timer, and writes its heartbeat with the change:
     * that tells onTimeKeys this change has had its beat.
     */
    const done = async (outcome: TimerOutcome, writes: Record<string, unknown>[] = [], left?: Left) => {
      const after = left && (await pulseOf({ ...left, heartbeat, settings }, now));
      await writeItems(
        ...before.writes,
        ...writes,
        ...(after ? [...after.writes, heartbeatItem.entry(after.heartbeat)] : []),
      );
      return { outcome, found: after ? bothFound(before.found, after.found) : before.found };
    };
    const fail = (error: CommandError) => done({ ok: false, error });
    const answering = intent.type === 'answer-away';
    if (answering && (away.question === null || timer.status !== 'running')) return fail('entry-gone');
    const event = await resolve(intent, { timer, recent, recentTasks, away, owner: ownerOf(account) });
    if (event !== null && 'error' in event) return fail(event.error);
    // "Keep the time": the question goes, the timer keeps its start.
    if (event === null) return done({ ok: true, started: null, stopped: null }, [awayItem.entry(PRESENT)]);
    const next = transition(timer, event, now, clock.newId);
    if (!next.ok) return fail(next.error);
    if (!next.changed) return done({ ok: true, started: null, stopped: next.stopped });
    // While "You were away" waits, no door decides it silently: only the answer stops the timer.
    if (next.stopped !== null && away.question !== null && !answering) return fail('away-pending');
    const check = {
      longerThanMs: intent.outside === true ? settings.remindAfterHours * durations.HOUR : null,
      clockChanged: timer.status === 'running' && clockChangedDuring(heartbeat, timer.startedAt),
    };
    // The question belongs to the timer that ran: answered, or gone with it.
    const nextAway = answering || next.timer.status === 'idle' ? PRESENT : away;
    // Started: running now where nothing ran, or a switch (a corrected start, a resumed split is not a new one).
    const started = !answering && next.timer.status === 'running' && (timer.status === 'idle' || next.stopped !== null);
    return done(
      { ok: true, started: started && next.timer.status === 'running' ? next.timer.task : null, stopped: next.stopped },
      // Stopping clears the timer and queues the entry in ONE write, before any network I/O.
      [
        timerItem.entry(next.timer),
        ...(next.stopped === null ? [] : [entryWrite(queued(next.stopped, now, check))]),
        ...(next.timer.status === 'running' ? [recentTasksItem.entry(rememberTask(recentTasks, next.timer.task))] : []),
        ...(sameAway(away, nextAway) ? [] : [awayItem.entry(nextAway)]),
      ],
      { timer: next.timer, away: nextAway },
    );
  });
  // The entry goes to COR first; what the beat found (its alarm, a question) comes after.
  if (outcome.ok && outcome.stopped !== null) void flushOutbox({ force: true });
  await afterBeat(found);
  return outcome;
}

/** The timer and away state a command leaves. */
interface Left {
  readonly timer: TimerState;
  readonly away: AwayState;
}

/** What the beats before and after a change found: the alarm as the new timer needs it. */
function bothFound(before: BeatFound, after: BeatFound): BeatFound {
  return {
    ...after,
    asked: before.asked || after.asked,
    remindLong: before.remindLong || after.remindLong,
    remindTrack: before.remindTrack || after.remindTrack,
  };
}

interface Known {
  readonly timer: Awaited<ReturnType<typeof timerItem.get>>;
  readonly recent: Awaited<ReturnType<typeof recentItem.get>>;
  readonly recentTasks: readonly TaskRef[];
  readonly away: Awaited<ReturnType<typeof awayItem.get>>;
  readonly owner: ReturnType<typeof ownerOf>;
}

/**
 * The event with what storage knows: who starts it, the last task, the previous entry's stop,
 * what an answer to "You were away" means. Null: nothing to apply ("Keep the time").
 */
async function resolve(intent: TimerIntent, known: Known): Promise<TimerEvent | null | { error: CommandError }> {
  const { timer, recent, recentTasks, away, owner } = known;
  switch (intent.type) {
    case 'answer-away':
      return timer.status === 'running' ? answerEvent(away.question!, intent.answer, timer.startedAt) : null;
    case 'adjust-start': {
      // A new start may not silently overlap the entry logged just before this timer.
      const earliest = timer.status === 'running' ? lastStopBefore(await readOutbox(), recent, timer.startedAt) : null;
      return { ...intent, earliest };
    }
    case 'start':
    case 'start-or-stop':
      // Stopping the very task that runs needs nobody signed in; starting one does.
      if (owner !== null) return { ...intent, owner };
      if (intent.type === 'start-or-stop' && timer.status === 'running' && timer.task.id === intent.task.id) {
        return { type: 'stop' };
      }
      return { error: 'signed-out' };
    case 'toggle':
      // A toggle with no task named starts the last task used.
      return { ...intent, task: intent.task ?? recentTasks[0], owner };
    case 'stop':
    case 'discard':
    case 'undo-discard':
    case 'stop-at':
    case 'split':
      return intent;
    default:
      return assertNever(intent);
  }
}
