/**
 * Issue 12, behaviour a daily user meets: no double-click trap, Today against COR's hours with
 * Continue, the closed-task question, and focus after actions.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SEED } from '../tools/fake-cor/server.ts';
import { postedHours, startByNumber, useExtension } from './harness';
import { POPUP_MAX_HEIGHT, POPUP_WIDTH } from './popup-kit';

const t = useExtension({ signedIn: true });

const search = (popup: Page) => popup.getByRole('combobox', { name: 'Search tasks' });
const titleOf = (id: number) => t.cor.tasks.find((task) => task.id === id)!.title;
const focusedIs = (popup: Page, id: string) => popup.evaluate((id) => document.activeElement?.id === id, id);

/** Hours COR holds for Ana today, from one minute past local midnight. */
function seedToday(): void {
  const day = new Date();
  day.setHours(0, 1, 0, 0);
  for (const [offset, task, minutes] of [
    [0, SEED.tasks.design, 30],
    [60, SEED.tasks.budget, 45],
  ] as const) {
    const start = day.getTime() + offset * 60_000;
    t.cor.addHour({
      task_log_id: task,
      start: new Date(start).toISOString(),
      stop: new Date(start + minutes * 60_000).toISOString(),
    });
  }
}

describe('the popup a person opens fifty times a day', () => {
  it('a double click on Stop starts nothing: no task row slides under the pointer; the focus goes to the search box', async () => {
    const popup = await t.session.openPopup();
    await popup.setViewportSize({ width: POPUP_WIDTH, height: POPUP_MAX_HEIGHT });
    await popup.getByRole('group', { name: 'My tasks' }).waitFor();
    await startByNumber(popup, SEED.tasks.design);
    const stopButton = popup.getByRole('button', { name: 'Stop timer' });
    const box = (await stopButton.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    // The first click stops; the list takes the running section's place before the second arrives.
    await popup.mouse.click(x, y);
    await stopButton.waitFor({ state: 'detached' });
    await expect.poll(() => focusedIs(popup, 'task-search')).toBe(true);
    // Where Stop was there is no task row and no Continue button: nothing to start there.
    const underPointer = await popup.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.closest('[role=option], button')?.outerHTML ?? null,
      [x, y],
    );
    expect(underPointer).toBeNull();
    await popup.mouse.click(x, y, { clickCount: 2 });

    await t.cor.waitFor((r) => r.method === 'POST' && r.path === '/v1/hours');
    await popup.getByText(/^Logged < 1 min on /).waitFor();
    const timer = await popup.evaluate(
      async () => (await chrome.storage.local.get('timer')).timer as { status: string },
    );
    expect(timer.status).toBe('idle');
    expect(postedHours(t.cor)).toHaveLength(1);
  });

  it("Today: COR's hours for me today, the running timer and a waiting entry, against 8:00; Continue starts that task", async () => {
    seedToday();
    const popup = await t.session.openPopup();
    const today = popup.getByRole('region', { name: 'Today' });
    await today.getByText('1:15').waitFor();
    await today.getByText('of 8:00').waitFor();
    await today.getByRole('button', { name: `Continue ${titleOf(SEED.tasks.budget)}` }).waitFor();

    // A timer moved 10 minutes back counts; stopped while COR is away it waits, and still counts.
    await startByNumber(popup, SEED.tasks.content);
    await popup.getByRole('button', { name: '−5 min' }).click();
    await expect.poll(() => popup.getByRole('timer').textContent()).toMatch(/^0:0[45]:/);
    await popup.getByRole('button', { name: '−5 min' }).click();
    await expect.poll(() => popup.getByRole('timer').textContent()).toMatch(/^0:(09|10):/);
    await today.getByText(/^1:2[45]$/).waitFor();
    await t.cor.down();
    await popup.getByRole('button', { name: 'Stop timer' }).click();
    await popup.getByRole('heading', { name: '1 entry waiting to be sent' }).waitFor();
    await today.getByText(/^1:2[45]$/).waitFor();
    await today
      .getByRole('listitem')
      .filter({ hasText: 'waiting' })
      .filter({ hasText: titleOf(SEED.tasks.content) })
      .waitFor();

    await today.getByRole('button', { name: `Continue ${titleOf(SEED.tasks.budget)}` }).click();
    await popup.getByRole('region', { name: titleOf(SEED.tasks.budget) }).waitFor();
    await t.cor.up();
  });

  it('a closed task is marked and asks first; Cancel starts nothing, Start anyway starts it', async () => {
    const popup = await t.session.openPopup();
    await search(popup).fill(`#${SEED.tasks.closed}`);
    const option = popup.getByRole('option', { name: /Closed/ });
    await option.waitFor();
    await popup.keyboard.press('Enter');
    const question = popup.getByRole('alertdialog');
    await question.getByText('is closed in COR; hours may be refused', { exact: false }).waitFor();
    expect(await question.getByRole('button', { name: 'Cancel' }).evaluate((b) => b === document.activeElement)).toBe(
      true,
    );
    await popup.keyboard.press('Enter');
    await question.waitFor({ state: 'detached' });
    expect(await popup.getByRole('button', { name: 'Stop timer' }).count()).toBe(0);
    await search(popup).focus();
    await popup.keyboard.press('Enter');
    await question.getByRole('button', { name: 'Start anyway' }).click();
    await popup.getByRole('region', { name: titleOf(SEED.tasks.closed) }).waitFor();
  });

  it('Discard puts the focus on Undo; +5 min is off while it would reach the future; a refused time goes back', async () => {
    const popup = await t.session.openPopup();
    await popup.getByRole('group', { name: 'My tasks' }).waitFor();
    await startByNumber(popup, SEED.tasks.design);
    expect(await popup.getByRole('button', { name: '+5 min' }).isDisabled()).toBe(true);
    const field = popup.getByLabel('Started at');
    const before = await field.inputValue();
    const [h, m] = before.split(':').map(Number) as [number, number];
    const later = `${String((h + 1) % 24).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    await field.fill(later);
    await field.press('Enter');
    await popup
      .getByRole('alert')
      .filter({ hasText: /future/ })
      .waitFor();
    await expect.poll(() => field.inputValue()).toBe(before);
    await popup.getByRole('button', { name: 'Discard' }).click();
    await popup.getByRole('button', { name: 'Undo' }).waitFor();
    expect(await popup.getByRole('button', { name: 'Undo' }).evaluate((b) => b === document.activeElement)).toBe(true);
  });

  it('a live region says start and stop; after an attention entry is resolved the focus goes to the search box', async () => {
    const popup = await t.session.openPopup();
    await search(popup).fill(`#${SEED.tasks.closed}`);
    await popup.getByRole('option', { name: /Closed/ }).waitFor();
    await popup.keyboard.press('Enter');
    await popup.getByRole('alertdialog').getByRole('button', { name: 'Start anyway' }).click();
    const title = titleOf(SEED.tasks.closed);
    await popup
      .getByRole('status')
      .filter({ hasText: `Timer running on ${title}` })
      .waitFor();
    await popup.getByRole('button', { name: 'Stop timer' }).click();
    await popup
      .getByRole('status')
      .filter({ hasText: `Timer stopped on ${title}` })
      .waitFor();
    await popup.getByRole('heading', { name: '1 entry needs your attention' }).waitFor();
    await popup.getByRole('button', { name: 'Discard', exact: true }).click();
    await popup.getByRole('alertdialog').getByRole('button', { name: 'Discard entry' }).click();
    await popup.getByRole('heading', { name: '1 entry needs your attention' }).waitFor({ state: 'detached' });
    await expect.poll(() => focusedIs(popup, 'task-search')).toBe(true);
  });
});

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};
