import { ANA } from '../test/owners';
import { describe, expect, it } from 'vitest';
import { resolveAttention } from './attention';
import type { OutboxEntry } from './outbox';

const T0 = Date.UTC(2026, 10, 28, 9);
const entry = (over: Partial<OutboxEntry> = {}): OutboxEntry => ({
  id: 'e1',
  task: { id: 1001, title: 'Diseño' },
  owner: ANA,
  startedAt: T0,
  stoppedAt: T0 + 60_000,
  state: 'needs-attention',
  attempts: 2,
  nextAttemptAt: T0,
  reason: { code: 'rejected', status: 417, message: 'after validation failed on stop' },
  ...over,
});
const other = entry({ id: 'e2', state: 'waiting', reason: undefined });

describe('resolveAttention: the person decides on a refused entry', () => {
  it('Retry sends the same entry again, due now, with no backoff or old reason carried over', () => {
    expect(resolveAttention([entry(), other], 'e1', { type: 'retry' }, T0 + 5)).toEqual([
      {
        id: 'e1',
        task: { id: 1001, title: 'Diseño' },
        owner: ANA,
        startedAt: T0,
        stoppedAt: T0 + 60_000,
        state: 'waiting',
        attempts: 0,
        nextAttemptAt: T0 + 5,
      },
      other,
    ]);
  });

  it('Move keeps the client id and the times, and changes only the task', () => {
    const [moved] = resolveAttention([entry()], 'e1', { type: 'move', task: { id: 1002, title: 'Armado' } }, T0) ?? [];
    expect(moved).toMatchObject({ id: 'e1', task: { id: 1002, title: 'Armado' }, startedAt: T0, state: 'waiting' });
  });

  it('Discard removes that entry and nothing else', () => {
    expect(resolveAttention([entry(), other], 'e1', { type: 'discard' }, T0)).toEqual([other]);
  });

  it('refuses entries that are not waiting for the person: they may be in COR already', () => {
    for (const state of ['waiting', 'sending', 'in-doubt'] as const) {
      expect(resolveAttention([entry({ state })], 'e1', { type: 'discard' }, T0)).toBeNull();
    }
    expect(resolveAttention([other], 'gone', { type: 'retry' }, T0)).toBeNull();
  });
});
