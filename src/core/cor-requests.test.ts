import { describe, expect, it } from 'vitest';
import { listHoursRequest, meRequest, postHoursRequest } from './cor-requests';

describe('COR request builders', () => {
  it('POST /hours carries HourInput with whole-second UTC stamps', () => {
    const request = postHoursRequest({
      taskId: 123,
      startedAt: Date.UTC(2026, 10, 28, 9, 0, 0, 400),
      stoppedAt: Date.UTC(2026, 10, 28, 9, 42, 10, 999),
    });
    expect(request).toEqual({
      method: 'POST',
      url: 'https://api.projectcor.com/v1/hours',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: '{"task_log_id":123,"start":"2026-11-28T09:00:00Z","stop":"2026-11-28T09:42:10Z"}',
    });
  });

  it('GET /me', () => {
    expect(meRequest()).toMatchObject({ method: 'GET', url: 'https://api.projectcor.com/v1/me' });
  });

  it('GET /hours filters by person and the days around the entry, as URL-encoded JSON', () => {
    const request = listHoursRequest({ userId: 8546, around: Date.UTC(2026, 1, 6, 0, 30), page: 2 });
    const url = new URL(request.url);
    expect(url.pathname).toBe('/v1/hours');
    expect(url.searchParams.get('page')).toBe('2');
    expect(url.searchParams.get('perPage')).toBe('50');
    expect(JSON.parse(url.searchParams.get('filters')!)).toEqual({
      users: [8546],
      dateStart: '2026-02-05',
      dateDeadline: '2026-02-07',
    });
  });
});
