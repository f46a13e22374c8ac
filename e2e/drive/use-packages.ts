/** Hooks for the package tests: `npm run package`'s artifacts made once per file, and a scratch folder to unpack them into. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { packageAll } from '../../tools/package.ts';

export function usePackages(): { work: string } {
  const scratch = { work: '' };
  beforeAll(async () => {
    scratch.work = await mkdtemp(join(tmpdir(), 'cor-timer-package-'));
    await packageAll();
  });
  afterAll(() => rm(scratch.work, { recursive: true, force: true }));
  return scratch;
}
