import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

/** How long a list that moved under the pointer ignores clicks (the same span as the other doors' gate). */
export const LIST_SETTLE_MS = 500;

/**
 * Whether the list has stayed put long enough to take a click. After Stop the running section
 * collapses and a task row slides under the pointer, so the second click of a double click
 * would otherwise start that task. The list counts as moved when `contents` changes or the
 * page's size changes (anything above it grew or shrank).
 */
export function useListGate(contents: string): () => boolean {
  const movedAt = useRef(performance.now());
  useLayoutEffect(() => {
    movedAt.current = performance.now();
  }, [contents]);
  useEffect(() => {
    const observer = new ResizeObserver(() => {
      movedAt.current = performance.now();
    });
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  return () => performance.now() - movedAt.current >= LIST_SETTLE_MS;
}
