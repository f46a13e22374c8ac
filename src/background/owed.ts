/**
 * What a person is waiting for: the answer to a message, a door's command. The worker's start-up
 * side work (redraws, the heartbeat, a flush) waits until what was owed when it was due is done,
 * so the event that woke the worker is answered first (issue 14: wake → answer).
 */
const owed = new Set<Promise<unknown>>();

/** Counts `work` as owed until it settles; returns it unchanged (its failure is the caller's to surface). */
export function owe<T>(work: Promise<T>): Promise<T> {
  owed.add(work);
  const settled = () => void owed.delete(work);
  work.then(settled, settled);
  return work;
}

/**
 * Resolves once everything owed now (or arriving in this task: the waking event is dispatched
 * just after the worker's first run) has settled. Later arrivals do not hold it back.
 */
export async function answersOwed(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await Promise.allSettled([...owed]);
}
