/**
 * Issue 12: opened on a COR task page, the popup offers that task first, as "This page". The
 * popup is opened the way a person does it, with its shortcut on that page, so Chrome grants
 * `activeTab` for it (no host permission for cor.works, no content script).
 */
import { describe, expect, it } from 'vitest';
import { SEED } from '../tools/fake-cor/server.ts';
import { CdpTarget } from './cdp-target';
import { useExtension } from './harness';

const t = useExtension({ signedIn: true });

describe('this page', () => {
  it('the COR task page the popup opens on is its first suggestion', async () => {
    const page = await t.session.context.newPage();
    await page.goto(`https://acme.cor.works/tasks/${SEED.tasks.content}`);
    await page.bringToFront();
    const browser = await t.session.context.browser()!.newBrowserCDPSession();
    const opened = CdpTarget.waitFor(browser, (url) => url === t.session.url('src/popup/index.html'));

    // Alt+Shift+J, the popup's shortcut, as a real key press to the focused page.
    const cdp = await t.session.context.newCDPSession(page);
    const key = { modifiers: 1 | 8, windowsVirtualKeyCode: 74, nativeVirtualKeyCode: 74, code: 'KeyJ', key: 'J' };
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
    const popup = await opened;
    await popup.loaded();

    const firstGroup = async () =>
      (
        await popup.send<{ result: { value: string | null } }>('Runtime.evaluate', {
          expression: `(() => { const g = document.querySelector('#task-list [role=group]'); return g && g.textContent; })()`,
          returnByValue: true,
        })
      ).result.value;
    const title = t.cor.tasks.find((task) => task.id === SEED.tasks.content)!.title;
    await expect.poll(firstGroup).toContain(`This page${title}`);
    await popup.close();
  });
});
