import { describe, expect, it } from 'vitest';
import { classify, corMessage, UNAVAILABLE_WAIT_MS, type HttpResult } from './cor-response';
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from './retry-after';

const NOW = Date.UTC(2026, 10, 28, 12);
const response = (status: number, body: unknown, retryAfter: string | null = null): HttpResult => ({
  kind: 'response',
  status,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  retryAfter,
});

describe('classify: every COR answer falls in exactly one class', () => {
  it.each<[string, HttpResult, unknown]>([
    ['200 with an Hour', response(200, { id: 7 }), { class: 'ok', data: { id: 7 } }],
    // A 2xx means COR took the entry even if the body is unreadable: treating it as a failure would book it twice.
    ['200 with malformed JSON', response(200, '{"id": 12,'), { class: 'ok', data: undefined }],
    [
      '401 Unauthorized',
      response(401, { error: 401, message: 'Unauthorized' }),
      { class: 'auth', reason: { code: 'unauthorized', status: 401, message: 'Unauthorized' } },
    ],
    [
      '500 CORErrorResponse',
      response(500, { status: 'ERROR', code: 'FS003', message: 'Internal error' }),
      {
        class: 'retryable',
        reason: { code: 'server-error', status: 500, message: 'Internal error' },
        outcomeUnknown: false,
      },
    ],
    [
      '502 HTML error page',
      response(502, '<html><body><h1>Bad gateway</h1></body></html>'),
      { class: 'retryable', reason: { code: 'server-error', status: 502 }, outcomeUnknown: false },
    ],
    [
      '503 waits about five minutes',
      response(503, ''),
      {
        class: 'retryable',
        reason: { code: 'unavailable', status: 503 },
        outcomeUnknown: false,
        retryAfterMs: UNAVAILABLE_WAIT_MS,
      },
    ],
    [
      '429 with Retry-After',
      response(429, { error: 429, message: 'Too Many Requests' }, '7'),
      {
        class: 'retryable',
        reason: { code: 'rate-limited', status: 429, message: 'Too Many Requests' },
        outcomeUnknown: false,
        retryAfterMs: 7000,
      },
    ],
    [
      '417 validation array',
      response(417, [{ field: 'stop', validation: 'after', message: 'after validation failed on stop' }]),
      { class: 'rejected', reason: { code: 'rejected', status: 417, message: 'after validation failed on stop' } },
    ],
    [
      '417 unknown task',
      response(417, [
        { field: 'task_log_id', validation: 'exists', message: 'exists validation failed on task_log_id' },
      ]),
      {
        class: 'rejected',
        reason: { code: 'task-not-found', status: 417, message: 'exists validation failed on task_log_id' },
      },
    ],
    [
      '404',
      response(404, { error: 404, message: 'Task not found' }),
      { class: 'rejected', reason: { code: 'task-not-found', status: 404, message: 'Task not found' } },
    ],
    [
      '400 CORCustomError',
      response(400, { status: 400, name: 'CORCustomError', code: 'PC001', message: 'The task is finished' }),
      { class: 'rejected', reason: { code: 'rejected', status: 400, message: 'The task is finished' } },
    ],
    ['403', response(403, ''), { class: 'rejected', reason: { code: 'forbidden', status: 403 } }],
    [
      'timeout: COR may have it',
      { kind: 'timeout' },
      { class: 'retryable', reason: { code: 'timeout' }, outcomeUnknown: true },
    ],
    [
      'connection failed: COR may have it',
      { kind: 'network-error' },
      { class: 'retryable', reason: { code: 'network' }, outcomeUnknown: true },
    ],
    [
      'offline: nothing was sent',
      { kind: 'offline' },
      { class: 'retryable', reason: { code: 'offline' }, outcomeUnknown: false },
    ],
    [
      'a request the browser would not build: nothing was sent, nothing to look up',
      { kind: 'not-sent' },
      { class: 'retryable', reason: { code: 'not-sent' }, outcomeUnknown: false },
    ],
    [
      'the browser may not reach COR (Firefox host permission): said so, and still in doubt',
      { kind: 'not-allowed' },
      { class: 'retryable', reason: { code: 'not-allowed' }, outcomeUnknown: true },
    ],
  ])('%s', (_name, result, expected) => {
    expect(classify(result, NOW)).toEqual(expected);
  });
});

describe('COR error messages', () => {
  it('joins validation messages and ignores shapes it does not know', () => {
    expect(corMessage([{ message: 'a' }, { nope: 1 }, { message: 'b' }])).toBe('a; b');
    expect(corMessage('<html>')).toBeUndefined();
    expect(corMessage({ message: '   ' })).toBeUndefined();
  });

  it('caps very long messages', () => {
    expect(corMessage({ message: 'x'.repeat(1000) })).toHaveLength(300);
  });
});

describe('Retry-After', () => {
  it.each([
    ['120', 120_000],
    [' 7 ', 7_000],
    [new Date(NOW + 30_000).toUTCString(), 30_000],
    [new Date(NOW - 30_000).toUTCString(), 0],
    ['0', 0],
    ['soon', null],
    ['', null],
    [null, null],
    // Date.parse reads both as dates in 2001 (a wait of 0): they are neither delays nor HTTP-dates.
    ['-5', null],
    ['1.5', null],
    ['Tomorrow', null],
  ])('%s → %s ms', (value, ms) => expect(parseRetryAfter(value, NOW)).toBe(ms));

  it.each([
    ['ten years in seconds', '315360000'],
    ['one second past the cap', String(MAX_RETRY_AFTER_MS / 1000 + 1)],
    ['more digits than a number holds', '9'.repeat(400)],
    ['a date in the year 9999', 'Fri, 31 Dec 9999 23:59:59 GMT'],
  ])('%s waits at most an hour', (_name, value) => expect(parseRetryAfter(value, NOW)).toBe(MAX_RETRY_AFTER_MS));

  it('an absurd Retry-After on a 429 or a 503 parks the entry for an hour, not for years', () => {
    for (const status of [429, 503, 500]) {
      expect(classify(response(status, '', '315360000'), NOW)).toMatchObject({ retryAfterMs: 3_600_000 });
    }
  });
});
