/**
 * Issue 3, end to end: signing in through the options page as a person does, staying signed
 * in while tokens lapse, and an expired session that loses nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SEED } from '../tools/fake-cor/server.ts';
import { CdpTarget } from './cdp-target';
import { postedHours, startByNumber, storageText, useExtension } from './harness';

const t = useExtension();
const NAME = `${SEED.user.first_name} ${SEED.user.last_name}`;

async function runAndStop(popup: Page, taskId: number, between: () => void): Promise<void> {
  await startByNumber(popup, taskId);
  between();
  await popup.getByRole('button', { name: 'Stop timer' }).click();
}

async function signInAndClose(): Promise<void> {
  const options = await t.session.signInWithPassword(SEED.user.email, SEED.password);
  await options.getByText(`Signed in as ${NAME}`).waitFor();
  await options.close();
}

describe('signing in', () => {
  it('first use: the popup leads to the sign-in page; email and password sign in', async () => {
    const popup = await t.session.openPopup();
    await popup.getByText('Sign in to COR to start logging your hours.').waitFor();
    const opened = t.session.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Sign in to COR' }).click();
    const options = await opened;
    await options.waitForURL(/options\/index\.html/);

    await options.getByLabel('Email').fill(SEED.user.email);
    await options.getByLabel('Password').fill(SEED.password);
    await options.getByRole('button', { name: 'Sign in', exact: true }).click();
    await options.getByText(`Signed in as ${NAME}`).waitFor();
    await popup.getByText(`Signed in as ${NAME}`).waitFor();
    expect(await storageText(options)).not.toContain(SEED.password);
    const login = t.cor.requests.find((r) => r.path === '/v1/auth/login');
    expect(login?.form).toEqual({ email: SEED.user.email, password: SEED.password });
  });

  it('a wrong password shows a clear message and stores nothing', async () => {
    const options = await t.session.signInWithPassword(SEED.user.email, 'not-my-password');
    await options
      .getByRole('alert')
      .filter({ hasText: "COR didn't accept these details. Check them and try again." })
      .waitFor();
    const stored = await storageText(options);
    expect(stored).not.toContain('not-my-password');
    expect(stored).not.toContain('"auth"');
    expect(await options.getByLabel('Password').inputValue()).toBe('');
  });

  it("signs in through the company's COR consent page (launchWebAuthFlow) and says so when it is closed", async () => {
    const browser = await t.session.context.browser()!.newBrowserCDPSession();
    const options = await t.session.openOptions();

    let consent = CdpTarget.waitFor(browser, (url) => url.startsWith('https://acme.cor.works/oauth2/authorize'));
    await options.getByLabel('Company COR address').fill('acme.cor.works');
    await options.getByRole('button', { name: 'Continue with COR' }).click();
    const closed = await consent;
    await closed.loaded();
    await closed.close();
    await options
      .getByRole('alert')
      .filter({ hasText: 'Sign-in was cancelled: COR Timer was not allowed to use your COR account.' })
      .waitFor();

    consent = CdpTarget.waitFor(browser, (url) => url.startsWith('https://acme.cor.works/oauth2/authorize'));
    await options.getByRole('button', { name: 'Continue with COR' }).click();
    const page = await consent;
    await page.loaded();
    await page.clickButton('Allow');
    await options.getByText(`Signed in as ${NAME}`).waitFor();
    expect(t.cor.requests.filter((r) => r.path === '/v1/oauth2/token')).toHaveLength(1);
  });

  it('a malformed company address is refused before anything opens', async () => {
    const options = await t.session.openOptions();
    await options.getByLabel('Company COR address').fill('acme.cor.works.evil.com');
    await options.getByRole('button', { name: 'Continue with COR' }).click();
    await options.getByRole('alert').filter({ hasText: "Enter your company's COR address" }).waitFor();
    expect(t.cor.requests.some((r) => r.path === '/oauth2/authorize')).toBe(false);
  });
});

describe('staying signed in', () => {
  it('the token expires while the timer runs: the stop still posts exactly once, after a refresh', async () => {
    await signInAndClose();
    const popup = await t.session.openPopup();
    await runAndStop(popup, SEED.tasks.design, () => t.cor.expireAccessTokens());
    await popup.getByText(/^Logged < 1 min on /).waitFor();
    expect(t.cor.hours).toHaveLength(1);
    expect(t.cor.requests.filter((r) => r.path === '/v1/oauth/refreshtoken')).toHaveLength(1);
    // The first POST met a 401 (COR did nothing with it); the one after the refresh was booked.
    expect(postedHours(t.cor)).toHaveLength(2);
    await popup.getByText(`Signed in as ${NAME}`).waitFor();
  });

  it('the refresh token is revoked: the person is told, signs in again, and the entry arrives once', async () => {
    await signInAndClose();
    const popup = await t.session.openPopup();
    await runAndStop(popup, SEED.tasks.content, () => {
      t.cor.expireAccessTokens();
      t.cor.revokeRefreshTokens();
    });
    await popup.getByText('Your COR session expired — sign in again', { exact: true }).waitFor();
    await popup.getByRole('heading', { name: '1 entry waiting to be sent' }).waitFor();
    expect(t.cor.hours).toHaveLength(0);

    const opened = t.session.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Sign in again' }).click();
    const options = await opened;
    await options.getByLabel('Email').fill(SEED.user.email);
    await options.getByLabel('Password').fill(SEED.password);
    await options.getByRole('button', { name: 'Sign in', exact: true }).click();
    await popup.getByText('Logged < 1 min on Armado de contenido v1').waitFor();
    expect(t.cor.hours).toHaveLength(1);
  });

  it('signing out while an entry waits warns first and keeps the entry; it arrives once after signing in again', async () => {
    await signInAndClose();
    const popup = await t.session.openPopup();
    t.cor.failNext(1000, { status: 503 }, { method: 'POST', path: '/v1/hours' });
    await runAndStop(popup, SEED.tasks.design, () => undefined);
    await popup.getByRole('heading', { name: '1 entry waiting to be sent' }).waitFor();

    const options = await t.session.openOptions();
    await options.getByRole('button', { name: 'Sign out' }).click();
    await options.getByText("1 entry hasn't reached COR yet.", { exact: false }).waitFor();
    await options.getByRole('button', { name: 'Sign out anyway' }).click();
    await options.getByText('Not signed in to COR.').waitFor();
    await popup.getByText('Sign in to COR to start logging your hours.').waitFor();
    // Nobody is signed in: the entry waits for its owner, shown apart, never sent with anyone else.
    await popup.getByRole('heading', { name: '1 entry waiting for Ana García to sign in' }).waitFor();
    expect(await storageText(options)).not.toContain('"accessToken"');

    t.cor.clearFaults();
    await t.session.signInWithToken();
    await popup
      .getByRole('heading', { name: '1 entry waiting for Ana García to sign in' })
      .waitFor({ state: 'detached' });
    await popup.getByRole('heading', { name: '1 entry waiting to be sent' }).waitFor({ state: 'detached' });
    expect(t.cor.hours.map((h) => h.task_log_id)).toEqual([SEED.tasks.design]);
  });

  it('signing out with a timer running asks first; "Stop, log and sign out" books it to its owner', async () => {
    await signInAndClose();
    const popup = await t.session.openPopup();
    await startByNumber(popup, SEED.tasks.budget);
    const options = await t.session.openOptions();
    await options.getByRole('button', { name: 'Sign out' }).click();
    const question = options.getByRole('alertdialog', { name: /^A timer is running on Revisão do orçamento/ });
    await question.waitFor();
    await options.locator('button:focus', { hasText: 'Stop, log and sign out' }).waitFor();
    await options.keyboard.press('Enter');
    await options.getByText('Not signed in to COR.').waitFor();
    expect(t.cor.hours.map((h) => [h.task_log_id, h.user_id])).toEqual([[SEED.tasks.budget, SEED.user.id]]);
    // Signed out, the popup cannot start another.
    await popup.getByRole('button', { name: 'Stop timer' }).waitFor({ state: 'detached' });
  });
});
