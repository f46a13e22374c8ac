/**
 * The everyday scenarios, written once against the shared helpers and run in each browser
 * (e2e/cross-browser.e2e.ts for Chromium, e2e/firefox/*.firefox.ts for Firefox): sign-in both
 * ways, start → stop, the background stopped mid-timer, a browser restart, COR failing then
 * recovering; the doors other than the popup (./doors.ts); and the away question (./away.ts).
 */
import { describe, expect, it } from 'vitest';
import { SEED } from '../../tools/fake-cor/server.ts';
import type { BrowserName } from '../drive/extension-browser';
import { useBrowser } from '../drive/use-browser';
import { awayScenarios } from './away';
import { doorScenarios } from './doors';
import { badgeText, expectStampNear, posted, signInWithToken, startByNumber, stopTimer } from './steps';

const NAME = `${SEED.user.first_name} ${SEED.user.last_name}`;

export function everydayScenarios(name: BrowserName): void {
  const t = useBrowser(name);

  describe(`${name}: signing in`, () => {
    it('a pasted access token signs in; the popup says who', async () => {
      await signInWithToken(t.browser, t.cor);
      const popup = await t.browser.openPopup();
      await popup.text(`Signed in as ${NAME}`).waitFor();
    });

    it('the popup leads to the options page; email and password sign in and the password is not kept', async () => {
      const popup = await t.browser.openPopup();
      await popup.text('Sign in to COR to start logging your hours.').waitFor();
      await popup.role('button', 'Sign in to COR').click();
      const options = await t.browser.waitForPage('src/options/index.html');
      await options.label('Email').fill(SEED.user.email);
      await options.label('Password').fill(SEED.password);
      await options.role('button', 'Sign in').click();
      await options.text(`Signed in as ${NAME}`).waitFor();
      await popup.text(`Signed in as ${NAME}`).waitFor();
      type Api = { chrome: { storage: { local: { get(k: null): Promise<object> } } } };
      const stored = await options.evaluate(
        async () => JSON.stringify(await (globalThis as unknown as Api).chrome.storage.local.get(null)),
        null,
      );
      expect(stored).not.toContain(SEED.password);
    });
  });

  describe(`${name}: the timer reaches COR once`, () => {
    it('start → stop posts exactly one entry with the moments of the clicks', async () => {
      await signInWithToken(t.browser, t.cor);
      const popup = await t.browser.openPopup();
      const startedAt = await startByNumber(popup, SEED.tasks.content);
      await popup.role('region', 'Armado de contenido v1').waitFor();
      const stoppedAt = await stopTimer(popup);
      await popup.text('Logged < 1 min on Armado de contenido v1').waitFor();
      const [post, ...more] = posted(t.cor);
      expect(more).toEqual([]);
      expect(post!.task_log_id).toBe(SEED.tasks.content);
      expectStampNear(post!.start, startedAt);
      expectStampNear(post!.stop, stoppedAt);
      expect(t.cor.hours).toHaveLength(1);
    });

    it('the background stopped mid-timer keeps the start and the badge; the stop posts once', async () => {
      await signInWithToken(t.browser, t.cor);
      let popup = await t.browser.openPopup();
      const startedAt = await startByNumber(popup, SEED.tasks.design);
      await popup.close();
      await expect.poll(() => badgeText(t.browser)).toBe('0:00');
      await t.browser.stopBackground();
      // The browser keeps the toolbar's look; the woken background does not set it again.
      expect(await badgeText(t.browser)).toBe('0:00');

      popup = await t.browser.openPopup();
      await stopTimer(popup);
      await popup.text(/Logged < 1 min on /).waitFor();
      expect(posted(t.cor)).toHaveLength(1);
      expectStampNear(posted(t.cor)[0]!.start, startedAt);
    });

    it('a browser restart keeps the running timer and its start; the stop posts once', async () => {
      await signInWithToken(t.browser, t.cor);
      const popup = await t.browser.openPopup();
      const startedAt = await startByNumber(popup, SEED.tasks.budget);
      const startedText = await popup.label('Started at').value();

      await t.browser.restart();

      const again = await t.browser.openPopup();
      await again.role('region', 'Revisão do orçamento 📊').waitFor();
      expect(await again.label('Started at').value()).toBe(startedText);
      await stopTimer(again);
      await again.text(/Logged < 1 min on /).waitFor();
      expect(posted(t.cor)).toHaveLength(1);
      expectStampNear(posted(t.cor)[0]!.start, startedAt);
      expect(t.cor.hours).toHaveLength(1);
    });

    it('COR answering 500 keeps the entry and says why; once COR recovers it is delivered once', async () => {
      await signInWithToken(t.browser, t.cor);
      const popup = await t.browser.openPopup();
      // With Retry-After COR's next automatic try is minutes away, so the recovery below is Send
      // now's: with the backoff's own tries (1 s, 3 s, 5 s…) one could deliver between clearing the
      // faults and the click, and Send now would be gone before it was clicked (seen in Firefox).
      t.cor.failNext(100, { status: 500, retryAfter: 300 }, { method: 'POST', path: '/v1/hours' });
      await startByNumber(popup, SEED.tasks.design);
      await stopTimer(popup);
      await popup.role('heading', '1 entry waiting to be sent').waitFor();
      await popup.text('COR answered with an error (500). COR said: “Internal error”').waitFor();
      expect(t.cor.hours).toHaveLength(0);

      t.cor.clearFaults();
      await popup.role('button', 'Send now').click();
      await popup.text(/Logged < 1 min on /).waitFor();
      await popup.role('heading', '1 entry waiting to be sent').waitGone();
      expect(t.cor.hours.map((h) => h.task_log_id)).toEqual([SEED.tasks.design]);
    });
  });
  doorScenarios(t, name);
  awayScenarios(t, name);
}
