/** The stored `away` state (core/away.ts decides it): what the pages read of time away. */

/** The stored `away` state for the running timer. */
export interface AwayState {
  /** The person left at this moment and has not come back yet (idle or locked); null when present. */
  readonly departedAt: number | null;
  /** The question waiting for an answer: from the first departure to the last return; null when none. */
  readonly question: AwaySpan | null;
}

export interface AwaySpan {
  readonly leftAt: number;
  readonly backAt: number;
}

export const PRESENT: AwayState = { departedAt: null, question: null };
