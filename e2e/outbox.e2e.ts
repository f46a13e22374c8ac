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

interface Fixture {
  auth: { accessToken: string };
  outbox: Array<{ task: { id: number }; startedAt: number }>;
  timer: { task: { id: number }; startedAt: number };
}
declare const chrome: {
  runtime: { getManifest(): { version: string } };
  storage: { local: { clear(): Promise<void>; set(items: object): Promise<void> } };
};

describe('an update from 0.1.0', () => {
  it("keeps the running timer and every waiting entry of 0.1.0's storage, owned by Ana, and delivers each once", async () => {
    // What the 0.1.0 build left in a real profile (two entries COR refused with 503, a timer
    // running); captured from that build, its token replaced by one this fake-cor accepts.
    const fixture = JSON.parse(
      await readFile(new URL('./fixtures/storage-0.1.0.json', import.meta.url), 'utf8'),
    ) as Fixture;
    fixture.auth.accessToken = cor.issueToken(SEED.user.id).access_token;
    const page = await session.openOptions();
    await page.evaluate(async (data) => {
      await chrome.storage.local.clear();
      await chrome.storage.local.set(data);
    }, fixture);
    await page.close();

    session = await session.relaunch(() => raiseVersion(installed));
    const popup = await session.openPopup();
    await popup.getByRole('button', { name: 'Stop timer' }).click();
    await expect.poll(() => cor.hours.length).toBe(3);
    await popup.getByRole('heading', { name: /waiting to be sent$/ }).waitFor({ state: 'detached' });
    const booked = cor.hours.map((h) => `${h.task_log_id}@${Date.parse(h.start) / 1000}#${h.user_id}`).sort();
    const worked = [...fixture.outbox, fixture.timer]
      .map((e) => `${e.task.id}@${Math.floor(e.startedAt / 1000)}#${SEED.user.id}`)
      .sort();
    expect(booked).toEqual(worked);
    expect(cor.requests.filter((r) => r.method === 'POST' && r.path === '/v1/hours')).toHaveLength(3);
  });
});

describe('an entry no version can read', () => {
  it('is set aside and shown with what was recovered; Retry sends it once, the others go on', async () => {
    const startedAt = Math.floor(Date.now() / 1000) * 1000 - 7_200_000;
    const page = await session.openOptions();
    // An entry of the wrong shape (attempts is text): it must not be dropped, nor block the next stop.
    await page.evaluate(async (entry) => chrome.storage.local.set({ [`entry:${entry.id}`]: entry }), {
      id: 'odd',
      task: { id: SEED.tasks.budget },
      owner: { userId: SEED.user.id, name: 'Ana García', company: null },
      startedAt,
      stoppedAt: startedAt + 3_600_000,
      state: 'waiting',
      attempts: 'two',
      nextAttemptAt: startedAt,
    });
    await page.close();
    await session.stopWorker();
    const popup = await session.openPopup();
    await popup.getByRole('heading', { name: '1 entry could not be read' }).waitFor();
    const item = popup.getByRole('listitem', { name: /^Task 1003, / });
    await startByNumber(popup, SEED.tasks.design);
    await popup.getByRole('button', { name: 'Stop timer' }).click();
    await expect.poll(() => cor.hours.map((h) => h.task_log_id)).toEqual([SEED.tasks.design]);
    await item.getByRole('button', { name: 'Retry' }).click();
    await popup.getByRole('heading', { name: '1 entry could not be read' }).waitFor({ state: 'detached' });
    await expect.poll(() => cor.hours.map((h) => h.task_log_id)).toEqual([SEED.tasks.design, SEED.tasks.budget]);
    expect(Date.parse(cor.hours[1]!.start)).toBe(startedAt);
  });
});
