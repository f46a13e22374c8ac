/**
 * Issue 6: waiting entries outlive the extension's own code. An update replaces the files and
 * starts a new worker, keeping storage.local; the entry waiting before it must arrive once after.
 * The update is real: a copy of the production build is installed, the browser closed, the
 * copy's version raised, and the browser started again on the same profile.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHROME_DIST } from '../tools/chromium-launch.ts';
import { SEED, startFakeCor, type FakeCor } from '../tools/fake-cor/server.ts';
import { ExtensionSession, startByNumber } from './harness';

let cor: FakeCor;
let session: ExtensionSession;
let installed: string;

beforeEach(async () => {
  cor = await startFakeCor();
  installed = await mkdtemp(join(tmpdir(), 'cor-timer-installed-'));
  await cp(CHROME_DIST, installed, { recursive: true });
  session = await ExtensionSession.launch(cor, undefined, installed);
  await session.signInWithToken();
});

afterEach(async () => {
  await session.close();
  await cor.close();
  await rm(installed, { recursive: true, force: true });
});

declare const chrome: { runtime: { getManifest(): { version: string } } };

async function raiseVersion(dist: string): Promise<string> {
  const path = join(dist, 'manifest.json');
  const manifest = JSON.parse(await readFile(path, 'utf8')) as { version: string };
  const parts = manifest.version.split('.').map(Number);
  parts[parts.length - 1]! += 1;
  manifest.version = parts.join('.');
  await writeFile(path, JSON.stringify(manifest));
  return manifest.version;
}

describe('waiting entries survive', () => {
  it('an extension update: the entry still waits in the new version, then arrives once', async () => {
    await cor.down();
    const popup = await session.openPopup();
    await startByNumber(popup, SEED.tasks.budget);
    await popup.getByRole('button', { name: 'Stop timer' }).click();
    await popup.getByRole('heading', { name: '1 entry waiting to be sent' }).waitFor();

    let version = '';
    session = await session.relaunch(async () => (version = await raiseVersion(installed)));
    expect(await session.worker.evaluate(() => chrome.runtime.getManifest().version)).toBe(version);
    const updated = await session.openPopup();
    await updated.getByRole('heading', { name: '1 entry waiting to be sent' }).waitFor();

    await cor.up();
    await updated.getByRole('button', { name: 'Send now' }).click();
    await updated.getByRole('heading', { name: '1 entry waiting to be sent' }).waitFor({ state: 'detached' });
    expect(cor.hours.map((h) => h.task_log_id)).toEqual([SEED.tasks.budget]);
  });
});
