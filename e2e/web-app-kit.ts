/**
 * The COR web app in e2e tests (`<company>.cor.works`, served by fake-cor): signing in through a
 * company's consent page, and opening the real action popup on one of its pages the way a person
 * does, with the popup's shortcut, so that Chrome grants `activeTab` for that tab.
 */
import type { Page } from 'playwright-core';
import { CdpTarget } from './cdp-target';
import type { ExtensionSession } from './harness';

/** Options → "Company COR address" → Continue with COR → Allow on COR's consent page. */
export async function signInWithCompanyPage(session: ExtensionSession, company: string): Promise<void> {
  const browser = await session.context.browser()!.newBrowserCDPSession();
  const options = await session.openOptions();
  const consent = CdpTarget.waitFor(browser, (url) => url.startsWith(`https://${company}.cor.works/oauth2/authorize`));
  await options.getByLabel('Company COR address').fill(`${company}.cor.works`);
  await options.getByRole('button', { name: 'Continue with COR' }).click();
  const page = await consent;
  await page.loaded();
  await page.clickButton('Allow');
  await options.getByText(/^Signed in as /).waitFor();
  await options.close();
}

/** Alt+Shift+J (the popup's shortcut) as a real key press to `page`; resolves with the popup, loaded. */
export async function openPopupOn(session: ExtensionSession, page: Page): Promise<CdpTarget> {
  await page.bringToFront();
  const browser = await session.context.browser()!.newBrowserCDPSession();
  const opened = CdpTarget.waitFor(browser, (url) => url === session.url('src/popup/index.html'));
  const cdp = await session.context.newCDPSession(page);
  const key = { modifiers: 1 | 8, windowsVirtualKeyCode: 74, nativeVirtualKeyCode: 74, code: 'KeyJ', key: 'J' };
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
  const popup = await opened;
  await popup.loaded();
  return popup;
}

/** The text of the popup's first group of tasks ("This page…" when it was opened on a task page). */
export async function firstGroupText(popup: CdpTarget): Promise<string | null> {
  const answer = await popup.send<{ result: { value: string | null } }>('Runtime.evaluate', {
    expression: `(() => { const g = document.querySelector('#task-list [role=group]'); return g && g.textContent; })()`,
    returnByValue: true,
  });
  return answer.result.value;
}
