/**
 * Whether a stopped entry may go to COR as it is, or must wait for the person in Needs
 * attention: its times cannot be right (the clock changed while the timer ran), or it is
 * longer than the person's limit and was stopped where nobody could see its length.
 */
import type { ReasonCode } from './cor-response';
import type { StoppedEntry } from './timer';

export interface EntryCheck {
  /** Hold entries longer than this (ms); null: no limit applies (the popup showed the length). */
  readonly longerThanMs?: number | null;
  /** The wall clock went backwards while this timer ran (a negative heartbeat gap). */
  readonly clockChanged?: boolean;
}

export function holdReason(entry: StoppedEntry, check: EntryCheck = {}): ReasonCode | null {
  if (entry.stoppedAt <= entry.startedAt || check.clockChanged === true) return 'clock-jumped';
  const limit = check.longerThanMs ?? null;
  if (limit !== null && entry.stoppedAt - entry.startedAt > limit) return 'long-entry';
  return null;
}
