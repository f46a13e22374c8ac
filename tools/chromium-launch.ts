/**
 * Launches Chromium with the built extension, its COR traffic resolved to a local fake-cor.
 * Shared by the e2e harness and `npm run sandbox`. Flags from TESTING.md: Playwright adds
 * --disable-extensions, so the extension must be excepted; background networking is off
 * because this machine's network is closed.
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { resolve } from 'node:path';
import { chromiumFlags } from './fake-cor/cli.ts';
import { chromePath } from './ensure-chromium.ts';

export const CHROME_DIST = resolve(import.meta.dirname, '../dist/chrome');

export function extensionArgs(dist: string, corPort: number): string[] {
  return [
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--lang=en-US',
    ...chromiumFlags(corPort),
  ];
}

export function launchWithExtension(options: {
  profileDir: string;
  corPort: number;
  headless: boolean;
  dist?: string;
}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(options.profileDir, {
    executablePath: chromePath(),
    headless: options.headless,
    viewport: null,
    args: extensionArgs(options.dist ?? CHROME_DIST, options.corPort),
  });
}
