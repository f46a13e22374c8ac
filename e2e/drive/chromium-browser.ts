/** The Chromium side of ExtensionBrowser: the e2e harness's ExtensionSession behind the shared helpers. */
import type { Page } from 'playwright-core';
import type { FakeCor } from '../../tools/fake-cor/server.ts';
import { CdpTarget } from '../cdp-target';
import { ExtensionSession } from '../harness';
import type { ExtensionBrowser, IdleChange, MenuClick, ShownNotification } from './extension-browser';
import { playwrightSurface } from './playwright-surface';
import type { Surface } from './surface';

type Chrome = {
  contextMenus: { onClicked: { dispatch(info: unknown, tab: unknown): void } };
  idle: { onStateChanged: { dispatch(state: string): void } };
  tabs: { query(q: object): Promise<unknown[]> };
  notifications: { getAll(): Promise<Record<string, true>> };
  runtime: {
    getManifest(): { commands: Record<string, { suggested_key?: { default?: string } }> };
    sendMessage(message: unknown): Promise<unknown>;
  };
};
declare const chrome: Chrome;

// Windows virtual key codes of letters are their upper-case ASCII codes; Alt=1, Ctrl=2, Meta=4, Shift=8.
const MODIFIERS: Record<string, number> = { Alt: 1, Ctrl: 2, Command: 4, Shift: 8 };

export class ChromiumBrowser implements ExtensionBrowser {
  readonly name = 'chromium';
  private constructor(private session: ExtensionSession) {}

  static async launch(cor: FakeCor): Promise<ChromiumBrowser> {
    return new ChromiumBrowser(await ExtensionSession.launch(cor));
  }

  async openPopup(): Promise<Surface> {
    return playwrightSurface(await this.session.openPopup());
  }

  async openOptions(): Promise<Surface> {
    return playwrightSurface(await this.session.openOptions());
  }

  async waitForPage(path: string): Promise<Surface> {
    const url = this.session.url(path);
    const isIt = (p: Page) => p.url() === url;
    const page = this.session.context.pages().find(isIt) ?? (await this.session.context.waitForEvent('page', isIt));
    await page.waitForLoadState();
    return playwrightSurface(page);
  }

  stopBackground(): Promise<void> {
    return this.session.stopWorker();
  }

  async restart(): Promise<void> {
    this.session = await this.session.relaunch();
  }

  /** A raw CDP key press (Playwright's keyboard does not reach commands.onCommand; TESTING.md). */
  async pressShortcut(command: string): Promise<void> {
    const shortcut = await this.session.worker.evaluate(
      (command) => chrome.runtime.getManifest().commands[command]?.suggested_key?.default,
      command,
    );
    if (shortcut === undefined) throw new Error(`No suggested key for ${command}`);
    const parts = shortcut.split('+');
    const letter = parts.pop()!.toUpperCase();
    const modifiers = parts.reduce((sum, p) => sum + (MODIFIERS[p] ?? 0), 0);
    const code = letter.charCodeAt(0);
    const page = this.session.context.pages().at(-1) ?? (await this.session.context.newPage());
    const cdp = await this.session.context.newCDPSession(page);
    const key = {
      modifiers,
      windowsVirtualKeyCode: code,
      nativeVirtualKeyCode: code,
      code: `Key${letter}`,
      key: letter,
    };
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
    await cdp.detach();
  }

  /** Fires the worker's registered listener (TESTING.md). */
  async clickMenu(click: MenuClick): Promise<void> {
    await this.wake();
    await this.session.worker.evaluate(async (info) => {
      const [tab] = await chrome.tabs.query({ active: true });
      chrome.contextMenus.onClicked.dispatch({ editable: false, frameId: 0, ...info }, tab);
    }, click);
  }

  /** Fires the worker's registered listener (TESTING.md), as Chrome does when the system's idle state changes. */
  async systemIdle(change: IdleChange): Promise<void> {
    await this.wake();
    await this.session.worker.evaluate((state) => chrome.idle.onStateChanged.dispatch(state), change);
  }

  /** Chrome's idle API has no getter for the interval. */
  idleDetectionSeconds(): Promise<number | null> {
    return Promise.resolve(null);
  }

  /** The action popup is a page target Playwright does not list; Chrome announces it over CDP (TESTING.md). */
  async waitForActionPopup(): Promise<void> {
    const cdp = await this.session.context.browser()!.newBrowserCDPSession();
    const popup = await CdpTarget.waitFor(cdp, (url) => url === this.session.url('src/popup/index.html'));
    await popup.loaded();
    await cdp.detach();
  }

  async notifications(): Promise<ShownNotification[]> {
    const ids = Object.keys(await this.session.worker.evaluate(() => chrome.notifications.getAll()));
    return ids.map((id) => ({ id }));
  }

  /** Chromium's uncaught page errors already fail the test through the harness's pageerror hook. */
  extensionErrors(): Promise<string[]> {
    return Promise.resolve([]);
  }

  close(): Promise<void> {
    return this.session.close();
  }

  /**
   * A real event would wake a stopped worker by itself; evaluate cannot (it hangs on a stopped
   * worker), so an extension page wakes it first with a message it ignores.
   */
  private async wake(): Promise<void> {
    const page = await this.session.openOptions();
    await page.evaluate(() => chrome.runtime.sendMessage({ wake: true }));
    await page.close();
  }
}
