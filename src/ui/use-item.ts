import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReadableItem } from '../platform/storage-item';
import { storageSnapshot } from '../platform/storage-snapshot';

/**
 * The item's current value, re-rendered on every change. A page that read a storage snapshot
 * first (the popup) has it from the first render; otherwise it is undefined until first read.
 */
export function useItem<T>(item: ReadableItem<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>(() => {
    const snapshot = storageSnapshot();
    return snapshot === null ? undefined : item.readStored(snapshot.values);
  });
  const renderedAt = useRef(storageSnapshot()?.version);
  useEffect(() => {
    const controller = new AbortController();
    const snapshot = storageSnapshot();
    if (snapshot !== null) {
      snapshot.subscribe((keys) => {
        if (keys.some((key) => item.owns(key))) setValue(item.readStored(snapshot.values));
      }, controller.signal);
      // A change between the first render and this effect (which Preact runs after a frame).
      if (snapshot.version !== renderedAt.current) setValue(item.readStored(snapshot.values));
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
