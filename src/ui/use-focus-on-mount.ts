import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Focus for an element that appears after the page loaded (a question, a form revealed by a
 * button). The `autofocus` attribute does not do this: browsers honour it once per document.
 * The element is focused when the component mounts and whenever `shownFor` changes, in the
 * same commit that shows it (a layout effect): a key pressed the moment a question appears
 * reaches its safe answer, not the page.
 */
export function useFocusOnMount<T extends HTMLElement>(shownFor: unknown = null) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => ref.current?.focus(), [shownFor]);
  return ref;
}
