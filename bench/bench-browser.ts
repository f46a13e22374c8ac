/**
 * One headless Chromium with several unpacked extensions side by side (the flags of
 * tools/chromium-launch.ts take a comma-separated list of directories), and what the bench needs
 * of it: each extension's id, its pages, and its service worker stopped the way Chrome stops an
 * idle one.
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithExtension } from '../tools/chromium-launch.ts';

/**
 * Chrome's id for an unpacked extension: SHA-256 of its absolute path, first 32 hex digits as a–p.
 * Chrome hashes the real path: a worktree's node_modules may be a symlink (the reference builds live there).
 */
export function unpackedId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + Number.parseInt(d, 16))).join('');
}

export async function launchSideBySide(profileDir: string, corPort: number, dirs: readonly string[]) {
  const context = await launchWithExtension({ profileDir, corPort, headless: true, dist: dirs.join(',') });
  const ids = new Set(dirs.map(unpackedId));
  const running = () => new Set(context.serviceWorkers().map((w) => new URL(w.url()).host));
  // Every worker has started (each extension has run its start-up) before anything is measured.
  while ([...ids].some((id) => !running().has(id))) await context.waitForEvent('serviceworker');
  return context;
}

export const extensionUrl = (dir: string, path: string): string => `chrome-extension://${unpackedId(dir)}/${path}`;

/**
 * Stops every service worker (CDP ServiceWorker.stopAllWorkers, as TESTING.md describes) and
 * waits until Chrome reports the one of `dir` stopped.
 */
export async function stopWorkers(context: BrowserContext, dir: string): Promise<void> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const prefix = extensionUrl(dir, '');
  const stopped = new Promise<void>((done) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.startsWith(prefix) && v.runningStatus === 'stopped')) done();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
  await page.close();
}

/** A page of the extension that runs no code of its own, to send messages from its origin. */
export async function driverPage(context: BrowserContext, dir: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(extensionUrl(dir, 'manifest.json'));
  return page;
}
