import { useEffect, useState } from 'preact/hooks';

/** The current time, ticking on each whole second while `active`: the popup's clock, not the worker's. */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    let timeout: ReturnType<typeof setTimeout>;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      timeout = setTimeout(tick, 1000 - (current % 1000));
    };
    tick();
    return () => clearTimeout(timeout);
  }, [active]);
  return now;
}
