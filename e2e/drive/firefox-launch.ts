/**
 * Starting Debian's firefox-esr for the tests: prefs that route COR to fake-cor and fix the
 * add-on's moz-extension:// host, and navigation to extension pages (TESTING.md).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { firefoxPath } from '../../tools/ensure-firefox.ts';

export const FIREFOX_DIST = resolve(import.meta.dirname, '../../dist/firefox');
// A fixed moz-extension:// host, so pages can be addressed before the add-on reports it.
export const UUID = '6f1c2a9e-3b4d-4e8f-9a0b-c1d2e3f4a5b6';

interface Manifest {
  browser_specific_settings: { gecko: { id: string } };
  commands: Record<string, { suggested_key?: { default?: string } }>;
}

export function manifest(): Manifest {
  return JSON.parse(readFileSync(join(FIREFOX_DIST, 'manifest.json'), 'utf8')) as Manifest;
}

export function start(profileDir: string, corPort: number): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    userDataDir: profileDir,
    // Without it BiDi refuses moz-extension:// pages and the chrome scope.
    args: ['--remote-allow-system-access'],
    // The background's fetches to fake-cor's self-signed certificate.
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'network.dns.localDomains': 'api.projectcor.com,acme.cor.works',
      'network.socket.forcePort': `443=${corPort}`,
      'extensions.webextensions.uuids': JSON.stringify({ [manifest().browser_specific_settings.gecko.id]: UUID }),
      // An unsigned add-on installed permanently (ESR honours this pref), so it survives a restart.
      'xpinstall.signatures.required': false,
    },
  });
}

/** page.goto times out on extension documents (no navigation events): navigate, then wait for the document. */
export async function navigate(page: Page, url: string): Promise<void> {
  type Internal = { browsingContext: { navigate(url: string, wait: string): Promise<unknown> } };
  await (page.mainFrame() as unknown as Internal).browsingContext.navigate(url, 'none');
  await page.waitForFunction((url) => location.href === url && document.readyState === 'complete', {}, url);
}
