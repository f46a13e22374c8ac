/**
 * Read-modify-write sections of storage run one at a time: a double click, a shortcut and a
 * menu click arriving together must not interleave. Sections hold no network I/O, so the chain
 * never waits on COR. (A chain, not state: losing it with the worker loses nothing.)
 */
export function makeSerial(): <T>(section: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(section: () => Promise<T>): Promise<T> => {
    const run = tail.then(section, section);
    tail = run.catch(() => undefined);
    return run;
  };
}

export const serial = makeSerial();
