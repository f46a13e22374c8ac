/**
 * The popup's task picker, pure: which tasks to list, in which sections and order, for the
 * text typed so far; and which COR search answer may be shown (never a stale one).
 */
import { parseTaskInput } from './task-input';
import type { TaskRef } from './timer';

export type SectionKey = 'typed' | 'page' | 'pinned' | 'recent' | 'matches' | 'mine' | 'results';

export interface Section {
  readonly key: SectionKey;
  readonly tasks: readonly TaskRef[];
}

export interface PickerSources {
  /** Shown above the picker, so never listed again (unless its number is typed). */
  readonly running: TaskRef | null;
  /** The task of the COR page the popup was opened on. */
  readonly page?: TaskRef | null;
  readonly pinned: readonly TaskRef[];
  readonly recent: readonly TaskRef[];
  readonly mine: readonly TaskRef[];
}

/** Rendering thousands of rows would stall the popup; the search finds the rest. */
export const LIST_LIMIT = 60;

/** Lower-case, accents removed: "Diseño" matches "diseno", "Revisão" matches "revisao". */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}

export function sections(sources: PickerSources, query: string, remote: readonly TaskRef[] | null): Section[] {
  const seen = new Set<number>(sources.running === null ? [] : [sources.running.id]);
  const take = (tasks: readonly TaskRef[]) =>
    tasks.filter((t) => {
      if (seen.has(t.id)) return false;
      seen.add(t.id);
      return true;
    });
  const known = [sources.running, sources.page ?? null, ...sources.pinned, ...sources.recent, ...sources.mine].filter(
    (t): t is TaskRef => t !== null,
  );
  const needle = normalize(query);
  const built: Section[] =
    needle === ''
      ? [
          { key: 'page', tasks: take(sources.page ? [sources.page] : []) },
          { key: 'pinned', tasks: take(sources.pinned) },
          { key: 'recent', tasks: take(sources.recent) },
          { key: 'mine', tasks: take(sources.mine) },
        ]
      : [
          // A task named by its number is listed even while it runs; `add` marks it seen.
          { key: 'typed', tasks: typedTask(query, known).filter((t) => seen.add(t.id)) },
          {
            key: 'matches',
            tasks: take(known.filter((t) => t.title !== undefined && normalize(t.title).includes(needle))),
          },
          { key: 'results', tasks: take(remote ?? []) },
        ];
  return cap(built.filter((s) => s.tasks.length > 0));
}

/** `123`, `#123` or a task link names a task directly; use what we know of it. */
function typedTask(query: string, known: readonly TaskRef[]): TaskRef[] {
  const id = parseTaskInput(query);
  if (id === null) return [];
  return [known.find((t) => t.id === id) ?? { id }];
}

function cap(list: Section[]): Section[] {
  let room = LIST_LIMIT;
  return list
    .map((s) => {
      const tasks = s.tasks.slice(0, room);
      room -= tasks.length;
      return { ...s, tasks };
    })
    .filter((s) => s.tasks.length > 0);
}

/**
 * COR search answers arrive in any order. Each request carries a sequence number; an answer
 * is shown only if it answers the text in the box now and nothing newer has been shown.
 */
export interface SearchState {
  readonly query: string;
  readonly shown: { readonly seq: number; readonly query: string; readonly tasks: readonly TaskRef[] } | null;
  readonly failed: boolean;
}

export type SearchEvent =
  | { readonly type: 'typed'; readonly query: string }
  | { readonly type: 'answered'; readonly seq: number; readonly query: string; readonly tasks: readonly TaskRef[] }
  | { readonly type: 'failed'; readonly seq: number; readonly query: string };

export const EMPTY_SEARCH: SearchState = { query: '', shown: null, failed: false };

export function searchStep(state: SearchState, event: SearchEvent): SearchState {
  switch (event.type) {
    case 'typed':
      return { ...state, query: event.query, failed: false };
    case 'answered':
      if (event.query !== state.query || (state.shown !== null && event.seq < state.shown.seq)) return state;
      return { ...state, shown: { seq: event.seq, query: event.query, tasks: event.tasks }, failed: false };
    case 'failed':
      return event.query === state.query ? { ...state, failed: true } : state;
  }
}

/** The COR results that belong to what is typed now (none while the answer is pending). */
export function currentResults(state: SearchState): readonly TaskRef[] | null {
  return state.shown !== null && state.shown.query === state.query ? state.shown.tasks : null;
}

/** COR's title search is worth asking once there is something to search for that is not a task number. */
export function shouldSearchCor(query: string): boolean {
  return normalize(query).length >= 2 && parseTaskInput(query) === null;
}

export const SEARCH_DEBOUNCE_MS = 250;
