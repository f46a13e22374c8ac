/**
 * Runs at every worker start, before anything else reads storage: the migrations from the
 * stored `schemaVersion` to this version's, then the check that sets aside whatever no version
 * can read (core/migrations.ts, core/sweep.ts). One `get` of everything, once per worker life.
 */
import { applyPlan, migrationsFor, SCHEMA_VERSION, storedVersion, type Plan } from '../core/migrations';
import { sweep } from '../core/sweep';
import { browser } from '../platform/browser';
import { clock } from '../platform/clock';
import { serial } from './serial';

/** Resolves with everything stored, as it is once upgraded: the start-up's one read, for what follows it. */
export function upgradeStorage(): Promise<Record<string, unknown>> {
  return serial(async () => {
    let data: Record<string, unknown> = await browser.storage.local.get(null);
    // Written by a newer version: leave it exactly as it is rather than guess at its shape.
    if (storedVersion(data) > SCHEMA_VERSION) return data;
    for (const step of migrationsFor(data, { now: clock.now(), generation: clock.newId() })) {
      await apply(step.plan);
      // Recorded last: a worker stopped before this line runs the same step again, to the same result.
      await browser.storage.local.set({ schemaVersion: step.to });
      data = applyPlan(data, step.plan);
    }
    if (data.schemaVersion !== SCHEMA_VERSION) await browser.storage.local.set({ schemaVersion: SCHEMA_VERSION });
    const swept = sweep(data, clock.now());
    await apply(swept);
    return applyPlan(data, swept);
  });
}

async function apply(plan: Plan): Promise<void> {
  if (Object.keys(plan.set).length > 0) await browser.storage.local.set(plan.set);
  if (plan.remove.length > 0) await browser.storage.local.remove([...plan.remove]);
}
