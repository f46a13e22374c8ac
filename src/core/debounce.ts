/**
 * The toggle gate: a toggle within the window after an accepted timer command is ignored (a
 * double press, a bouncing key, a shortcut and an icon click at once, the popup's Stop and the
 * shortcut together). Only toggles are gated: a command that names what it does (the popup's
 * Start or Stop, a task's menu item) always goes through, and moves the window. Pure: the
 * caller keeps the last accepted moment and passes the time in.
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

/** Any timer command: a toggle is gated; any other is accepted and moves the window to `now`. */
export function gateCommand(lastAcceptedAt: number | null, isToggle: boolean, now: number): GateDecision {
  return isToggle ? gateToggle(lastAcceptedAt, now) : { accept: true, lastAcceptedAt: now };
}
