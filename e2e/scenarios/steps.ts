/** What a person does in the popup and options, through the shared role-and-name helpers. */
import { expect } from 'vitest';
import type { FakeCor } from '../../tools/fake-cor/server.ts';
import type { ExtensionBrowser } from '../drive/extension-browser';
import type { Surface } from '../drive/surface';

/** Options → Other ways to sign in → Access token → Save, and wait until it says who signed in. */
export async function signInWithToken(browser: ExtensionBrowser, cor: FakeCor): Promise<void> {
  const options = await browser.openOptions();
  await options.text('Other ways to sign in').click();
  await options.label('Access token').fill(cor.issueToken().access_token);
  await options.role('button', 'Save').click();
  await options.text(/Signed in as /).waitFor();
  await options.close();
}

/** Names the task by number in the search box and starts it; returns the moment of the click. */
export async function startByNumber(popup: Surface, taskId: number): Promise<number> {
  await popup.role('combobox', 'Search tasks').fill(String(taskId));
  await popup.role('option', undefined, { selected: true }).waitFor();
  const clickedAt = Date.now();
  await popup.role('button', 'Start timer').click();
  await popup.role('button', 'Stop timer').waitFor();
  return clickedAt;
}

/** Stops the running timer and waits for the popup to say it was logged; returns the moment of the click. */
export async function stopTimer(popup: Surface): Promise<number> {
  const clickedAt = Date.now();
  await popup.role('button', 'Stop timer').click();
  await popup.role('button', 'Start timer').waitFor();
  return clickedAt;
}

/** COR stores whole seconds; the posted stamp is the click, floored to its second. */
export function expectStampNear(iso: unknown, clickedAt: number): void {
  expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  expect(Math.abs(Date.parse(iso as string) - clickedAt)).toBeLessThan(1000);
}

type Posted = { task_log_id: number; start: string; stop: string };

/** The bodies of every POST /v1/hours fake-cor received. */
export function posted(cor: FakeCor): Posted[] {
  return cor.requests.filter((r) => r.method === 'POST' && r.path === '/v1/hours').map((r) => r.json as Posted);
}

/** COR's request format for a moment: ISO 8601 UTC in whole seconds (COR stores no milliseconds). */
export function corStamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** What an extension page's `chrome.*` answers, as the extension itself sees it. */
async function fromExtension<A, R>(browser: ExtensionBrowser, read: (arg: A) => Promise<R>, arg: A): Promise<R> {
  const page = await browser.openOptions();
  const value = await page.evaluate(read, arg);
  await page.close();
  return value;
}

type Chrome = {
  storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
  action: { getBadgeText(details: object): Promise<string> };
};

/** A stored value, read from an extension page. */
export function stored<T>(browser: ExtensionBrowser, key: string): Promise<T | undefined> {
  type Api = { chrome: Chrome };
  return fromExtension(
    browser,
    async (key) => (await (globalThis as unknown as Api).chrome.storage.local.get(key))[key] as T | undefined,
    key,
  );
}

/** The toolbar icon's badge text. */
export function badgeText(browser: ExtensionBrowser): Promise<string> {
  type Api = { chrome: Chrome };
  return fromExtension(browser, () => (globalThis as unknown as Api).chrome.action.getBadgeText({}), null);
}

type Timer = { status: string; startedAt?: number; task?: { id: number; title?: string } };

/** The stored timer. */
export function storedTimer(browser: ExtensionBrowser): Promise<Timer | undefined> {
  return stored<Timer>(browser, 'timer');
}

/**
 * Repeats `act` (a shortcut press, say) until the timer is `status`. A press within 500 ms of an
 * accepted one is ignored by design, so this never toggles twice; it waits out the window without a sleep.
 */
export async function untilTimerIs(browser: ExtensionBrowser, status: string, act: () => Promise<void>): Promise<void> {
  await expect
    .poll(
      async () => {
        if ((await storedTimer(browser))?.status !== status) await act();
        return (await storedTimer(browser))?.status;
      },
      { timeout: 20_000, interval: 200 },
    )
    .toBe(status);
}

/** Which of `ids` are context-menu items of the extension now (update rejects an unknown id), read from an extension page. */
export async function menuItemsExisting(browser: ExtensionBrowser, ids: string[]): Promise<string[]> {
  type Api = { chrome: { contextMenus: { update(id: string, change: object): Promise<void> } } };
  const found = await fromExtension(
    browser,
    (ids) =>
      Promise.all(
        ids.map((id) =>
          (globalThis as unknown as Api).chrome.contextMenus.update(id, {}).then(
            () => id,
            () => null,
          ),
        ),
      ),
    ids,
  );
  return found.filter((id): id is string => id !== null);
}
