/**
 * The Firefox upload (`npm run package` → artifacts/cor-timer-firefox-<version>.zip): its
 * manifest, web-ext lint with 0 errors, and the zip itself installed permanently in Firefox.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startFakeCor } from '../../tools/fake-cor/server.ts';
import { artifactPath, unzip, version } from '../../tools/package.ts';
import { FirefoxBrowser } from '../drive/firefox-browser';
import { usePackages } from '../drive/use-packages';

const scratch = usePackages();

describe('npm run package: the Firefox zip', () => {
  it('has the manifest at the root with the package version and the gecko settings, and passes web-ext lint', async () => {
    const dir = join(scratch.work, 'firefox');
    const names = await unzip(artifactPath('firefox'), dir);
    expect(names.filter((n) => /\.map$|\.test\.|\.ts$/.test(n))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      version: string;
      browser_specific_settings: { gecko: { id: string; strict_min_version: string } };
    };
    expect(manifest.version).toBe(version());
    expect(manifest.browser_specific_settings.gecko.strict_min_version).toBe('142.0');

    const webExt = resolve(import.meta.dirname, '../../node_modules/.bin/web-ext');
    const lint = await promisify(execFile)(webExt, [
      'lint',
      '--source-dir',
      dir,
      '--output',
      'json',
      '--no-config-discovery',
    ]).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    expect((JSON.parse(lint.stdout) as { summary: { errors: number } }).summary.errors).toBe(0);
  });

  it('installs permanently in Firefox and its popup opens', async () => {
    const cor = await startFakeCor();
    const firefox = await FirefoxBrowser.launch({
      profileDir: await mkdtemp(join(scratch.work, 'profile-')),
      corPort: cor.port,
      zip: artifactPath('firefox'),
    });
    try {
      const popup = await firefox.openPopup();
      await popup.role('button', 'Sign in to COR').waitFor();
      expect(await firefox.extensionErrors()).toEqual([]);
    } finally {
      await firefox.close();
      await cor.close();
    }
  });
});
