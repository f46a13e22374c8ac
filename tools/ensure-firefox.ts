/**
 * Makes sure the Firefox e2e tests have a Firefox new enough for the build: FIREFOX_PATH, else
 * Debian's /usr/bin/firefox-esr (bookworm's security updates carry 153; bookworm main's 140 is
 * older than the manifest's strict_min_version and would refuse the add-on). Installs Debian's
 * package where apt-get can be used (root); otherwise, or when the version is too old, stops
 * with a message that says what to do. Browsers are never downloaded by other means.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { canUseApt, isExecutable } from './ensure-chromium.ts';

export const DEFAULT_FIREFOX = '/usr/bin/firefox-esr';

export function firefoxPath(): string {
  return process.env.FIREFOX_PATH ?? DEFAULT_FIREFOX;
}

/** "Mozilla Firefox 153.8.0esr" → [153, 8, 0]. */
export function parseFirefoxVersion(text: string): number[] | null {
  const match = /Firefox (\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  return match === null ? null : [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

/** True when `version` is at least `minimum` ("142.0"). */
export function meetsMinimum(version: number[], minimum: string): boolean {
  const floor = minimum.split('.').map(Number);
  for (let i = 0; i < Math.max(version.length, floor.length); i += 1) {
    const [a, b] = [version[i] ?? 0, floor[i] ?? 0];
    if (a !== b) return a > b;
  }
  return true;
}

function fail(lines: string[]): never {
  console.error(lines.join('\n'));
  process.exit(1);
}

export function ensureFirefox(): void {
  const path = firefoxPath();
  if (!isExecutable(path) && process.env.FIREFOX_PATH === undefined && canUseApt()) {
    console.log("e2e: Firefox not found; installing Debian's firefox-esr package (about a minute)…");
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'firefox-esr'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  if (!isExecutable(path)) {
    fail([
      `e2e: no Firefox at ${path}.`,
      'Install one (Debian: sudo apt-get install firefox-esr, from the security updates), or point FIREFOX_PATH at a',
      'Firefox binary, then run the tests again. The tests never download a browser.',
    ]);
  }
  const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../dist/firefox/manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { strict_min_version: string } };
  };
  const minimum = manifest.browser_specific_settings.gecko.strict_min_version;
  const reported = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
  const version = parseFirefoxVersion(reported);
  if (version === null || !meetsMinimum(version, minimum)) {
    fail([
      `e2e: ${path} is "${reported}", but the add-on needs Firefox ${minimum} or later (strict_min_version).`,
      'Debian bookworm: enable bookworm-security and apt-get install firefox-esr (it carries 153), or point FIREFOX_PATH at a newer Firefox.',
    ]);
  }
  console.log(`e2e: using ${reported} at ${path} (the add-on needs ${minimum}+)`);
}

if (process.argv[1]?.endsWith('ensure-firefox.ts')) ensureFirefox();
