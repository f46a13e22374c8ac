import { describe, expect, it } from 'vitest';
import {
  currentResults,
  EMPTY_SEARCH,
  LIST_LIMIT,
  normalize,
  searchStep,
  sections,
  shouldSearchCor,
} from './task-search';
import type { TaskRef } from './timer';

const task = (id: number, title: string): TaskRef => ({ id, title });
const design = task(1001, 'Diseño de campaña — Día del Niño 🎈');
const budget = task(1003, 'Revisão do orçamento 📊');
const content = task(1002, 'Armado de contenido v1');
const report = task(1007, 'Monthly report');

const sources = {
  running: design,
  pinned: [budget, design],
  recent: [content, budget, design],
  mine: [report, content],
};
const ids = (list: ReturnType<typeof sections>) => list.map((s) => [s.key, s.tasks.map((t) => t.id)]);

describe('task picker sections', () => {
  it('before typing: pinned, recent, then my tasks, each task once; the running task is not listed again', () => {
    expect(ids(sections(sources, '', null))).toEqual([
      ['pinned', [1003]],
      ['recent', [1002]],
      ['mine', [1007]],
    ]);
  });

  it("the COR page the popup opened on comes first, as 'This page'", () => {
    const page = task(1010, 'Task of this page');
    expect(ids(sections({ ...sources, page }, '', null))[0]).toEqual(['page', [1010]]);
    expect(ids(sections({ ...sources, page: budget }, '', null)).slice(0, 2)).toEqual([
      ['page', [1003]],
      ['recent', [1002]],
    ]);
  });

  it('typing matches known titles at once, accent- and case-insensitively', () => {
    expect(ids(sections({ ...sources, running: null }, 'DISENO', null))).toEqual([['matches', [1001]]]);
    expect(ids(sections(sources, 'DISENO', null))).toEqual([]);
    expect(ids(sections(sources, 'orcamento', null))).toEqual([['matches', [1003]]]);
  });

  it('COR’s answer is added below the instant matches, without repeats', () => {
    expect(ids(sections(sources, 'con', [content, task(1050, 'Contenido nuevo')]))).toEqual([
      ['matches', [1002]],
      ['results', [1050]],
    ]);
  });

  it('a typed number or task link names the task, with its title when known', () => {
    expect(sections(sources, '#1003', null)[0]).toEqual({ key: 'typed', tasks: [budget] });
    expect(sections(sources, 'https://acme.cor.works/tasks/4242', null)[0]).toEqual({
      key: 'typed',
      tasks: [{ id: 4242 }],
    });
  });

  it(`never lists more than ${LIST_LIMIT} tasks`, () => {
    const many = Array.from({ length: 3000 }, (_, i) => task(100_000 + i, `Generated task ${i}`));
    const list = sections({ running: null, pinned: [], recent: [], mine: many }, '', null);
    expect(list.flatMap((s) => s.tasks)).toHaveLength(LIST_LIMIT);
    expect(
      sections({ running: null, pinned: [], recent: [], mine: many }, 'generated', many).flatMap((s) => s.tasks),
    ).toHaveLength(LIST_LIMIT);
  });

  it('normalises text for matching', () => {
    expect(normalize('  Revisão DO Orçamento ')).toBe('revisao do orcamento');
  });
});

describe('COR search answers', () => {
  it('shows the answer to what is typed now, and never a stale one', () => {
    let state = searchStep(EMPTY_SEARCH, { type: 'typed', query: 'di' });
    state = searchStep(state, { type: 'typed', query: 'dis' });
    // The answer for "di" (seq 1) arrives after "dis" was typed: ignored.
    state = searchStep(state, { type: 'answered', seq: 1, query: 'di', tasks: [content] });
    expect(currentResults(state)).toBeNull();
    state = searchStep(state, { type: 'answered', seq: 3, query: 'dis', tasks: [design] });
    // An older answer for the same text cannot replace a newer one.
    state = searchStep(state, { type: 'answered', seq: 2, query: 'dis', tasks: [budget] });
    expect(currentResults(state)).toEqual([design]);
    state = searchStep(state, { type: 'typed', query: 'disx' });
    expect(currentResults(state)).toBeNull();
  });

  it('remembers a failure only for the text it was about', () => {
    let state = searchStep(EMPTY_SEARCH, { type: 'typed', query: 'abc' });
    state = searchStep(state, { type: 'failed', seq: 1, query: 'ab' });
    expect(state.failed).toBe(false);
    state = searchStep(state, { type: 'failed', seq: 2, query: 'abc' });
    expect(state.failed).toBe(true);
  });

  it('asks COR only for text worth searching', () => {
    expect(shouldSearchCor('d')).toBe(false);
    expect(shouldSearchCor('#12')).toBe(false);
    expect(shouldSearchCor('di')).toBe(true);
  });
});
