/**
 * Storage outlives versions. `schemaVersion` says which shape `storage.local` holds; at worker
 * start, before anything else reads, each migration `vN → vN+1` turns one shape into the next.
 * Pure: (everything stored, context) → the keys to set and to remove. The worker applies the
 * `set` first and the `remove` after, and only then records the new version, so a worker
 * killed half-way runs the same migration again over the same data, with the same result.
 *
 * v1 (0.1.x, no `schemaVersion`): `outbox` is one array of entries; entries and the timer name
 *    no owner; `auth` has no session generation.
 * v2: one key per entry (`entry:<id>`), each with its `owner`; the timer has an `owner`; `auth`
 *    has a `generation`; values no version can read sit under `quarantine:<key>`.
 */
import { isRecord } from './guards';
import { ownerOf, type Owner } from './owner';
import { ENTRY_PREFIX, quarantineKey } from './storage-keys';
import { recover, type Quarantined } from './stored';

export const SCHEMA_VERSION = 2;

export interface MigrationContext {
  readonly now: number;
  /** A fresh session generation id, for an `auth` that has none. */
  readonly generation: string;
}

export interface Plan {
  readonly set: Record<string, unknown>;
  readonly remove: readonly string[];
}

/** The version a profile's storage is at: no key means v1, or a fresh install when storage is empty. */
export function storedVersion(data: Record<string, unknown>): number {
  const v = data.schemaVersion;
  if (Number.isSafeInteger(v) && (v as number) >= 1) return v as number;
  return Object.keys(data).length === 0 ? SCHEMA_VERSION : 1;
}

/** Each step in order, with the plans to apply; empty when storage is current (or newer than us). */
export function migrationsFor(
  data: Record<string, unknown>,
  ctx: MigrationContext,
): Array<{ readonly to: number; readonly plan: Plan }> {
  const steps: Array<{ to: number; plan: Plan }> = [];
  let current = data;
  for (let version = storedVersion(data); version < SCHEMA_VERSION; version += 1) {
    const migrate = MIGRATIONS[version];
    if (migrate === undefined) break;
    const plan = migrate(current, ctx);
    steps.push({ to: version + 1, plan });
    current = applyPlan(current, plan);
  }
  return steps;
}

export function applyPlan(data: Record<string, unknown>, plan: Plan): Record<string, unknown> {
  const next = { ...data, ...plan.set };
  for (const key of plan.remove) delete next[key];
  return next;
}

const MIGRATIONS: Record<number, (data: Record<string, unknown>, ctx: MigrationContext) => Plan> = {
  1: v1ToV2,
};

/** v1 → v2: split the outbox into one key per entry, and name the owner everywhere. */
export function v1ToV2(data: Record<string, unknown>, ctx: MigrationContext): Plan {
  // v1 knew one account at a time: what it left was worked by whoever is (or was) signed in.
  const owner = isRecord(data.account) ? ownerOf(data.account as { status: string }) : null;
  const set: Record<string, unknown> = {};
  const remove: string[] = [];

  if ('outbox' in data) {
    remove.push('outbox');
    const outbox = data.outbox;
    if (Array.isArray(outbox)) {
      outbox.forEach((raw, index) => {
        const id = isRecord(raw) && typeof raw.id === 'string' && raw.id !== '' ? raw.id : null;
        if (id !== null && !(`${ENTRY_PREFIX}${id}` in set)) {
          set[`${ENTRY_PREFIX}${id}`] = withOwner(raw, owner);
        } else {
          set[quarantineKey(`outbox[${index}]`)] = aside(`outbox[${index}]`, raw, owner, ctx.now);
        }
      });
    } else if (outbox !== undefined && outbox !== null) {
      set[quarantineKey('outbox')] = aside('outbox', outbox, owner, ctx.now);
    }
  }

  const timer = data.timer;
  if (isRecord(timer) && timer.status === 'running' && !('owner' in timer)) set.timer = { ...timer, owner };
  if (isRecord(timer) && timer.status === 'idle' && isRecord(timer.discarded) && !('owner' in timer.discarded)) {
    set.timer = { ...timer, discarded: { ...timer.discarded, owner } };
  }

  const auth = data.auth;
  if (isRecord(auth) && typeof auth.generation !== 'string') set.auth = { ...auth, generation: ctx.generation };
  return { set, remove };
}

function withOwner(raw: unknown, owner: Owner | null): unknown {
  return isRecord(raw) && !('owner' in raw) ? { ...raw, owner } : raw;
}

function aside(from: string, raw: unknown, owner: Owner | null, now: number): Quarantined {
  const recovered = recover(isRecord(raw) && !('owner' in raw) ? { ...raw, owner } : raw);
  return { from, raw, recovered, at: now };
}
