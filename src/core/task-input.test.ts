import { describe, expect, it } from 'vitest';
import { isCorAppHost, parseTaskInput, taskIdFromMenuClick, taskIdFromUrl } from './task-input';

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
    ['https://acme.cor.works/tasks/2147483648', 2147483648],
    ['https://acme.cor.works/tasks/9007199254740991', 9007199254740991],
    ['https://acme.cor.works/tasks/9007199254740992', null],
    ['https://acme.cor.works/tasks/007', 7],
    ['https://acme.cor.works/tasks/-3', null],
    ['https://acme.cor.works/tasks/1.5', null],
    ['https://acme.cor.works/tasks/', null],
    ['https://acme.cor.works/tasks', null],
    ['https://acme.cor.works/tasks/123/hours', 123],
    ['https://acme.cor.works/tasks/123?from=/tasks/456', 123],
    ['https://acme.cor.works/#!/tasks/88', 88],
    ['https://acme.cor.works/#/tasks/88/', 88],
    ['https://acme.cor.works/?task=/tasks/5', null],
    ['https://acme.cor.works:443/tasks/12', 12],
    ['https://acme.cor.works./tasks/12', null],
    ['https://acmecor.works/tasks/12', null],
    ['https://acme-cor.works/tasks/12', null],
    ['https://cor.works.acme.com/tasks/12', null],
    ['https://xn--acm-cma.cor.works/tasks/12', 12],
    ['https://app.projectcor.com/tasks/12', null],
    ['javascript:alert(1)//acme.cor.works/tasks/1', null],
    ['not a url', null],
  ])('%s → %s', (url, id) => expect(taskIdFromUrl(url)).toBe(id));

  it('accepts only one-label company hosts under cor.works', () => {
    expect(isCorAppHost('acme-2.cor.works')).toBe(true);
    expect(isCorAppHost('-acme.cor.works')).toBe(false);
    expect(isCorAppHost('cor.works')).toBe(false);
  });
});

describe('context-menu clicks: the link first, else the page', () => {
  const task = 'https://acme.cor.works/tasks/123';
  const other = 'https://acme.cor.works/tasks/456/';
  it.each([
    ['a task link on any page', { linkUrl: task, pageUrl: 'https://mail.example/inbox' }, 123],
    ['a task link on another task page', { linkUrl: other, pageUrl: task }, 456],
    ['no link: the task page itself', { pageUrl: task }, 123],
    ['a hash-route task page', { pageUrl: 'https://acme.cor.works/#/tasks/77?tab=hours' }, 77],
    ['a non-task link on a task page: the page', { linkUrl: 'https://acme.cor.works/tasks', pageUrl: task }, 123],
    ['a foreign link on a task page: the page', { linkUrl: 'https://example.com/tasks/9', pageUrl: task }, 123],
    [
      'a lookalike link on a foreign page',
      { linkUrl: 'https://acme.cor.works.evil.com/tasks/1', pageUrl: 'https://evil.com/' },
      null,
    ],
    ['a COR page that is not a task', { pageUrl: 'https://acme.cor.works/projects/9' }, null],
    ['tasks/0', { pageUrl: 'https://acme.cor.works/tasks/0' }, null],
    ['tasks/abc', { linkUrl: 'https://acme.cor.works/tasks/abc' }, null],
    ['nothing at all', {}, null],
  ])('%s', (_name, click, id) => expect(taskIdFromMenuClick(click)).toBe(id));
});
