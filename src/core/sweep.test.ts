import { describe, expect, it } from 'vitest';
import { sweep } from './sweep';
import { ANA } from '../test/owners';

const T0 = Date.UTC(2026, 10, 28, 9);
const entry = (over: object = {}) => ({
  id: 'a',
  task: { id: 1001 },
  owner: ANA,
  startedAt: T0 - 60_000,
  stoppedAt: T0,
  state: 'waiting',
  attempts: 0,
  nextAttemptAt: T0,
  ...over,
});

describe('start-up check: what cannot be read is set aside, never dropped or defaulted', () => {
  it('leaves readable data alone', () => {
    const data = {
      'entry:a': entry(),
      'entry:b': entry({ id: 'b', owner: null, state: 'in-doubt', lookupAfter: T0, reason: { code: 'timeout' } }),
      timer: { status: 'running', task: { id: 1 }, owner: ANA, startedAt: T0 },
      recentTasks: [{ id: 1, title: 'x' }],
      myTasks: { tasks: [], fetchedAt: null },
    };
    expect(sweep(data, T0)).toEqual({ set: {}, remove: [] });
  });

  it.each([
    ['missing its task', { task: undefined }, { taskId: null, startedAt: T0 - 60_000 }],
    ['task id is text', { task: { id: '1001' } }, { taskId: null }],
    ['start is text', { startedAt: 'yesterday' }, { taskId: 1001, startedAt: null }],
    ['unknown state', { state: 'delivered-ish' }, { taskId: 1001, maybeInCor: true }],
    ['attempts negative', { attempts: -1 }, { taskId: 1001, stoppedAt: T0 }],
    ['owner of the wrong shape', { owner: { userId: 'ana' } }, { taskId: 1001 }],
    ['no owner field at all', { owner: undefined }, { taskId: 1001 }],
  ])('an entry %s goes to quarantine with what could be recovered', (_name, over, recovered) => {
    const bad = entry(over);
    const plan = sweep({ 'entry:a': bad, 'entry:ok': entry({ id: 'ok' }) }, T0);
    expect(plan.remove).toEqual(['entry:a']);
    expect(plan.set).toEqual({
      'quarantine:entry:a': {
        from: 'entry:a',
        raw: bad,
        recovered: expect.objectContaining(recovered) as unknown,
        at: T0,
      },
    });
  });

  it.each([null, 42, 'text', [], { id: 'a' }])('an entry that is %j is set aside too', (raw) => {
    expect(sweep({ 'entry:a': raw }, T0).set['quarantine:entry:a']).toMatchObject({ from: 'entry:a', raw });
  });

  it('an unreadable timer is set aside and the timer reads idle (recovering its task and start)', () => {
    const timer = { status: 'running', task: { id: 1002 }, startedAt: T0 };
    const plan = sweep({ timer }, T0);
    expect(plan.set).toEqual({
      timer: { status: 'idle' },
      'quarantine:timer': {
        from: 'timer',
        raw: timer,
        recovered: expect.objectContaining({ taskId: 1002, startedAt: T0, maybeInCor: false }) as unknown,
        at: T0,
      },
    });
  });

  it.each([
    ['recent', [{ entryId: 'x' }]],
    ['recent', 'not a list'],
    ['recentTasks', [{ id: 1 }, null]],
    ['pinnedTasks', [{ id: -3 }]],
    ['myTasks', { tasks: 'many' }],
  ])('an unreadable %s list is set aside whole and removed', (key, raw) => {
    const plan = sweep({ [key]: raw }, T0);
    expect(plan.remove).toEqual([key]);
    expect(plan.set[`quarantine:${key}`]).toMatchObject({ from: key, raw });
  });

  it('a second bad value from the same key does not replace the first one set aside', () => {
    const first = { from: 'timer', raw: 1, recovered: {}, at: T0 - 1 };
    const plan = sweep({ timer: 2, 'quarantine:timer': first }, T0);
    const keys = Object.keys(plan.set).filter((k) => k.startsWith('quarantine:'));
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toBe('quarantine:timer');
  });

  it('removes a set-aside value the person already sent again (the removal a stopped worker left)', () => {
    const restored = { from: 'entry:a', raw: {}, recovered: {}, at: T0, restoredAs: 'new-id' };
    expect(sweep({ 'quarantine:entry:a': restored }, T0).remove).toEqual(['quarantine:entry:a']);
  });
});
