import { useEffect, useState } from 'preact/hooks';
import type { ReadableItem } from '../platform/storage-item';

/** The item's current value (undefined until first read), re-rendered on every change. */
export function useItem<T>(item: ReadableItem<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    item.watch(setValue, controller.signal);
    void item.get().then((v) => {
      if (!controller.signal.aborted) setValue(v);
    });
    return () => controller.abort();
  }, [item]);
  return value;
}
