import { describe, expect, it } from 'vitest';
import { cutText, MAX_NAME_LENGTH, MAX_TITLE_LENGTH } from './cor-text';
import { loggedFromHour } from './hours';
import { readTask, readTaskList, toTaskRef } from './tasks';

describe('text from COR is cut to a sane length', () => {
  it.each([
    ['short text is kept as is', 'Armado de contenido v1', 30, 'Armado de contenido v1'],
    ['text of exactly the limit is kept', 'abcde', 5, 'abcde'],
    ['longer text ends in an ellipsis within the limit', 'abcdefgh', 5, 'abcd…'],
    ['an emoji is never cut in half', 'abc🎈🎈', 5, 'abc…'],
    ['an empty string stays empty', '', 5, ''],
  ])('%s', (_name, text, max, expected) => {
    const cut = cutText(text, max);
    expect(cut).toBe(expected);
    expect(cut.length).toBeLessThanOrEqual(max);
  });

  it('titles keep 500 characters, names 200', () => {
    expect(cutText('x'.repeat(1_000_000), MAX_TITLE_LENGTH)).toHaveLength(500);
    expect(cutText('y'.repeat(201), MAX_NAME_LENGTH)).toBe(`${'y'.repeat(199)}…`);
  });
});

describe('where COR answers are read, its text arrives cut', () => {
  const huge = (c: string) => c.repeat(3_000_000);

  it('a task from a list or a lookup, and what the timer keeps of it', () => {
    const json = { id: 7, title: huge('t'), project: { name: huge('p'), client: { name: huge('c') } } };
    const task = readTask(json)!;
    expect([task.title.length, task.project?.length, task.client?.length]).toEqual([500, 200, 200]);
    expect(readTaskList([json])!.tasks[0]).toEqual(task);
    const ref = toTaskRef(task);
    expect(JSON.stringify(ref).length).toBeLessThan(1_000);
  });

  it('the title COR sends back with a logged hour', () => {
    const entry = { id: 'e1', task: { id: 7 }, owner: null, startedAt: 0, stoppedAt: 60_000 };
    const logged = loggedFromHour(entry, { id: 1, task: { title: huge('t') } }, 60_000);
    expect(logged.task.title).toHaveLength(MAX_TITLE_LENGTH);
  });
});
