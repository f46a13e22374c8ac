/**
 * Issue 12: "Open in COR" links the running task and today's entries to their pages in the
 * company's web app, in a new tab — only where the company's address is known: from a sign-in
 * through the company's COR page, or from a COR task page the popup was opened on. `/me` and the
 * login answer name no web address, so after an email-and-password sign-in there is no link.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SEED } from '../tools/fake-cor/server.ts';
import { startByNumber, useExtension } from './harness';
import { openPopupOn, signInWithCompanyPage } from './web-app-kit';

const t = useExtension();
const titleOf = (id: number) => t.cor.tasks.find((task) => task.id === id)!.title;
const { design, content, budget } = SEED.tasks;

/** Thirty minutes COR holds for Ana on the design task, from one minute past local midnight. */
function seedHourToday(): void {
  const start = new Date();
  start.setHours(0, 1, 0, 0);
  t.cor.addHour({
    task_log_id: design,
    start: start.toISOString(),
    stop: new Date(start.getTime() + 30 * 60_000).toISOString(),
  });
}

/** Runs `content` and waits until Today lists the design task's entry too. */
async function runningWithToday(popup: Page): Promise<void> {
  await startByNumber(popup, content);
  await today(popup)
    .getByRole('button', { name: `Continue ${titleOf(design)}` })
    .waitFor();
}

const running = (popup: Page) => popup.getByRole('region', { name: titleOf(content) });
const today = (popup: Page) => popup.getByRole('region', { name: 'Today' });
const linkTo = (area: ReturnType<Page['getByRole']>, id: number) =>
  area.getByRole('link', { name: `Open in COR: ${titleOf(id)}` });

describe('Open in COR', () => {
  it('after a sign-in through the company’s COR page: the running task and a Today entry link there', async () => {
    seedHourToday();
    await signInWithCompanyPage(t.session, 'acme');
    const popup = await t.session.openPopup();
    await runningWithToday(popup);

    const link = linkTo(running(popup), content);
    expect(await link.getAttribute('href')).toBe(`https://acme.cor.works/tasks/${content}`);
    expect(await link.textContent()).toBe('Open in COR');
    expect(await linkTo(today(popup), design).getAttribute('href')).toBe(`https://acme.cor.works/tasks/${design}`);

    // A person's click opens the task's page in a new tab; the timer is untouched.
    const opened = t.session.context.waitForEvent('page');
    await link.click();
    const tab = await opened;
    await tab.waitForURL(`https://acme.cor.works/tasks/${content}`);
    expect(await tab.locator('#task-title').textContent()).toBe(titleOf(content));
    await running(popup).getByRole('button', { name: 'Stop timer' }).waitFor();
  });

  it('none while the company is unknown; once the popup was opened on a COR task page, they link to that company', async () => {
    seedHourToday();
    const options = await t.session.signInWithPassword(SEED.user.email, SEED.password);
    await options.getByText(/^Signed in as /).waitFor();
    await options.close();
    let popup = await t.session.openPopup();
    await runningWithToday(popup);
    expect(await popup.getByRole('link').count()).toBe(0);
    await popup.close();

    const page = await t.session.context.newPage();
    await page.goto(`https://demo.cor.works/tasks/${budget}`);
    const onPage = await openPopupOn(t.session, page);
    // That popup read the tab's address and told the worker; its own links follow at once.
    const links = async () =>
      (
        await onPage.send<{ result: { value: string[] } }>('Runtime.evaluate', {
          expression: `[...document.querySelectorAll('a')].map((a) => a.getAttribute('aria-label') + ' → ' + a.href)`,
          returnByValue: true,
        })
      ).result.value;
    await expect.poll(links).toContain(`Open in COR: ${titleOf(content)} → https://demo.cor.works/tasks/${content}`);
    await onPage.close();

    popup = await t.session.openPopup();
    await linkTo(running(popup), content).waitFor();
    expect(await linkTo(running(popup), content).getAttribute('href')).toBe(`https://demo.cor.works/tasks/${content}`);
    expect(await linkTo(today(popup), design).getAttribute('href')).toBe(`https://demo.cor.works/tasks/${design}`);
  });
});
