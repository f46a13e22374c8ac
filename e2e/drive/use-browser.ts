/**
 * Hooks that give each test of a file its own fake-cor and its own browser with the production
 * build, for either browser, and check afterwards that the extension reported no uncaught error.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { startFakeCor, type FakeCor } from '../../tools/fake-cor/server.ts';
import { ChromiumBrowser } from './chromium-browser';
import type { BrowserName, ExtensionBrowser } from './extension-browser';
import { FIREFOX_DIST, FirefoxBrowser } from './firefox-browser';

export interface BrowserTest {
  cor: FakeCor;
  browser: ExtensionBrowser;
}

const ROOT = resolve(import.meta.dirname, '../..');

/** The add-on as Firefox installs it: dist/firefox zipped by web-ext, as `npm run package` does. */
export async function buildFirefoxZip(into: string): Promise<string> {
  await promisify(execFile)(join(ROOT, 'node_modules/.bin/web-ext'), [
    'build',
    '--source-dir',
    FIREFOX_DIST,
    '--artifacts-dir',
    into,
    '--overwrite-dest',
    '--no-config-discovery',
  ]);
  const [zip] = (await readdir(into)).filter((f) => f.endsWith('.zip'));
  if (zip === undefined) throw new Error('web-ext build wrote no zip');
  return join(into, zip);
}

export function useBrowser(name: BrowserName): BrowserTest {
  const test = {} as BrowserTest;
  let work = '';
  let zip = '';
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), `cor-timer-${name}-`));
    if (name === 'firefox') zip = await buildFirefoxZip(join(work, 'addon'));
  });
  beforeEach(async () => {
    test.cor = await startFakeCor();
    test.browser =
      name === 'firefox'
        ? await FirefoxBrowser.launch({
            profileDir: await mkdtemp(join(work, 'profile-')),
            corPort: test.cor.port,
            zip,
          })
        : await ChromiumBrowser.launch(test.cor);
  });
  afterEach(async () => {
    const errors = await test.browser.extensionErrors();
    await test.browser.close();
    await test.cor.close();
    // Fail loudly: Firefox delivers no pageerror for extension pages, so its console is read instead.
    expect(errors, 'uncaught errors in the extension').toEqual([]);
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });
  return test;
}
