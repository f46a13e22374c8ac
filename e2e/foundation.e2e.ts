/**
 * Issue 2, end to end: the production build in real Chromium, COR played by fake-cor. Each
 * test drives the popup and options by role and accessible name, as a person would.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SEED } from '../tools/fake-cor/server.ts';
import { useExtension, postedHours } from './harness';

const t = useExtension();

/** Names the task by number in the search box and starts it, as a person who knows the number would. */
async function startTimer(popup: Page, taskId: number): Promise<number> {
  await popup.getByRole('combobox', { name: 'Search tasks' }).fill(String(taskId));
  await popup.getByRole('option', { selected: true }).waitFor();
  const clickedAt = Date.now();
  await popup.getByRole('button', { name: 'Start timer' }).click();
  await popup.getByRole('button', { name: 'Stop timer' }).waitFor();
  return clickedAt;
}

async function stopTimer(popup: Page): Promise<number> {
  const clickedAt = Date.now();
  await popup.getByRole('button', { name: 'Stop timer' }).click();
  await popup.getByRole('button', { name: 'Start timer' }).waitFor();
  return clickedAt;
}

/** COR stores whole seconds; the posted stamp is the click, floored to its second. */
function expectStampNear(iso: unknown, clickedAt: number): void {
  expect(typeof iso).toBe('string');
  expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  const stamp = Date.parse(iso as string);
  expect(Math.abs(stamp - clickedAt)).toBeLessThan(1000);
}

describe('foundation: start in the popup, stop, the entry reaches COR', () => {
  it('saves a pasted token in the options page and shows who it belongs to', async () => {
    const options = await t.session.openOptions();
    await options.getByText('Other ways to sign in').click();
    await options.getByLabel('Access token', { exact: true }).fill(t.cor.issueToken().access_token);
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText(`Signed in as ${SEED.user.first_name} ${SEED.user.last_name}`).waitFor();
    const popup = await t.session.openPopup();
    await popup.getByText(`Signed in as ${SEED.user.first_name} ${SEED.user.last_name}`).waitFor();
  });

  it('start → stop posts exactly one entry with the bearer token and the moments of the clicks', async () => {
    const { access_token } = t.cor.issueToken();
    await t.session.signInWithToken(access_token);
    const popup = await t.session.openPopup();
    const startedAt = await startTimer(popup, SEED.tasks.content);

    // COR tells the worker the task's title; the popup shows it in place of the number.
    await popup.getByRole('region', { name: 'Armado de contenido v1' }).waitFor();
    const clock = popup.getByRole('timer', { name: 'Elapsed time' });
    const first = await clock.textContent();
    expect(first).toMatch(/^0:00:0\d$/);
    // The clock ticks while the popup is open.
    await expect.poll(() => clock.textContent(), { timeout: 5000 }).not.toBe(first);

    const stoppedAt = await stopTimer(popup);
    await popup.getByText('Logged < 1 min on Armado de contenido v1').waitFor();

    const posts = postedHours(t.cor);
    expect(posts).toHaveLength(1);
    const [post] = posts;
    expect(post!.auth).toBe(`Bearer ${access_token}`);
    expect(post!.contentType).toMatch(/^application\/json/);
    const body = post!.body as { task_log_id: unknown; start: unknown; stop: unknown };
    expect(Object.keys(body).sort()).toEqual(['start', 'stop', 'task_log_id']);
    expect(body.task_log_id).toBe(SEED.tasks.content);
    expectStampNear(body.start, startedAt);
    expectStampNear(body.stop, stoppedAt);
    expect(t.cor.hours).toHaveLength(1);
  });

  it('keeps running with the original start when Chrome stops the service worker', async () => {
    await t.session.signInWithToken();
    let popup = await t.session.openPopup();
    const startedAt = await startTimer(popup, SEED.tasks.design);
    await popup.close();

    await t.session.stopWorker();

    popup = await t.session.openPopup();
    await popup.getByRole('button', { name: 'Stop timer' }).waitFor();
    await stopTimer(popup);
    await t.cor.waitFor((r) => r.method === 'POST' && r.path === '/v1/hours');
    await popup.getByText(/^Logged /).waitFor();
    const posts = postedHours(t.cor);
    expect(posts).toHaveLength(1);
    expectStampNear((posts[0]!.body as { start: unknown }).start, startedAt);
  });

  it('keeps running with the original start across a browser restart, then posts once', async () => {
    await t.session.signInWithToken();
    const popup = await t.session.openPopup();
    const startedAt = await startTimer(popup, SEED.tasks.budget);
    const startedText = await popup.getByLabel('Started at').inputValue();

    t.session = await t.session.relaunch();

    const again = await t.session.openPopup();
    await again.getByRole('button', { name: 'Stop timer' }).waitFor();
    expect(await again.getByLabel('Started at').inputValue()).toBe(startedText);
    await again.getByRole('region', { name: 'Revisão do orçamento 📊' }).waitFor();
    await stopTimer(again);
    await again.getByText(/^Logged /).waitFor();
    const posts = postedHours(t.cor);
    expect(posts).toHaveLength(1);
    expectStampNear((posts[0]!.body as { start: unknown }).start, startedAt);
    expect(t.cor.hours).toHaveLength(1);
  });

  it('keeps the entry when COR answers 500, shows why, and delivers it once COR recovers', async () => {
    await t.session.signInWithToken();
    const popup = await t.session.openPopup();
    t.cor.failNext(100, { status: 500 }, { method: 'POST', path: '/v1/hours' });
    await startTimer(popup, SEED.tasks.design);
    await stopTimer(popup);

    await popup.getByRole('heading', { name: '1 entry waiting to be sent' }).waitFor();
    await popup.getByText('COR answered with an error (500). COR said: “Internal error”').waitFor();
    expect(t.cor.hours).toHaveLength(0);

    t.cor.clearFaults();
    await popup.getByRole('button', { name: 'Send now' }).click();
    await popup.getByText(/^Logged < 1 min on /).waitFor();
    await popup.getByRole('heading', { name: '1 entry waiting to be sent' }).waitFor({ state: 'detached' });
    expect(t.cor.hours).toHaveLength(1);
    expect(t.cor.hours[0]!.task_log_id).toBe(SEED.tasks.design);
  });

  it('keeps the entry when COR refuses the token, and says the token was refused', async () => {
    await t.session.signInWithToken();
    const popup = await t.session.openPopup();
    await startTimer(popup, SEED.tasks.design);
    await popup.getByRole('region', { name: 'Diseño de campaña — Día del Niño 🎈' }).waitFor();
    t.cor.expireAccessTokens();
    await stopTimer(popup);

    await popup.getByRole('heading', { name: '1 entry waiting to be sent' }).waitFor();
    await popup.getByText('COR refused the access token. Paste a new one in Settings.').first().waitFor();
    expect(t.cor.hours).toHaveLength(0);
    const posts = postedHours(t.cor);
    expect(posts).toHaveLength(1);

    // A new token sends what waited, once.
    await t.session.signInWithToken();
    await popup.getByText(/^Logged < 1 min on /).waitFor();
    expect(t.cor.hours).toHaveLength(1);
  });
});
