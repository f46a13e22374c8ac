/**
 * The production Firefox build (an add-on zip made from dist/firefox by web-ext, installed
 * permanently so it survives a restart) in Debian's firefox-esr, driven by puppeteer-core over
 * WebDriver BiDi, its COR traffic routed to fake-cor by prefs (TESTING.md, "Firefox end to end").
 */
import type { Browser } from 'puppeteer-core';
import {
  bidi,
  errorListenerScript,
  fireIdleScript,
  idleIntervalScript,
  inChrome,
  keysetId,
  RECORD_ALERTS,
} from './firefox-privileged';
import type { ExtensionBrowser, IdleChange, MenuClick, ShownNotification } from './extension-browser';
import { manifest, navigate, start, UUID } from './firefox-launch';
import { puppeteerSurface } from './puppeteer-surface';
import type { Surface } from './surface';

export { FIREFOX_DIST } from './firefox-launch';

export class FirefoxBrowser implements ExtensionBrowser {
  readonly name = 'firefox';
  private readonly addonId = manifest().browser_specific_settings.gecko.id;

  private constructor(
    private browser: Browser,
    private readonly profileDir: string,
    private readonly corPort: number,
  ) {}

  /** Starts Firefox on `profileDir` and installs the add-on `zip` (web-ext build of dist/firefox). */
  static async launch(options: { profileDir: string; corPort: number; zip: string }): Promise<FirefoxBrowser> {
    const firefox = new FirefoxBrowser(
      await start(options.profileDir, options.corPort),
      options.profileDir,
      options.corPort,
    );
    await bidi(firefox.browser).send('webExtension.install', {
      extensionData: { type: 'archivePath', path: options.zip },
      'moz:permanent': true,
    });
    await firefox.afterStart();
    // A fresh install opens the welcome page (background/welcome.ts) once the background has
    // started: close it, as the Chromium harness does, or it opens over the test's tab a moment
    // later, and Firefox throttles the animation frames of a tab in the background.
    await firefox.closeWelcome();
    return firefox;
  }

  private async closeWelcome(): Promise<void> {
    const welcome = this.url('src/options/index.html#welcome');
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      for (const page of await this.browser.pages()) {
        const at = await page.evaluate(() => location.href).catch(() => '');
        if (at === welcome) return page.close();
      }
      await new Promise((r) => setTimeout(r, 100)); // polling interval, not a synchronisation sleep
    }
    throw new Error('The welcome page did not open on install');
  }

  url(path: string): string {
    return `moz-extension://${UUID}/${path}`;
  }

  openPopup(): Promise<Surface> {
    return this.open('src/popup/index.html');
  }

  openOptions(): Promise<Surface> {
    return this.open('src/options/index.html');
  }

  async waitForPage(path: string): Promise<Surface> {
    const url = this.url(path);
    // Firefox reports no navigation events for extension documents: ask each tab where it is.
    for (;;) {
      for (const page of await this.browser.pages()) {
        const at = await page.evaluate(() => location.href).catch(() => '');
        if (at === url) {
          await page.waitForFunction(() => document.readyState === 'complete');
          return puppeteerSurface(page);
        }
      }
      await new Promise((r) => setTimeout(r, 100)); // polling interval, not a synchronisation sleep
    }
  }

  async stopBackground(): Promise<void> {
    await inChrome(
      this.browser,
      `const extension = WebExtensionPolicy.getByID(${JSON.stringify(this.addonId)}).extension;
       await extension.terminateBackground();
       return extension.backgroundState;`,
    ).then((state) => {
      if (state !== 'stopped') throw new Error(`Firefox: the event page is ${String(state)}, not stopped`);
    });
  }

  async restart(): Promise<void> {
    await this.browser.close();
    this.browser = await start(this.profileDir, this.corPort);
    await this.afterStart();
  }

  async pressShortcut(command: string): Promise<void> {
    const shortcut = manifest().commands[command]?.suggested_key?.default;
    if (shortcut === undefined) throw new Error(`No suggested key for ${command}`);
    const key = shortcut.split('+').at(-1)!;
    // The <key> element Firefox built from the manifest's shortcut; doCommand is what a key press does.
    await inChrome(
      this.browser,
      `const keys = [...document.querySelectorAll('#${keysetId(this.addonId)} > key')];
       const key = keys.find((k) => (k.getAttribute('key') ?? '').toUpperCase() === ${JSON.stringify(key.toUpperCase())});
       if (!key) throw new Error('no <key> for ${shortcut}');
       key.doCommand();`,
    );
  }

  async clickMenu(click: MenuClick): Promise<void> {
    // What ext-menus.js emits when a person chooses the item; the add-on's onClicked listener
    // (primed, so it wakes a stopped event page) receives it with the active tab.
    const info = { editable: false, frameId: 0, modifiers: [], button: 0, ...click };
    await inChrome(
      this.browser,
      `const extension = WebExtensionPolicy.getByID(${JSON.stringify(this.addonId)}).extension;
       extension.emit('webext-menu-menuitem-click', ${JSON.stringify(info)}, gBrowser.selectedTab);`,
    );
  }

  systemIdle(change: IdleChange): Promise<void> {
    return inChrome(this.browser, fireIdleScript(this.addonId, change));
  }

  idleDetectionSeconds(): Promise<number | null> {
    return inChrome(this.browser, idleIntervalScript(this.addonId));
  }

  /** The popup is a <browser> in the toolbar button's panel, in the browser window's chrome scope. */
  async waitForActionPopup(): Promise<void> {
    const url = this.url('src/popup/index.html');
    const shown = `return document.querySelector('browser.webextension-popup-browser')?.currentURI.spec ?? null;`;
    while ((await inChrome<string | null>(this.browser, shown)) !== url) {
      await new Promise((r) => setTimeout(r, 100)); // polling interval, not a synchronisation sleep
    }
  }

  async notifications(): Promise<ShownNotification[]> {
    return inChrome(this.browser, 'return globalThis.corTimerAlerts;');
  }

  extensionErrors(): Promise<string[]> {
    return inChrome(this.browser, 'return globalThis.corTimerErrors ?? [];');
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  private async afterStart(): Promise<void> {
    await inChrome(this.browser, errorListenerScript(UUID) + RECORD_ALERTS);
  }

  private async open(path: string): Promise<Surface> {
    const page = await this.browser.newPage();
    await navigate(page, this.url(path));
    return puppeteerSurface(page);
  }
}
