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

function exists(path: string): boolean {
  try {
    accessSync(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

export function canUseApt(): boolean {
  return process.getuid?.() === 0 && isExecutable('/usr/bin/apt-get');
}

/**
 * Debian's language packs for its Chromium: without them Chromium on Linux ignores LANGUAGE/LANG
 * and the es and pt_BR popup tests see English (TESTING.md, "Languages in Chromium on Linux").
 */
const DEBIAN_LANGUAGE_PACK = '/usr/lib/chromium/locales/pt-BR.pak';

function aptInstall(packages: string[]): void {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

export function ensureChromium(): void {
  const path = chromePath();
  if (isExecutable(path)) {
    console.log(`e2e: using Chromium at ${path}`);
    if (path === DEFAULT_CHROME && canUseApt() && !exists(DEBIAN_LANGUAGE_PACK)) {
      console.log("e2e: installing Debian's chromium-l10n (the language tests need it)…");
      aptInstall(['chromium-l10n']);
    }
  } else if (process.env.CHROME_PATH === undefined && canUseApt()) {
    console.log("e2e: Chromium not found; installing Debian's chromium and chromium-l10n packages (about a minute)…");
    aptInstall(['chromium', 'chromium-l10n']);
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
