import { describe, expect, it } from 'vitest';
import { applyPlan, migrationsFor, SCHEMA_VERSION, storedVersion, v1ToV2 } from './migrations';
import { sweep } from './sweep';
import { ANA } from '../test/owners';

const T0 = Date.UTC(2026, 10, 28, 9);
const ctx = { now: T0, generation: 'gen-1' };
const account = { status: 'signed-in', method: 'password', userId: 8546, name: 'Ana García', picture: null };
const v1Entry = (id: string, over: object = {}) => ({
  id,
  task: { id: 1001, title: 'Diseño' },
  startedAt: T0 - 3_600_000,
  stoppedAt: T0 - 1_800_000,
  state: 'waiting',
  attempts: 2,
  nextAttemptAt: T0,
  ...over,
});

describe('which version storage is at', () => {
  it.each([
    ['empty storage is a fresh install, at the current version', {}, SCHEMA_VERSION],
    ['no schemaVersion but data: 0.1.x (v1)', { timer: { status: 'idle' } }, 1],
    ['a recorded version', { schemaVersion: 2 }, 2],
    ['a newer version than this one', { schemaVersion: 7 }, 7],
    ['nonsense is read as v1', { schemaVersion: 'two', outbox: [] }, 1],
  ])('%s', (_name, data, version) => expect(storedVersion(data)).toBe(version));
});

describe('v1 → v2: one key per entry, and owners everywhere', () => {
  it('splits the outbox into entry keys, each owned by the account that was signed in', () => {
    const plan = v1ToV2({ account, outbox: [v1Entry('a'), v1Entry('b', { state: 'in-doubt' })] }, ctx);
    expect(plan.remove).toEqual(['outbox']);
    expect(plan.set).toEqual({
      'entry:a': { ...v1Entry('a'), owner: ANA },
      'entry:b': { ...v1Entry('b', { state: 'in-doubt' }), owner: ANA },
    });
  });

  it('with nobody signed in, entries and the timer have an unknown owner (null), to be asked about', () => {
    const data = {
      account: { status: 'signed-out' },
      outbox: [v1Entry('a')],
      timer: { status: 'running', task: { id: 7 }, startedAt: T0 },
    };
    const plan = v1ToV2(data, ctx);
    expect(plan.set['entry:a']).toMatchObject({ owner: null });
    expect(plan.set.timer).toEqual({ status: 'running', task: { id: 7 }, startedAt: T0, owner: null });
  });

  it('an expired session still says who worked them', () => {
    const plan = v1ToV2({ account: { ...account, status: 'expired' }, outbox: [v1Entry('a')] }, ctx);
    expect(plan.set['entry:a']).toMatchObject({ owner: ANA });
  });

  it('names the owner of a running timer and of a discarded one (its Undo)', () => {
    const running = v1ToV2({ account, timer: { status: 'running', task: { id: 7 }, startedAt: T0 } }, ctx);
    expect(running.set.timer).toMatchObject({ owner: ANA });
    const discarded = { status: 'idle', discarded: { task: { id: 7 }, startedAt: T0, at: T0 + 1 } };
    expect(v1ToV2({ account, timer: discarded }, ctx).set.timer).toMatchObject({ discarded: { owner: ANA } });
  });

  it('gives the stored sign-in a generation', () => {
    const auth = { method: 'token', accessToken: 'abcdefgh1234' };
    expect(v1ToV2({ auth, account }, ctx).set.auth).toEqual({ ...auth, generation: 'gen-1' });
  });

  it('sets aside, never drops, outbox items it cannot key: null, no id, a repeated id', () => {
    const plan = v1ToV2({ account, outbox: [null, v1Entry('a'), { startedAt: T0 }, v1Entry('a')] }, ctx);
    expect(Object.keys(plan.set).sort()).toEqual([
      'entry:a',
      'quarantine:outbox[0]',
      'quarantine:outbox[2]',
      'quarantine:outbox[3]',
    ]);
    expect(plan.set['quarantine:outbox[2]']).toMatchObject({ from: 'outbox[2]', raw: { startedAt: T0 } });
    expect(plan.set['quarantine:outbox[3]']).toMatchObject({ recovered: { taskId: 1001, owner: ANA } });
  });

  it('sets aside an outbox that is not a list at all', () => {
    const plan = v1ToV2({ account, outbox: { oops: true } }, ctx);
    expect(plan.set['quarantine:outbox']).toMatchObject({ from: 'outbox', raw: { oops: true }, at: T0 });
    expect(plan.remove).toEqual(['outbox']);
  });

  it('run twice over the same data (a worker stopped half-way), gives the same result', () => {
    const data = { account, outbox: [v1Entry('a')], timer: { status: 'running', task: { id: 7 }, startedAt: T0 } };
    const once = applyPlan(data, v1ToV2(data, ctx));
    const halfway = { ...data, ...v1ToV2(data, ctx).set };
    expect(applyPlan(halfway, v1ToV2(halfway, ctx))).toEqual(once);
  });

  it('migrates a whole 0.1 profile to data this version reads in full: the sweep sets nothing aside', () => {
    const data = {
      account,
      auth: { method: 'password', accessToken: 'tok-123456789', refreshToken: 'r', expiresAt: T0 + 1 },
      outbox: [v1Entry('a'), v1Entry('b', { state: 'needs-attention', reason: { code: 'rejected', status: 400 } })],
      timer: { status: 'running', task: { id: 1002, title: 'Armado' }, startedAt: T0 },
      recent: [
        {
          entryId: 'z',
          corId: 5,
          task: { id: 1003 },
          startedAt: T0 - 9e6,
          stoppedAt: T0 - 8e6,
          durationMs: 1e6,
          loggedAt: T0 - 8e6,
        },
      ],
      recentTasks: [{ id: 1002, title: 'Armado' }],
      settings: { toolbarClick: 'popup', notifications: true },
    };
    const steps = migrationsFor(data, ctx);
    expect(steps.map((s) => s.to)).toEqual([2]);
    const migrated = applyPlan(data, steps[0]!.plan);
    expect(sweep(migrated, T0)).toEqual({ set: {}, remove: [] });
    expect(migrationsFor({ ...migrated, schemaVersion: 2 }, ctx)).toEqual([]);
  });
});
