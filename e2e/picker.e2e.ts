/**
 * Issue 4, end to end: finding the task from the popup, with the keyboard as a person would,
 * switching, correcting the running timer, and the cache when COR is away.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SEED } from '../tools/fake-cor/server.ts';
import { useExtension, postedHours } from './harness';

const t = useExtension({ signedIn: true });

const search = (popup: Page) => popup.getByRole('combobox', { name: 'Search tasks' });
const selected = (popup: Page) => popup.getByRole('option', { selected: true });
const titleOf = (id: number) => t.cor.tasks.find((t) => t.id === id)!.title;
const postedTaskIds = () => postedHours(t.cor).map((p) => (p.body as { task_log_id: number }).task_log_id);

/** The popup with "My tasks" loaded from COR. */
async function openPicker(): Promise<Page> {
  const popup = await t.session.openPopup();
  await popup.getByRole('group', { name: 'My tasks' }).waitFor();
  return popup;
}

async function stop(popup: Page): Promise<void> {
  await popup.getByRole('button', { name: 'Stop timer' }).click();
  await popup.getByRole('button', { name: 'Stop timer' }).waitFor({ state: 'detached' });
}

describe('picking a task', () => {
  it('the search box has focus; ↓ ↓ Enter starts the third task; stop posts that task', async () => {
    const popup = await openPicker();
    expect(await search(popup).evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    const chosen = (await selected(popup).locator('.title').textContent())!;
    const id = t.cor.tasks.find((t) => t.title === chosen)!.id;
    await popup.keyboard.press('Enter');
    await popup.getByRole('region', { name: chosen }).waitFor();
    await stop(popup);
    await t.cor.waitFor((r) => r.method === 'POST' && r.path === '/v1/hours');
    expect(postedTaskIds()).toEqual([id]);
  });

  it('typing matches cached tasks at once (accents optional), and asks COR for the rest', async () => {
    const popup = await openPicker();
    await search(popup).fill('revisao do orcamento');
    await popup
      .getByRole('group', { name: 'Matching' })
      .getByRole('option', { name: /Revisão do orçamento/ })
      .waitFor();

    // "Crème brûlée…" is not one of my tasks: only COR's title search finds it.
    await search(popup).fill('creme brulee');
    const fromCor = popup.getByRole('group', { name: 'From COR' }).getByRole('option', { name: /Crème brûlée menu/ });
    await fromCor.waitFor();
    await popup.keyboard.press('Enter');
    await popup.getByRole('region', { name: 'Crème brûlée menu — photo shoot' }).waitFor();
    await stop(popup);
    await t.cor.waitFor((r) => r.method === 'POST' && r.path === '/v1/hours');
    expect(postedTaskIds()).toEqual([1015]);
    const searches = t.cor.requests.filter((r) => r.path.startsWith('/v1/tasks/search-by-title/'));
    expect(searches.at(-1)!.path).toBe('/v1/tasks/search-by-title/creme%20brulee');
  });

  it('Esc clears the search; a task number nobody has says "Task not found in COR"', async () => {
    const popup = await openPicker();
    await search(popup).fill('#999999');
    await popup.getByRole('option', { name: /Task not found in COR/ }).waitFor();
    await popup.keyboard.press('Enter');
    await popup.getByRole('alert').filter({ hasText: 'Task not found in COR' }).waitFor();
    await popup.keyboard.press('Escape');
    expect(await search(popup).inputValue()).toBe('');
    expect(postedHours(t.cor)).toHaveLength(0);
  });

  it('shows a title that looks like HTML as text', async () => {
    const popup = await openPicker();
    let dialogs = 0;
    popup.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await search(popup).fill(String(SEED.tasks.html));
    await popup.getByRole('option', { name: SEED.htmlTitle }).waitFor();
    await popup.keyboard.press('Enter');
    await popup.getByRole('region', { name: SEED.htmlTitle }).waitFor();
    expect(await popup.getByRole('region', { name: SEED.htmlTitle }).locator('img').count()).toBe(0);
    expect(await popup.locator('#task-list img').count()).toBe(0);
    expect(dialogs).toBe(0);
  });

  it('Alt+P pins the highlighted task; pinned tasks come first', async () => {
    let popup = await openPicker();
    await search(popup).fill('orcamento');
    await popup.getByRole('option', { name: /Revisão do orçamento/ }).waitFor();
    await popup.keyboard.press('Alt+KeyP');
    await popup.getByRole('button', { name: `Unpin ${titleOf(SEED.tasks.budget)}` }).waitFor();
    await popup.close();
    popup = await openPicker();
    const groups = await popup
      .getByRole('group')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-labelledby')));
    expect(groups[0]).toBe('group-pinned');
    expect(await selected(popup).locator('.title').textContent()).toBe(titleOf(SEED.tasks.budget));
  });

  it('cached tasks still work while COR is unreachable', async () => {
    await (await openPicker()).close();
    await t.cor.down();
    const popup = await t.session.openPopup();
    await popup.getByRole('group', { name: 'My tasks' }).waitFor();
    await search(popup).fill('contenido v1');
    await popup.getByRole('option', { name: /Armado de contenido v1/ }).waitFor();
    await popup.keyboard.press('Enter');
    await popup.getByRole('region', { name: titleOf(SEED.tasks.content) }).waitFor();
    await t.cor.up();
  });
});

describe('switching and correcting', () => {
  it('picking another task while one runs logs the first once and keeps the second running', async () => {
    const popup = await openPicker();
    await search(popup).fill(String(SEED.tasks.design));
    await popup.getByRole('option', { name: /Diseño de campaña/ }).waitFor();
    await popup.keyboard.press('Enter');
    await popup.getByRole('region', { name: titleOf(SEED.tasks.design) }).waitFor();

    await search(popup).fill(String(SEED.tasks.content));
    await popup.getByRole('option', { name: /Armado de contenido v1/ }).waitFor();
    await popup.getByRole('button', { name: 'Switch to task' }).click();
    await popup.getByRole('region', { name: titleOf(SEED.tasks.content) }).waitFor();
    await popup.getByText(`Logged < 1 min on ${titleOf(SEED.tasks.design)}`).waitFor();
    expect(postedTaskIds()).toEqual([SEED.tasks.design]);
    await popup.getByRole('button', { name: 'Stop timer' }).waitFor();
  });

  it('"−5 min" moves the start, and the posted start follows', async () => {
    const popup = await openPicker();
    await search(popup).fill(String(SEED.tasks.design));
    await popup.getByRole('option', { name: /Diseño de campaña/ }).waitFor();
    const clickedAt = Date.now();
    await popup.keyboard.press('Enter');
    const region = popup.getByRole('region', { name: titleOf(SEED.tasks.design) });
    await region.waitFor();
    const before = await popup.getByLabel('Started at').inputValue();
    await popup.getByRole('button', { name: '−5 min' }).click();
    await expect.poll(() => popup.getByLabel('Started at').inputValue()).not.toBe(before);
    await expect.poll(() => popup.getByRole('timer').textContent()).toMatch(/^0:0[45]:/);
    await stop(popup);
    await t.cor.waitFor((r) => r.method === 'POST' && r.path === '/v1/hours');
    const start = Date.parse((postedHours(t.cor)[0]!.body as { start: string }).start);
    expect(Math.abs(start - (clickedAt - 5 * 60_000))).toBeLessThan(1000);
  });

  it('moving the start before the previous entry’s stop asks first', async () => {
    const popup = await openPicker();
    for (const id of [SEED.tasks.design, SEED.tasks.content]) {
      await search(popup).fill(String(id));
      await popup.getByRole('option', { name: new RegExp(titleOf(id).slice(0, 12)) }).waitFor();
      await popup.keyboard.press('Enter');
      await popup.getByRole('region', { name: titleOf(id) }).waitFor();
    }
    const before = await popup.getByLabel('Started at').inputValue();
    await popup.getByRole('button', { name: '−5 min' }).click();
    const dialog = popup.getByRole('alertdialog');
    await dialog.getByText(/overlaps the entry logged just before/).waitFor();
    expect(await popup.getByLabel('Started at').inputValue()).toBe(before);
    await dialog.getByRole('button', { name: /^Yes, start at / }).click();
    await expect.poll(() => popup.getByLabel('Started at').inputValue()).not.toBe(before);
    await expect.poll(() => popup.getByRole('timer').textContent()).toMatch(/^0:0[45]:/);
  });

  it('Discard posts nothing and offers Undo', async () => {
    const popup = await openPicker();
    await search(popup).fill(String(SEED.tasks.design));
    await popup.getByRole('option', { name: /Diseño de campaña/ }).waitFor();
    await popup.keyboard.press('Enter');
    await popup.getByRole('button', { name: 'Discard' }).click();
    await popup.getByText(`Timer on ${titleOf(SEED.tasks.design)} discarded.`).waitFor();
    await popup.getByRole('button', { name: 'Undo' }).click();
    await popup.getByRole('region', { name: titleOf(SEED.tasks.design) }).waitFor();
    await popup.getByRole('button', { name: 'Discard' }).click();
    await popup.getByRole('button', { name: 'Undo' }).waitFor();

    // Another timer, stopped: only it reaches COR.
    await search(popup).fill(String(SEED.tasks.content));
    await popup.getByRole('option', { name: /Armado de contenido v1/ }).waitFor();
    await popup.keyboard.press('Enter');
    await stop(popup);
    await t.cor.waitFor((r) => r.method === 'POST' && r.path === '/v1/hours');
    await popup.getByText(/^Logged < 1 min on /).waitFor();
    expect(postedTaskIds()).toEqual([SEED.tasks.content]);
  });

  it('a closed task is refused by COR: its message is shown and the entry kept for the person', async () => {
    const popup = await openPicker();
    await search(popup).fill(`#${SEED.tasks.closed}`);
    await popup.getByRole('option', { name: new RegExp(titleOf(SEED.tasks.closed).slice(0, 10)) }).waitFor();
    await popup.keyboard.press('Enter');
    await popup.getByRole('alertdialog').getByRole('button', { name: 'Start anyway' }).click();
    await stop(popup);
    await popup.getByRole('heading', { name: '1 entry needs your attention' }).waitFor();
    await popup.getByText('COR said: “The task is finished, hours cannot be logged”', { exact: false }).waitFor();
    expect(t.cor.hours).toHaveLength(0);
  });
});
