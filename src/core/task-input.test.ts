import { describe, expect, it } from 'vitest';
import { isCorAppHost, parseTaskInput, taskIdFromUrl } from './task-input';

describe('what a person types for a task', () => {
  it.each([
    ['123', 123],
    [' 123 ', 123],
    ['#123', 123],
    ['# 123', 123],
    ['https://acme.cor.works/tasks/123', 123],
    ['0', null],
    ['-5', null],
    ['12a', null],
    ['', null],
    ['9007199254740993', null],
  ])('%j → %s', (input, id) => expect(parseTaskInput(input)).toBe(id));
});

describe('task links', () => {
  it.each([
    ['https://acme.cor.works/tasks/123', 123],
    ['https://acme.cor.works/tasks/123/', 123],
    ['https://acme.cor.works/tasks/123?tab=hours', 123],
    ['https://acme.cor.works/tasks/123#comments', 123],
    ['https://acme.cor.works/#/tasks/123', 123],
    ['https://acme.cor.works/#/tasks/123?x=1', 123],
    ['https://ACME.cor.works/tasks/42', 42],
    ['https://acme.cor.works/projects/9/tasks/77', 77],
    ['https://acme.cor.works/tasks/0', null],
    ['https://acme.cor.works/tasks/abc', null],
    ['https://acme.cor.works/tasks/123abc', null],
    ['https://acme.cor.works/projects/123', null],
    ['http://acme.cor.works/tasks/123', null],
    ['https://cor.works/tasks/123', null],
    ['https://acme.cor.works.evil.com/tasks/123', null],
    ['https://evil.com/acme.cor.works/tasks/123', null],
    ['https://a.b.cor.works/tasks/123', null],
    ['https://user:pw@acme.cor.works/tasks/123', null],
    ['https://acme.cor.works/tasks/99999999999999999999', null],
    ['not a url', null],
  ])('%s → %s', (url, id) => expect(taskIdFromUrl(url)).toBe(id));

  it('accepts only one-label company hosts under cor.works', () => {
    expect(isCorAppHost('acme-2.cor.works')).toBe(true);
    expect(isCorAppHost('-acme.cor.works')).toBe(false);
    expect(isCorAppHost('cor.works')).toBe(false);
  });
});
