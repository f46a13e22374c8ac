/**
 * The toggle gate: a second toggle within the window after an accepted one is ignored (a
 * double press, a bouncing key, a shortcut and an icon click at once). Pure: the caller keeps
 * the last accepted moment and passes the time in.
 */
export const TOGGLE_WINDOW_MS = 500;

export interface GateDecision {
  readonly accept: boolean;
  /** What the caller keeps for the next press. */
  readonly lastAcceptedAt: number | null;
}

export function gateToggle(lastAcceptedAt: number | null, now: number, windowMs = TOGGLE_WINDOW_MS): GateDecision {
  // A clock that went back (now < last) must not lock the person out, so only a forward gap counts.
  const tooSoon = lastAcceptedAt !== null && now >= lastAcceptedAt && now - lastAcceptedAt < windowMs;
  return tooSoon ? { accept: false, lastAcceptedAt } : { accept: true, lastAcceptedAt: now };
}
