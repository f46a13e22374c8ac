/**
 * `npm run package`: each upload unpacked and checked — the Chrome zip has its manifest at the
 * root, the version from package.json, no source maps or tests, and loads in Chromium; the source
 * zip holds what AMO's reviewers need to rebuild. (The Firefox zip: e2e/firefox/package.firefox.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFakeCor } from '../tools/fake-cor/server.ts';
import { artifactPath, unzip, version } from '../tools/package.ts';
import { ExtensionSession } from './harness';
import { playwrightSurface } from './drive/playwright-surface';
import { usePackages } from './drive/use-packages';

const scratch = usePackages();

describe('npm run package', () => {
  it('the Chrome zip: manifest at the root with the package version, nothing but the build, and it loads', async () => {
    const dir = join(scratch.work, 'chrome');
    const names = await unzip(artifactPath('chrome'), dir);
    expect(names).toContain('manifest.json');
    expect(names.filter((n) => /\.map$|\.test\.|e2e|\.ts$|\.tsx$/.test(n))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.version).toBe(version());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest).not.toHaveProperty('browser_specific_settings');

    const cor = await startFakeCor();
    const session = await ExtensionSession.launch(cor, undefined, dir);
    try {
      const popup = playwrightSurface(await session.openPopup());
      await popup.role('button', 'Sign in to COR').waitFor();
      // The privacy policy ships inside: the options page's footer link opens PRIVACY.md.
      const options = await session.openOptions();
      const opened = session.context.waitForEvent('page');
      await options.getByRole('link', { name: 'Privacy: what COR Timer keeps and sends' }).click();
      const policy = await opened;
      await policy.getByText('Your password is never stored.').waitFor();
      expect(await policy.textContent('body')).toBe(readFileSync(join(import.meta.dirname, '../PRIVACY.md'), 'utf8'));
    } finally {
      await session.close();
      await cor.close();
    }
  });

  it('the source zip for AMO review: the sources, the lock file and the exact build steps, no builds', async () => {
    const names = await unzip(artifactPath('source'));
    const root = `cor-timer-${version()}/`;
    for (const file of [
      'package.json',
      'package-lock.json',
      'manifest.json',
      'vite.config.ts',
      'src/background/index.ts',
      'store/SOURCE-REVIEW.md',
    ]) {
      expect(names, file).toContain(root + file);
    }
    expect(names.filter((n) => /\/(node_modules|dist|artifacts)\//.test(n))).toEqual([]);
  });
});
