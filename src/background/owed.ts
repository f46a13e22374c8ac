/**
 * What a person is waiting for: the answer to a message, a door's command. The worker's start-up
 * side work (redraws, the heartbeat, a flush) waits until what was owed when it was due is done,
 * so the event that woke the worker is answered first (issue 14: wake → answer).
 */
const owed = new Set<Promise<unknown>>();

/**
 * The longest the side work waits: an answer that waits on COR or on the person (a sign-in, a
 * task search) must not hold the toolbar's redraw and the outbox's flush back.
 */
export const MAX_WAIT_MS = 1_000;

/** Counts `work` as owed until it settles; returns it unchanged (its failure is the caller's to surface). */
export function owe<T>(work: Promise<T>): Promise<T> {
  owed.add(work);
  const settled = () => void owed.delete(work);
  work.then(settled, settled);
  return work;
}

/**
 * Resolves once everything owed now (or arriving in this task: the waking event is dispatched
 * just after the worker's first run) has settled, or after MAX_WAIT_MS. Later arrivals do not
 * hold it back.
 */
export async function answersOwed(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await Promise.race([Promise.allSettled([...owed]), new Promise((resolve) => setTimeout(resolve, MAX_WAIT_MS))]);
}
