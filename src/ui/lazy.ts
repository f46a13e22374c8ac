import { h, type ComponentType, type FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type Lazy<P> = FunctionComponent<P> & {
  /** Starts loading (once); resolves when the component is in. */
  preload(): Promise<unknown>;
};

/**
 * A component loaded with `import()` the first time it is rendered (or preloaded), for pages only
 * (a service worker cannot import dynamically): what the state rarely needs stays out of the
 * page's first load. It draws nothing until its module is in — a few milliseconds from the
 * extension's own files — then draws as itself. Lighter than preact/compat's lazy + Suspense.
 */
export function lazy<P>(load: () => Promise<ComponentType<P>>): Lazy<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<unknown> | null = null;
  const preload = () =>
    (loading ??= load().then((component) => {
      loaded = component;
    }));
  const Component = (props: P) => {
    const [shown, setShown] = useState(() => loaded);
    // Started while rendering, not in the effect (which Preact runs a frame later).
    if (shown === null) void preload();
    useEffect(() => {
      let live = true;
      if (shown === null) void preload().then(() => live && setShown(() => loaded));
      return () => {
        live = false;
      };
    }, [shown]);
    return shown === null ? null : h(shown, props as P & object);
  };
  return Object.assign(Component, { preload });
}
