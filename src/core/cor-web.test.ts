import { describe, expect, it } from 'vitest';
import { companyOfTaskPage, isCompany, taskWebUrl } from './cor-web';

describe('a company as stored', () => {
  it.each([
    ['acme', true],
    ['my-company2', true],
    ['a', true],
    ['ACME', false],
    ['acme.cor.works', false],
    ['evil.com/x', false],
    ['acme/../x', false],
    ['-acme', false],
    ['acme-', false],
    ['ac me', false],
    ['', false],
    ['a'.repeat(64), false],
    [null, false],
    [42, false],
    [{ toString: () => 'acme' }, false],
  ])('%j → %s', (value, ok) => expect(isCompany(value)).toBe(ok));
});

describe('the company a task page belongs to', () => {
  it.each([
    ['https://acme.cor.works/tasks/123', 'acme'],
    ['https://ACME.cor.works/tasks/123/', 'acme'],
    ['https://acme.cor.works/#/tasks/123?tab=hours', 'acme'],
    ['https://acme.cor.works/projects/9/tasks/123', 'acme'],
    // Not a task page, not COR's, not https, or a look-alike host.
    ['https://acme.cor.works/tasks', null],
    ['https://acme.cor.works/', null],
    ['http://acme.cor.works/tasks/123', null],
    ['https://acme.cor.works.evil.com/tasks/123', null],
    ['https://evil.com/acme.cor.works/tasks/123', null],
    ['https://a.b.cor.works/tasks/123', null],
    ['https://cor.works/tasks/123', null],
    ['https://user:pw@acme.cor.works/tasks/123', null],
    ['not a url', null],
  ])('%s → %s', (url, company) => expect(companyOfTaskPage(url)).toBe(company));
});

describe('the link to a task in COR', () => {
  it('is the company’s task page', () => {
    expect(taskWebUrl('acme', 1001)).toBe('https://acme.cor.works/tasks/1001');
    expect(taskWebUrl('my-co', 9_007_199_254_740_991)).toBe('https://my-co.cor.works/tasks/9007199254740991');
  });

  it.each([
    // Whatever reached storage, only a validated company makes a link.
    ['evil.com/x', 1],
    ['evil.com#', 1],
    ['acme.cor.works', 1],
    ['javascript:alert(1)//', 1],
    ['acme@evil.com', 1],
    ['ACME', 1],
    ['', 1],
    [null, 1],
    [undefined, 1],
    // And only a task id.
    ['acme', 0],
    ['acme', -1],
    ['acme', 1.5],
    ['acme', Number.NaN],
    ['acme', 2 ** 53],
  ])('none for %j and task %s', (company, id) => expect(taskWebUrl(company, id)).toBeNull());
});
