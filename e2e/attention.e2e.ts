/**
 * Issue 6, the popup's "Needs attention" list in real Chromium: an entry COR refused stays
 * there, with COR's reason as text, until the person retries it, moves it to another task or
 * discards it (after a question). Driven with the keyboard where a person would use it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SEED } from '../tools/fake-cor/server.ts';
import { postedHours, startByNumber, useExtension } from './harness';

const t = useExtension({ signedIn: true });

/** "Landing page redesign": not one of Ana's tasks, so only COR's title search finds it. */
const LANDING = 1008;

const REFUSAL = [{ field: 'stop', validation: 'after', message: 'The <b>stop</b> must follow the start' }];

/** Times one entry on `taskId` that COR refuses with a 417 validation array; returns the popup showing it. */
async function refusedEntry(taskId: number): Promise<Page> {
  t.cor.failNext(1, { status: 417, body: REFUSAL }, { method: 'POST', path: '/v1/hours' });
  const popup = await t.session.openPopup();
  await startByNumber(popup, taskId);
  await popup.getByRole('button', { name: 'Stop timer' }).click();
  await popup.getByRole('heading', { name: '1 entry needs your attention' }).waitFor();
  return popup;
}

const titleOf = (id: number) => t.cor.tasks.find((task) => task.id === id)!.title;

const postedBodies = () =>
  postedHours(t.cor).map((p) => p.body as { task_log_id: number; start: string; stop: string });

describe('Needs attention', () => {
  it('shows COR’s reason as text and keeps the entry; Retry sends it once COR accepts', async () => {
    const popup = await refusedEntry(SEED.tasks.design);
    // COR's text is shown as text: the tags are visible characters, not markup.
    await popup.getByText('The <b>stop</b> must follow the start', { exact: false }).waitFor();
    expect(await popup.locator('b').count()).toBe(0);
    await expect.poll(() => t.session.badgeText()).toBe('!');
    await popup.getByRole('button', { name: 'Retry' }).click();
    await popup.getByRole('heading', { name: '1 entry needs your attention' }).waitFor({ state: 'detached' });
    await expect.poll(() => t.cor.hours.length).toBe(1);
    await popup.getByRole('heading', { name: /waiting to be sent/ }).waitFor({ state: 'detached' });
    expect(postedBodies()).toHaveLength(2);
    expect(postedBodies()[1]).toEqual(postedBodies()[0]);
  });

  it('moves the entry to another task typed by number, with the keyboard, keeping its times', async () => {
    const popup = await refusedEntry(SEED.tasks.design);
    await popup.getByRole('button', { name: 'Move to another task' }).focus();
    await popup.keyboard.press('Enter');
    const field = popup.getByRole('combobox', { name: 'Move to task' });
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    // Esc in the empty box closes the form and gives the focus back to the button; Enter opens it again.
    await popup.keyboard.press('Escape');
    await field.waitFor({ state: 'detached' });
    await popup.locator('button:focus', { hasText: 'Move to another task' }).waitFor();
    await popup.keyboard.press('Enter');
    await popup.keyboard.type('#99999');
    await popup.keyboard.press('Enter');
    await popup.getByRole('alert').filter({ hasText: 'Task not found in COR' }).waitFor();
    await field.fill(`#${SEED.tasks.budget}`);
    await popup.keyboard.press('Enter');
    await popup.getByRole('heading', { name: '1 entry needs your attention' }).waitFor({ state: 'detached' });
    await expect.poll(() => t.cor.hours.length).toBe(1);
    const [refused, moved] = postedBodies();
    expect(moved).toEqual({ ...refused, task_log_id: SEED.tasks.budget });
    expect(t.cor.hours.map((h) => h.task_log_id)).toEqual([SEED.tasks.budget]);
  });

  it('moves the entry to a task found by part of its title, chosen with the keyboard; COR gets it once', async () => {
    const popup = await refusedEntry(SEED.tasks.design);
    await popup.getByRole('button', { name: 'Move to another task' }).click();
    const field = popup.getByRole('combobox', { name: 'Move to task' });
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    // ↓ opens the list of known tasks (the entry's own task is not among them) and moves the highlight.
    await popup.keyboard.press('ArrowDown');
    const list = popup.getByRole('listbox', { name: 'Move to task' });
    await list.getByRole('option').first().waitFor();
    expect(await list.getByRole('option', { name: new RegExp(titleOf(SEED.tasks.design)) }).count()).toBe(0);
    const highlighted = () => field.getAttribute('aria-activedescendant');
    const first = await highlighted();
    await popup.keyboard.press('ArrowDown');
    expect(await highlighted()).not.toBe(first);
    // Part of a title only COR knows (not one of Ana's tasks): COR's title search finds it.
    await popup.keyboard.type('landing');
    const option = list.getByRole('option', { name: /Landing page redesign/ });
    await option.waitFor();
    await popup.keyboard.press('ArrowUp');
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await popup.keyboard.press('Enter');
    await popup.getByRole('heading', { name: '1 entry needs your attention' }).waitFor({ state: 'detached' });
    // The picker is back, and has the focus the Move form had.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('task-search');
    await expect.poll(() => t.cor.hours.length).toBe(1);
    const [refused, ...after] = postedBodies();
    expect(after).toEqual([{ ...refused, task_log_id: LANDING }]);
    expect(t.cor.hours.map((h) => h.task_log_id)).toEqual([LANDING]);
  });

  it('asks before discarding; “Keep it” keeps the entry, “Discard entry” removes it and nothing reaches COR', async () => {
    const popup = await refusedEntry(SEED.tasks.design);
    await popup.getByRole('button', { name: 'Discard', exact: true }).click();
    const question = popup.getByRole('alertdialog', { name: 'Discard this entry? Its time will not reach COR.' });
    await question.waitFor();
    // The safe answer has the focus: Enter keeps the entry.
    await popup.locator('button:focus', { hasText: 'Keep it' }).waitFor();
    await popup.keyboard.press('Enter');
    await question.waitFor({ state: 'detached' });
    await popup.getByRole('heading', { name: '1 entry needs your attention' }).waitFor();
    await popup.getByRole('button', { name: 'Discard', exact: true }).click();
    await question.getByRole('button', { name: 'Discard entry' }).click();
    await popup.getByRole('heading', { name: '1 entry needs your attention' }).waitFor({ state: 'detached' });
    await expect.poll(() => t.session.badgeText()).toBe('');
    expect(t.cor.hours).toHaveLength(0);
    expect(postedBodies()).toHaveLength(1);
  });
});
