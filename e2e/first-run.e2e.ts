/** Issue 12: the welcome page on install, and a signed-out popup that cannot start a timer. */
import { describe, expect, it } from 'vitest';
import { SEED } from '../tools/fake-cor/server.ts';
import { useExtension, welcomePage } from './harness';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const first = useExtension({ keepWelcome: true });

describe('signed out, and the first run', () => {
  it('on install the welcome opens: sign in, pin, the shortcuts as bound; after sign-in, where to go next', async () => {
    const page = await welcomePage(first.session.context);
    await page.getByRole('heading', { name: 'Welcome to COR Timer' }).waitFor();
    await page.getByText('Pin COR Timer to the toolbar').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Start or stop the timer' }).getByText('Alt+Shift+K').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
    await page.getByLabel('Email').fill(SEED.user.email);
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('password');
    await page.getByLabel('Password').fill(SEED.user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const next = page.getByText(/^You are signed in\. Next:/);
    await next.waitFor();
    expect(await next.evaluate((p) => p === document.activeElement)).toBe(true);
  });

  it('signed out, the popup offers only "Sign in to COR" (focused) and cannot start a timer', async () => {
    const popup = await first.session.openPopup();
    const signIn = popup.getByRole('button', { name: 'Sign in to COR' });
    await signIn.waitFor();
    expect(await signIn.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await popup.getByRole('combobox').count()).toBe(0);
    const answer = await popup.evaluate(() =>
      chrome.runtime.sendMessage({ name: 'timer.start', data: { task: { id: 1001 } } }),
    );
    expect(answer).toEqual({ ok: false, error: 'signed-out' });
  });
});
