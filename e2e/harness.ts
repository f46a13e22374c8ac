/**
 * Runs the production build (dist/chrome) in real Chromium against tools/fake-cor. The
 * extension's requests to https://api.projectcor.com are resolved to the local fake through
 * --host-resolver-rules, so the manifest under test is the one that ships.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterEach, beforeEach } from 'vitest';
import { startFakeCor, type FakeCor } from '../tools/fake-cor/server.ts';
import { CHROME_DIST as DIST, launchWithExtension, type Language } from '../tools/chromium-launch.ts';

export class ExtensionSession {
  private constructor(
    readonly context: BrowserContext,
    readonly worker: Worker,
    readonly extensionId: string,
    readonly profileDir: string,
    private readonly cor: FakeCor,
    private readonly dist: string,
  ) {}

  /** Starts Chromium with the build at `dist` (the production build unless a test installs a copy). */
  static async launch(
    cor: FakeCor,
    profileDir?: string,
    dist = DIST,
    options: { language?: Language; keepWelcome?: boolean } = {},
  ): Promise<ExtensionSession> {
    if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`No build at ${dist}: run npm run build first`);
    const dir = profileDir ?? (await mkdtemp(join(tmpdir(), 'cor-timer-e2e-')));
    const context = await launchWithExtension({
      profileDir: dir,
      corPort: cor.port,
      headless: true,
      dist,
      language: options.language,
    });
    // A fresh install opens the welcome page (background/welcome.ts); other tests start without it.
    if (profileDir === undefined && options.keepWelcome !== true) await (await welcomePage(context)).close();
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    return new ExtensionSession(context, worker, new URL(worker.url()).host, dir, cor, dist);
  }

  url(path: string): string {
    return `chrome-extension://${this.extensionId}/${path}`;
  }

  /** The popup's page, opened in a tab (the real action popup has no Playwright page). */
  async openPopup(): Promise<Page> {
    const page = await this.context.newPage();
    failOnPageErrors(page);
    await page.goto(this.url('src/popup/index.html'));
    return page;
  }

  async openOptions(): Promise<Page> {
    const page = await this.context.newPage();
    failOnPageErrors(page);
    await page.goto(this.url('src/options/index.html'));
    return page;
  }

  /** Signs in with a pasted access token (options → Other ways to sign in → Access token → Save). */
  async signInWithToken(token = this.cor.issueToken().access_token): Promise<void> {
    const options = await this.openOptions();
    await signInWithTokenOn(options, token);
    await options.close();
  }

  /** Signs in the way most people do: email and password in the options page. */
  async signInWithPassword(email: string, password: string): Promise<Page> {
    const options = await this.openOptions();
    await options.getByLabel('Email').fill(email);
    await options.getByLabel('Password').fill(password);
    await options.getByRole('button', { name: 'Sign in', exact: true }).click();
    return options;
  }

  /**
   * Stops the extension's service worker the way Chrome does when it is idle (CDP
   * ServiceWorker.stopAllWorkers), and waits until Chrome reports it stopped.
   */
  async stopWorker(): Promise<void> {
    const page = await this.context.newPage();
    const cdp = await this.context.newCDPSession(page);
    const stopped = new Promise<void>((done) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((v) => v.scriptURL.startsWith(this.url('')) && v.runningStatus === 'stopped')) done();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    await cdp.detach();
    await page.close();
  }

  /** The toolbar badge's text, as Chrome shows it. */
  badgeText(): Promise<string> {
    type ChromeAction = { chrome: { action: { getBadgeText(details: object): Promise<string> } } };
    return this.worker.evaluate(() => (globalThis as unknown as ChromeAction).chrome.action.getBadgeText({}));
  }

  /** Closes the whole browser, runs `meanwhile` (say, an update of the files), and starts it again on the same profile. */
  async relaunch(meanwhile: () => unknown = () => undefined): Promise<ExtensionSession> {
    await this.context.close();
    await meanwhile();
    return ExtensionSession.launch(this.cor, this.profileDir, this.dist);
  }

  async close(): Promise<void> {
    await this.context.close();
    await rm(this.profileDir, { recursive: true, force: true });
  }
}

/** What each test of a file gets: its own fake-cor and its own browser with the extension. */
export interface ExtensionTest {
  cor: FakeCor;
  session: ExtensionSession;
}

/**
 * Registers the hooks that give every test in the file a fresh fake-cor and Chromium (signed in
 * with a pasted token when `signedIn`), closed after it. Fields are set before each test runs.
 */
export function useExtension(
  options: { signedIn?: boolean; language?: Language; keepWelcome?: boolean } = {},
): ExtensionTest {
  const test = {} as ExtensionTest;
  beforeEach(async () => {
    test.cor = await startFakeCor();
    test.session = await ExtensionSession.launch(test.cor, undefined, DIST, options);
    if (options.signedIn === true) await test.session.signInWithToken();
  });
  afterEach(async () => {
    await test.session.close();
    await test.cor.close();
  });
  return test;
}

/** On an open options page: Other ways to sign in → Access token → Save, until it says who is signed in. */
export async function signInWithTokenOn(options: Page, token: string): Promise<void> {
  await options.getByText('Other ways to sign in').click();
  await options.getByLabel('Access token', { exact: true }).fill(token);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByText(/^Signed in as /).waitFor();
}

/**
 * Names the task by number in the popup's search box and starts it, as a person who knows the
 * number would; `closed`: COR says the task is closed, and the person starts it anyway.
 */
export async function startByNumber(popup: Page, taskId: number, options: { closed?: boolean } = {}): Promise<void> {
  await popup.getByRole('combobox', { name: 'Search tasks' }).fill(String(taskId));
  await popup.getByRole('option', { selected: true }).waitFor();
  await popup.getByRole('button', { name: 'Start timer' }).click();
  if (options.closed === true)
    await popup.getByRole('alertdialog').getByRole('button', { name: 'Start anyway' }).click();
  await popup.getByRole('button', { name: 'Stop timer' }).waitFor();
}

/** The options page the extension opens on install, with its welcome. */
export async function welcomePage(context: BrowserContext): Promise<Page> {
  const isWelcome = (page: Page) => page.url().endsWith('#welcome');
  return context.pages().find(isWelcome) ?? context.waitForEvent('page', { predicate: isWelcome });
}

/**
 * A real key press of the toggle shortcut (Alt+Shift+K by default) delivered by the browser to
 * the focused page: Playwright's keyboard does not reach `commands.onCommand`, raw CDP does.
 */
export async function pressToggleShortcut(session: ExtensionSession, page: Page): Promise<void> {
  const cdp = await session.context.newCDPSession(page);
  const key = { modifiers: 1 | 8, windowsVirtualKeyCode: 75, nativeVirtualKeyCode: 75, code: 'KeyK', key: 'K' };
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
  await cdp.detach();
}

/** Fail loudly: an uncaught error in an extension page fails the test that caused it. */
function failOnPageErrors(page: Page): void {
  page.on('pageerror', (error) => {
    throw new Error(`Uncaught error in ${page.url()}: ${error.message}`);
  });
}

/** The POST /hours requests fake-cor received, parsed. */
export function postedHours(
  cor: FakeCor,
): Array<{ auth: string | undefined; contentType: string | undefined; body: unknown; at: number }> {
  return cor.requests
    .filter((r) => r.method === 'POST' && r.path === '/v1/hours')
    .map((r) => ({ auth: r.headers.authorization, contentType: r.headers['content-type'], body: r.json, at: r.at }));
}

type ChromeStorage = { chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } } };

/** Everything the extension keeps in storage.local, read from one of its own pages: for "this secret is nowhere" checks. */
export function storageText(page: Page): Promise<string> {
  return page.evaluate(async () =>
    JSON.stringify(await (globalThis as unknown as ChromeStorage).chrome.storage.local.get(null)),
  );
}
