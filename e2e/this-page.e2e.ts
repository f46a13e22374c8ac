/**
 * Issue 12: opened on a COR task page, the popup offers that task first, as "This page". The
 * popup is opened the way a person does it, with its shortcut on that page, so Chrome grants
 * `activeTab` for it (no host permission for cor.works, no content script).
 */
import { describe, expect, it } from 'vitest';
import { SEED } from '../tools/fake-cor/server.ts';
import { useExtension } from './harness';
import { firstGroupText, openPopupOn } from './web-app-kit';

const t = useExtension({ signedIn: true });

describe('this page', () => {
  it('the COR task page the popup opens on is its first suggestion', async () => {
    const page = await t.session.context.newPage();
    await page.goto(`https://acme.cor.works/tasks/${SEED.tasks.content}`);
    const popup = await openPopupOn(t.session, page);

    const title = t.cor.tasks.find((task) => task.id === SEED.tasks.content)!.title;
    await expect.poll(() => firstGroupText(popup)).toContain(`This page${title}`);
    await popup.close();
  });
});
