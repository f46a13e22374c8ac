/**
 * Makes sure the e2e tests have a Chromium: CHROME_PATH, else Debian's /usr/bin/chromium.
 * Where it is missing and apt-get can be used (root), installs Debian's `chromium`; otherwise
 * stops with a message saying how to get one. Browsers cannot be downloaded by other means here.
 */
import { accessSync, constants } from 'node:fs';
import { execFileSync } from 'node:child_process';

export const DEFAULT_CHROME = '/usr/bin/chromium';

export function chromePath(): string {
  return process.env.CHROME_PATH ?? DEFAULT_CHROME;
}

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function canUseApt(): boolean {
  return process.getuid?.() === 0 && isExecutable('/usr/bin/apt-get');
}

export function ensureChromium(): void {
  const path = chromePath();
  if (isExecutable(path)) {
    console.log(`e2e: using Chromium at ${path}`);
  } else if (process.env.CHROME_PATH === undefined && canUseApt()) {
    console.log("e2e: Chromium not found; installing Debian's chromium package (about a minute)…");
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    console.error(
      [
        `e2e: no Chromium at ${path}.`,
        'Install one (Debian/Ubuntu: sudo apt-get install chromium), or point CHROME_PATH at a Chromium or Chrome binary,',
        'then run the tests again. The tests never download a browser.',
      ].join('\n'),
    );
    process.exit(1);
  }
}

if (process.argv[1]?.endsWith('ensure-chromium.ts')) ensureChromium();
