import { useEffect, useRef } from 'preact/hooks';

/**
 * Focus for an element that appears after the page loaded (a question, a form revealed by a
 * button). The `autofocus` attribute does not do this: browsers honour it once per document.
 * The element is focused when the component mounts and whenever `shownFor` changes.
 */
export function useFocusOnMount<T extends HTMLElement>(shownFor: unknown = null) {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), [shownFor]);
  return ref;
}
