/**
 * The picker's data: cached tasks at once, COR's title search (debounced, stale answers
 * dropped by core/task-search), and a COR lookup of a typed task number.
 */
import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { parseTaskInput } from '../core/task-input';
import {
  currentResults,
  EMPTY_SEARCH,
  SEARCH_DEBOUNCE_MS,
  searchStep,
  sections,
  shouldSearchCor,
  type PickerSources,
  type Section,
} from '../core/task-search';
import type { TaskRef } from '../core/timer';
import { send } from '../platform/messaging';

export type Lookup = { readonly id: number; readonly state: 'pending' | 'not-found' | 'unknown' | 'found' };

export function useTaskSearch(sources: PickerSources, query: string) {
  const [search, step] = useReducer(searchStep, EMPTY_SEARCH);
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const [found, setFound] = useState<TaskRef | null>(null);
  const seq = useRef(0);

  useEffect(() => step({ type: 'typed', query }), [query]);

  useEffect(() => {
    if (!shouldSearchCor(query)) return undefined;
    const timer = setTimeout(() => {
      const mine = ++seq.current;
      send('tasks.search', { query })
        .then((answer) =>
          step(
            answer.ok
              ? { type: 'answered', seq: mine, query, tasks: answer.tasks }
              : { type: 'failed', seq: mine, query },
          ),
        )
        .catch(() => step({ type: 'failed', seq: mine, query }));
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const typedId = parseTaskInput(query);
  useEffect(() => {
    if (typedId === null) return undefined;
    let live = true;
    setLookup({ id: typedId, state: 'pending' });
    void send('tasks.lookup', { id: typedId }).then((answer) => {
      if (!live) return;
      setLookup({ id: typedId, state: answer.ok ? 'found' : answer.error });
      if (answer.ok) setFound(answer.task);
    });
    return () => {
      live = false;
    };
  }, [typedId]);

  const list: Section[] = useMemo(() => {
    const withFound =
      found !== null && found.id === typedId ? { ...sources, recent: [found, ...sources.recent] } : sources;
    return sections(withFound, query, currentResults(search));
  }, [sources, query, search, found, typedId]);

  const searching = shouldSearchCor(query) && currentResults(search) === null && !search.failed;
  return { sections: list, searching, failed: search.failed, lookup: lookup?.id === typedId ? lookup : null };
}
