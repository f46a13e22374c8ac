/**
 * "Open in COR" needs the company's web address. Neither `/me` nor the login answer gives it:
 * it comes from a consent-page sign-in (sign-in.test.ts) or from a COR task page the popup was
 * opened on, and it goes with the session.
 */
import { describe, expect, it, vi } from 'vitest';
import { SEED } from '../../tools/fake-cor/server.ts';
import { sendFromPopup } from '../test/fake-platform';
import { popup, stored, useWorker } from '../test/worker';

vi.mock('../platform/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const world = useWorker();
const seen = (url: unknown) => sendFromPopup({ name: 'account.page-seen', data: { url } });
const company = async () => (await stored<{ company?: string | null }>('account')).company;

describe('the company learned from a COR task page', () => {
  it('is kept for the signed-in person; the latest task page seen wins', async () => {
    await popup.signInWithToken(world.cor.issueToken().access_token);
    expect(await company()).toBeNull();
    expect(await seen('https://acme.cor.works/tasks/1001')).toEqual({ ok: true });
    expect(await company()).toBe('acme');
    await seen('https://Demo.cor.works/#/tasks/7?tab=hours');
    expect(await company()).toBe('demo');
    expect(await stored('account')).toMatchObject({ status: 'signed-in', userId: SEED.user.id });
  });

  it('takes only task pages of COR’s web app', async () => {
    await popup.signInWithToken(world.cor.issueToken().access_token);
    for (const url of [
      'https://acme.cor.works/',
      'https://acme.cor.works.evil.com/tasks/1',
      'http://acme.cor.works/tasks/1',
      'https://evil.com/?u=https://acme.cor.works/tasks/1',
      'javascript:alert(1)',
      42,
      'x'.repeat(3000),
    ]) {
      expect(await seen(url)).toEqual({ ok: false, error: 'invalid-task' });
    }
    expect(await company()).toBeNull();
  });

  it('is not kept while nobody is signed in', async () => {
    expect(await seen('https://acme.cor.works/tasks/1001')).toEqual({ ok: true });
    expect(await stored('account')).toBeUndefined();
  });

  it('goes with the session: gone after sign-out, and not shown to the next person', async () => {
    await popup.signInWithToken(world.cor.issueToken().access_token);
    await seen('https://acme.cor.works/tasks/1001');
    expect(await popup.signOut(true)).toEqual({ ok: true });
    expect(await stored('account')).toEqual({ status: 'signed-out' });

    await popup.signInWithToken(world.cor.issueToken().access_token);
    await seen('https://acme.cor.works/tasks/1001');
    await popup.signInWithToken(world.cor.issueToken(SEED.user2.id).access_token);
    expect(await stored('account')).toMatchObject({ userId: SEED.user2.id, company: null });
  });
});
