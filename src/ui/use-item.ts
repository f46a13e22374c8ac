import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReadableItem } from '../platform/storage-item';
import type { Snapshot } from '../platform/storage-snapshot';

let snapshot: Snapshot | null = null;

/**
 * Hands `useItem` the page's storage snapshot (the popup's: popup/main.tsx), before the first render.
 * Pages that hand none (options) read each item on its own; they do not load the snapshot's code.
 */
export function drawFromSnapshot(read: Snapshot): void {
  snapshot = read;
}

/**
 * The item's current value, re-rendered on every change. A page that read a storage snapshot
 * first (the popup) has it from the first render; otherwise it is undefined until first read.
 */
export function useItem<T>(item: ReadableItem<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>(() =>
    snapshot === null ? undefined : item.readStored(snapshot.values),
  );
  const renderedAt = useRef(snapshot?.version);
  useEffect(() => {
    const controller = new AbortController();
    const shared = snapshot;
    if (shared !== null) {
      shared.subscribe((keys) => {
        if (keys.some((key) => item.owns(key))) setValue(item.readStored(shared.values));
      }, controller.signal);
      // A change between the first render and this effect (which Preact runs after a frame).
      if (shared.version !== renderedAt.current) setValue(item.readStored(shared.values));
      return () => controller.abort();
    }
    item.watch(setValue, controller.signal);
    void item.get().then((v) => {
      if (!controller.signal.aborted) setValue(v);
    });
    return () => controller.abort();
  }, [item]);
  return value;
}
