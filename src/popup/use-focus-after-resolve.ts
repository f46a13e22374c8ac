import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * When an entry leaves Needs attention (Retry, Move, Discard entry), the button the person used
 * is gone and the focus would fall to the page: it goes to the next entry's first button, or,
 * when none is left, to the search box. `ids` lists the entries shown.
 */
export function useFocusAfterResolve(ids: readonly string[]) {
  const list = useRef<HTMLUListElement>(null);
  const before = useRef(ids.length);
  const key = ids.join();
  useLayoutEffect(() => {
    const shrank = before.current > ids.length;
    before.current = ids.length;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (!shrank || !lost) return;
    const next = list.current?.querySelector<HTMLElement>('button') ?? document.getElementById('task-search');
    next?.focus();
  }, [key]);
  return list;
}
