/**
 * The worker's pulse while it matters: the last moment it saw (`lastSeen`) and what it already
 * told the person. Sleep, a closed browser or a crash leave no idle event, only a gap between
 * heartbeats; a heartbeat earlier than the last one means the wall clock went back.
 */

/** Whether to remind about not tracking (core/reminders.ts decides it). */
export interface TrackState {
  /** Active, without a timer, within the hours, since this moment; null when not. */
  readonly activeSince: number | null;
  readonly remindedAt: number | null;
}

export const NOT_TRACKING: TrackState = { activeSince: null, remindedAt: null };

export interface Heartbeat {
  readonly lastSeen: number | null;
  /** The start of the timer during which the wall clock went back: its entry's times need checking. */
  readonly clockChangedFor: number | null;
  /** The start of the timer already reminded as long-running (once per timer). */
  readonly remindedFor: number | null;
  readonly track: TrackState;
}

export const NO_HEARTBEAT: Heartbeat = {
  lastSeen: null,
  clockChangedFor: null,
  remindedFor: null,
  track: NOT_TRACKING,
};

/**
 * Whether the timer started at `startedAt` ran while the wall clock went back. The worker beats
 * just before every timer command, so a jump back since the last beat is already marked here.
 */
export function clockChangedDuring(heartbeat: Heartbeat, startedAt: number): boolean {
  return heartbeat.clockChangedFor === startedAt;
}
