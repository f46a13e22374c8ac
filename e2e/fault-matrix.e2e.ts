/**
 * Issue 6, "Never lose an hour", end to end: the production build in real Chromium against
 * fake-cor, one fault per scenario. Each scenario drives the popup by role and accessible name,
 * checks what the popup says while the fault holds, lets delivery happen (a retry, Send now,
 * Retry, COR coming back, a restarted worker or browser), and ends with the audit: exactly one
 * hour in fake-cor per stopped timer. The suite prints the tally and fails on any loss or double.
 *
 * Connection-cut faults (drop, commit-then-drop) start from fresh connections (`Rig.freshConnection`):
 * Chromium silently resends a request whose reused keep-alive connection closes before any
 * response byte, so on a reused connection the extension never sees the cut (and a
 * commit-then-drop is booked twice by the browser itself, below the extension; see the report).
 *
 * Chrome throttles an extension's requests to a URL (query ignored) for a short, growing time
 * after 500/503 answers (its anti-DDoS "extension HTTP throttling"); a throttled fetch fails at
 * once, which the extension cannot tell from a network error. The scenarios leave it on, as in
 * the field, and so never rely on a request right after a 500/503 reaching fake-cor.
 *
 * `runtime.onStartup` does not fire for an extension loaded with --load-extension (each launch is
 * an install), so the restart scenario relies on the worker's own start-up flush.
 *
 * Scenarios that go through an unknown outcome wait out the in-doubt grace (10 s): they run
 * concurrently, each on its own fake-cor and browser, so the suite stays short on two cores.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SEED } from '../tools/fake-cor/server.ts';
import { isPost, LIST_HOURS, POST_HOURS, scenario, summaryLine, tally } from './matrix-kit';

const T = SEED.tasks;

afterAll(() => {
  console.log(summaryLine());
  for (const finding of tally.findings) console.log(`  ${finding}`);
  expect(tally.lost, 'hours lost across the matrix').toBe(0);
  expect(tally.duplicated, 'hours booked twice across the matrix').toBe(0);
});

const text = {
  offline: "You're offline. Entries are sent when you're back online.",
  network: "COR couldn't be reached.",
  timeout: 'COR took too long to answer.',
  serverError: (status: number) => `COR answered with an error (${status}).`,
  unavailable: 'COR is temporarily unavailable. Trying again in a few minutes.',
  rateLimited: 'COR asked us to slow down. Trying again shortly.',
  unauthorized: 'COR refused the access token. Paste a new one in Settings.',
  sessionExpired: 'Your COR session expired — sign in again.',
  taskNotFound: 'Task not found in COR.',
};

describe('fault matrix: answers COR gives', () => {
  it('no fault: one stop, one POST, one hour', ({ expect }) =>
    scenario(expect, 'no fault', async (rig) => {
      await rig.startAndStop(T.content);
      await rig.waitForPosts(1);
      await rig.expectDeliveredOnce();
      expect(rig.posts()).toHaveLength(1);
    }));

  it('500 twice: waits, retries by itself with backoff, delivers on the third POST', ({ expect }) =>
    scenario(expect, '500 ×2', async (rig) => {
      rig.cor.failNext(2, { status: 500 }, POST_HOURS);
      await rig.startAndStop(T.content);
      await rig.expectWaiting(1);
      await rig.popup.getByText(`${text.serverError(500)} COR said: “Internal error”`).waitFor();
      await rig.waitForPosts(3);
      await rig.expectDeliveredOnce();
      expect(rig.posts().map((p) => p.fault ?? null)).toEqual([{ status: 500 }, { status: 500 }, null]);
    }));

  it('502 (JSON) until COR recovers: Send now delivers', ({ expect }) =>
    scenario(expect, '502', async (rig) => {
      rig.cor.failNext(1000, { status: 502 }, POST_HOURS);
      await rig.startAndStop(T.content);
      await rig.expectWaiting(1);
      await rig.popup.getByText(`${text.serverError(502)} COR said: “Internal error”`).waitFor();
      expect(rig.cor.hours).toHaveLength(0);
      rig.cor.clearFaults();
      await rig.sendNow();
      await rig.expectDeliveredOnce();
    }));

  it('503: waits minutes (Next try at …); Send now delivers', ({ expect }) =>
    scenario(expect, '503', async (rig) => {
      rig.cor.failNext(1, { status: 503 }, POST_HOURS);
      await rig.startAndStop(T.content);
      await rig.expectWaiting(1);
      await rig.popup.getByText(`${text.unavailable} COR said: “Internal error”`).waitFor();
      await rig.popup.getByText(/^Next try at /).waitFor();
      await rig.sendNow();
      await rig.expectDeliveredOnce();
      expect(rig.posts()).toHaveLength(2);
    }));

  it('429 with Retry-After: 1, twice: retries by itself and delivers', ({ expect }) =>
    scenario(expect, '429 Retry-After 1', async (rig) => {
      rig.cor.failNext(2, { status: 429, retryAfter: 1 }, POST_HOURS);
      await rig.startAndStop(T.content);
      await rig.expectWaiting(1);
      await rig.popup.getByText(new RegExp(`^${text.rateLimited}`)).waitFor();
      await rig.waitForPosts(3);
      await rig.expectDeliveredOnce();
      expect(rig.posts()).toHaveLength(3);
    }));

  it('HTML 502 error page: waits; Send now delivers once COR is back', ({ expect }) =>
    scenario(expect, 'HTML 502', async (rig) => {
      rig.cor.failNext(1000, { kind: 'html', status: 502 }, POST_HOURS);
      await rig.startAndStop(T.content);
      await rig.expectWaiting(1);
      await rig.popup.getByText(text.serverError(502)).first().waitFor();
      rig.cor.clearFaults();
      await rig.sendNow();
      await rig.expectDeliveredOnce();
    }));

  it('401 with a pasted token: nothing to refresh with, waits for a new sign-in, then delivers', ({ expect }) =>
    scenario(expect, '401 pasted token', async (rig) => {
      rig.cor.failNext(1, { status: 401 }, POST_HOURS);
      await rig.startAndStop(T.content);
      await rig.expectWaiting(1);
      await rig.popup.getByText(text.unauthorized).first().waitFor();
      expect(rig.cor.requests.filter((r) => r.path === '/v1/oauth/refreshtoken')).toHaveLength(0);
      expect(rig.posts()).toHaveLength(1);
      await rig.session.signInWithToken();
      await rig.expectDeliveredOnce();
      expect(rig.posts()).toHaveLength(2);
    }));

  it('401 with a password session: refreshes once and resends, delivered', ({ expect }) =>
    scenario(
      expect,
      '401 refresh',
      async (rig) => {
        rig.cor.failNext(1, { status: 401 }, POST_HOURS);
        await rig.startAndStop(T.content);
        await rig.waitForPosts(2);
        await rig.expectDeliveredOnce();
        expect(rig.cor.requests.filter((r) => r.path === '/v1/oauth/refreshtoken')).toHaveLength(1);
        expect(rig.posts()).toHaveLength(2);
      },
      { password: true },
    ));

  it('401 and the refresh refused: session expired, waits; signing in again delivers', ({ expect }) =>
    scenario(
      expect,
      '401 refresh refused',
      async (rig) => {
        rig.cor.revokeRefreshTokens();
        rig.cor.failNext(1, { status: 401 }, POST_HOURS);
        await rig.startAndStop(T.content);
        await rig.expectWaiting(1);
        await rig.popup.getByText(text.sessionExpired).first().waitFor();
        const options = await rig.session.signInWithPassword(SEED.user.email, SEED.password);
        await options.getByText(/^Signed in as /).waitFor();
        await rig.expectDeliveredOnce();
        expect(rig.posts()).toHaveLength(2);
      },
      { password: true },
    ));

  it('417 validation array: needs attention with COR’s message; Retry delivers', ({ expect }) =>
    scenario(expect, '417 → Retry', async (rig) => {
      rig.cor.failNext(1, { status: 417 }, POST_HOURS);
      await rig.startAndStop(T.content);
      await rig.expectAttention(1);
      await rig.expectWaiting(0);
      const item = rig.attentionItem('required validation failed on task_log_id');
      await item.waitFor();
      await item.getByRole('button', { name: 'Retry' }).click();
      await rig.expectDeliveredOnce();
      expect(rig.posts()).toHaveLength(2);
    }));

  it('404: needs attention (task not found); Retry delivers once COR knows the task', ({ expect }) =>
    scenario(expect, '404 → Retry', async (rig) => {
      rig.cor.failNext(1, { status: 404 }, POST_HOURS);
      await rig.startAndStop(T.content);
      await rig.expectAttention(1);
      const item = rig.attentionItem(text.taskNotFound);
      await item.waitFor();
      await item.getByRole('button', { name: 'Retry' }).click();
      await rig.expectDeliveredOnce();
      expect(rig.posts()).toHaveLength(2);
    }));

  it('400: needs attention; Discard asks first (Keep it keeps it), Discard entry removes it, nothing booked', ({
    expect,
  }) =>
    scenario(expect, '400 → Discard', async (rig) => {
      rig.cor.failNext(1, { status: 400 }, POST_HOURS);
      const stopped = await rig.startAndStop(T.content);
      await rig.expectAttention(1);
      const item = rig.attentionItem('Validation error message');
      await item.waitFor();
      await item.getByRole('button', { name: 'Discard', exact: true }).click();
      await rig.popup.getByRole('button', { name: 'Keep it' }).click();
      await rig.expectAttention(1);
      await item.getByRole('button', { name: 'Discard', exact: true }).click();
      await rig.popup.getByRole('button', { name: 'Discard entry' }).click();
      stopped.discarded = true;
      await rig.expectDeliveredOnce();
      expect(rig.posts()).toHaveLength(1);
      expect(rig.cor.hours).toHaveLength(0);
    }));

  it('a closed task (COR’s own 400): needs attention; Move to another task delivers it there, once', ({ expect }) =>
    scenario(expect, '400 closed task → Move', async (rig) => {
      const stopped = await rig.startAndStop(T.closed, { closed: true });
      await rig.expectAttention(1);
      const item = rig.attentionItem('The task is finished, hours cannot be logged');
      await item.waitFor();
      await item.getByRole('button', { name: 'Move to another task' }).click();
      await item.getByRole('combobox', { name: 'Move to task' }).fill(`#${T.content}`);
      await item.getByRole('combobox', { name: 'Move to task' }).press('Enter');
      stopped.taskId = T.content;
      await rig.expectDeliveredOnce();
      expect(rig.posts().map((p) => (p.json as { task_log_id: number }).task_log_id)).toEqual([T.closed, T.content]);
    }));

  it('browser closed with an entry waiting (500s), COR recovers meanwhile: delivered after the restart', ({ expect }) =>
    scenario(expect, 'browser relaunch', async (rig) => {
      rig.cor.failNext(1000, { status: 500 }, POST_HOURS);
      await rig.startAndStop(T.content);
      await rig.expectWaiting(1);
      await rig.popup.getByText(`${text.serverError(500)} COR said: “Internal error”`).waitFor();
      // Cleared only once the browser is gone, so the entry is still waiting when it starts again.
      await rig.relaunch(() => rig.cor.clearFaults());
      await rig.expectDeliveredOnce();
      expect(rig.posts().at(-1)!.fault).toBeUndefined();
    }));

  it('three timers stopped while COR rate-limits (429, Retry-After 300): Send now delivers them in stop order', ({
    expect,
  }) =>
    scenario(expect, '3 stopped during 429, in order', async (rig) => {
      // 429, not 503: Chrome throttles an extension's requests after 500/503 answers (see the report).
      rig.cor.failNext(1000, { status: 429, retryAfter: 300 }, POST_HOURS);
      await rig.startAndStop(T.design);
      await rig.expectWaiting(1);
      await rig.startAndStop(T.content);
      await rig.startAndStop(T.budget);
      await rig.expectWaiting(3);
      // The oldest is tried (again on each stop) and then waits minutes; the newer ones wait behind it.
      await rig.cor.waitFor((r) => isPost(r) && (r.json as { task_log_id: number }).task_log_id === T.design);
      expect(rig.posts().every((p) => (p.json as { task_log_id: number }).task_log_id === T.design)).toBe(true);
      rig.cor.clearFaults();
      const tried = rig.posts().length;
      await rig.sendNow();
      await rig.expectDeliveredOnce();
      const order = rig
        .posts()
        .slice(tried)
        .map((p) => (p.json as { task_log_id: number }).task_log_id);
      expect(order).toEqual([T.design, T.content, T.budget]);
    }));

  it('three timers stopped offline: nothing sent; back online, each delivered once, in stop order', ({ expect }) =>
    scenario(expect, '3 offline', async (rig) => {
      await rig.start(T.design);
      await rig.session.context.setOffline(true);
      await rig.stop();
      await rig.expectWaiting(1);
      await rig.popup.getByText(text.offline).first().waitFor();
      await rig.startAndStop(T.content);
      await rig.startAndStop(T.budget);
      await rig.expectWaiting(3);
      expect(rig.posts()).toHaveLength(0);
      await rig.session.context.setOffline(false);
      await rig.waitForPosts(3);
      await rig.expectDeliveredOnce();
      expect(rig.posts().map((p) => (p.json as { task_log_id: number }).task_log_id)).toEqual([
        T.design,
        T.content,
        T.budget,
      ]);
    }));
});

describe.concurrent('fault matrix: outcomes unknown (in doubt: looked up before any resend)', () => {
  it('COR refused (connection refused), then back: Send now delivers once', ({ expect }) =>
    scenario(expect, 'refused, then up', async (rig) => {
      await rig.start(T.content);
      await rig.cor.down();
      await rig.stop();
      await rig.expectWaiting(1);
      await rig.popup.getByText(text.network).first().waitFor();
      expect(rig.posts()).toHaveLength(0);
      await rig.cor.up();
      await rig.sendNow();
      await rig.expectDeliveredOnce();
      expect(rig.posts()).toHaveLength(1);
    }));

  it('worker stopped right after the stop with COR down; COR up; the restarted worker delivers', ({ expect }) =>
    scenario(expect, 'worker stopped before sending (COR down)', async (rig) => {
      await rig.start(T.content);
      await rig.cor.down();
      await rig.stop();
      await rig.expectWaiting(1);
      await rig.session.stopWorker();
      await rig.cor.up();
      expect(rig.posts()).toHaveLength(0);
      await rig.popup.close();
      rig.popup = await rig.session.openPopup();
      await rig.expectDeliveredOnce();
      expect(rig.posts()).toHaveLength(1);
    }));

  it('worker stopped while COR holds the POST, restarted before COR commits it late: found, not resent', ({ expect }) =>
    scenario(expect, 'worker stopped mid-POST, late commit', async (rig) => {
      rig.cor.failNext(1, { kind: 'delay', ms: 4000 }, POST_HOURS);
      await rig.startAndStop(T.content);
      await rig.waitForPosts(1);
      await rig.popup.getByText('Sending…').waitFor();
      await rig.session.stopWorker();
      expect(rig.cor.hours).toHaveLength(0);
      await rig.sendNow(); // wakes the worker: it finds the entry it was sending, in doubt
      await rig.expectWaiting(1);
      await rig.expectDeliveredOnce();
      expect(rig.posts()).toHaveLength(1);
      expect(rig.lookups().length).toBeGreaterThan(0);
    }));

  it('worker stopped while COR holds the POST; COR commits while it is stopped; restarted: found, not resent', ({
    expect,
  }) =>
    scenario(expect, 'worker stopped mid-POST, committed meanwhile', async (rig) => {
      rig.cor.failNext(1, { kind: 'delay', ms: 1500 }, POST_HOURS);
      await rig.startAndStop(T.content);
      await rig.waitForPosts(1);
      await rig.session.stopWorker();
      await expect.poll(() => rig.cor.hours.length, { timeout: 10_000 }).toBe(1);
      await rig.sendNow();
      await rig.expectDeliveredOnce();
      expect(rig.posts()).toHaveLength(1);
      expect(rig.lookups().length).toBeGreaterThan(0);
    }));

  it('COR commits and cuts the connection, the worker is stopped at once; restarted: found, not resent', ({ expect }) =>
    scenario(expect, 'commit-then-drop, worker stopped', async (rig) => {
      await rig.start(T.content);
      await rig.freshConnection();
      rig.cor.failNext(1, { kind: 'commit-then-drop' }, POST_HOURS);
      await rig.stop();
      await rig.waitForPosts(1);
      await rig.session.stopWorker();
      expect(rig.cor.hours).toHaveLength(1);
      await rig.sendNow();
      await rig.expectDeliveredOnce();
      expect(rig.posts()).toHaveLength(1);
    }));

  it('no answer within the 15 s client timeout, COR commits at 17 s: the lookup finds it, no second POST', ({
    expect,
  }) =>
    scenario(expect, 'timeout, late commit', async (rig) => {
      rig.cor.failNext(1, { kind: 'delay', ms: 17_000 }, POST_HOURS);
      await rig.startAndStop(T.content);
      await rig.waitForPosts(1);
      await rig.popup.getByText('Sending…').waitFor();
      await rig.popup.getByText(text.timeout).first().waitFor({ timeout: 30_000 });
      await rig.expectWaiting(1);
      await rig.sendNow(); // a person pressing Send now must not double it either
      await rig.expectDeliveredOnce(60_000);
      expect(rig.posts()).toHaveLength(1);
      expect(rig.lookups().length).toBeGreaterThan(0);
    }));

  it('connection cut before COR handled it (drop): in doubt, looked up, absent, sent once more', ({ expect }) =>
    scenario(expect, 'drop', async (rig) => {
      await rig.start(T.content);
      await rig.freshConnection();
      rig.cor.failNext(1, { kind: 'drop' }, POST_HOURS);
      await rig.stop();
      await rig.expectWaiting(1);
      await rig.popup.getByText(text.network).first().waitFor();
      await rig.expectDeliveredOnce();
      const posts = rig.posts();
      expect(posts).toHaveLength(2);
      expect(rig.lookups().some((l) => l.at > posts[0]!.at && l.at < posts[1]!.at)).toBe(true);
    }));

  it('COR committed, then the connection was cut (commit-then-drop): found by the lookup, never resent', ({ expect }) =>
    scenario(expect, 'commit-then-drop', async (rig) => {
      await rig.start(T.content);
      await rig.freshConnection();
      rig.cor.failNext(1, { kind: 'commit-then-drop' }, POST_HOURS);
      await rig.stop();
      await rig.expectWaiting(1);
      await rig.popup.getByText(text.network).first().waitFor();
      await rig.sendNow();
      await rig.expectDeliveredOnce();
      expect(rig.posts()).toHaveLength(1);
      expect(rig.lookups().length).toBeGreaterThan(0);
    }));

  it('200 with a body that is not JSON: in doubt, looked up, absent, sent once more', ({ expect }) =>
    scenario(expect, 'malformed 200', async (rig) => {
      rig.cor.failNext(1, { kind: 'malformed' }, POST_HOURS);
      await rig.startAndStop(T.content);
      await rig.waitForPosts(2);
      await rig.expectDeliveredOnce();
      const posts = rig.posts();
      expect(posts).toHaveLength(2);
      expect(rig.lookups().some((l) => l.at > posts[0]!.at && l.at < posts[1]!.at)).toBe(true);
    }));

  it('the in-doubt lookup pages through 120 hours of the same task to find the one that was committed', ({ expect }) =>
    scenario(expect, 'lookup pages', async (rig) => {
      const day = Date.now() - 3_600_000;
      for (let i = 0; i < 120; i += 1) {
        const start = new Date(day + i * 20_000).toISOString();
        rig.ignoreHour(rig.cor.addHour({ task_log_id: T.content, start, stop: start }).id);
      }
      await rig.start(T.content);
      await rig.freshConnection();
      rig.cor.failNext(1, { kind: 'commit-then-drop' }, POST_HOURS);
      await rig.stop();
      await rig.expectWaiting(1);
      await rig.expectDeliveredOnce();
      expect(rig.posts()).toHaveLength(1);
      const pages = rig.lookups().map((l) => l.query.page);
      expect(pages).toContain('3');
    }));

  it('the lookup itself fails (500) once: looked up again later, found, never resent', ({ expect }) =>
    scenario(expect, 'lookup fails once', async (rig) => {
      await rig.start(T.content);
      await rig.freshConnection();
      rig.cor.failNext(1, { kind: 'commit-then-drop' }, POST_HOURS);
      rig.cor.failNext(1, { status: 500 }, LIST_HOURS);
      await rig.stop();
      await rig.expectWaiting(1);
      await rig.expectDeliveredOnce();
      expect(rig.posts()).toHaveLength(1);
      expect(rig.lookups().length).toBeGreaterThanOrEqual(2);
      expect(rig.lookups()[0]!.fault).toEqual({ status: 500 });
    }));

  it('COR down for a while (several failed tries), then up: delivered by itself, once', ({ expect }) =>
    scenario(expect, 'down for a while', async (rig) => {
      await rig.start(T.content);
      await rig.cor.down();
      await rig.stop();
      await rig.expectWaiting(1);
      await rig.popup.getByText(text.network).first().waitFor();
      await expect
        .poll(async () => (await rig.outbox())[0]?.attempts ?? 0, { timeout: 30_000, interval: 250 })
        .toBeGreaterThanOrEqual(2);
      await rig.cor.up();
      await rig.expectDeliveredOnce();
      expect(rig.posts()).toHaveLength(1);
    }));
});

const ANA = SEED.user.id;
const BRUNO = SEED.user2.id;
const anaWaits = (n: number) =>
  n === 1 ? '1 entry waiting for Ana García to sign in' : `${n} entries waiting for Ana García to sign in`;

describe('fault matrix: accounts (an hour is booked only to the person who worked it)', () => {
  it("502, Ana signs out, Bruno signs in: Ana's entry waits for her, Bruno's own goes; Ana back: hers once", ({
    expect,
  }) =>
    scenario(expect, '502, account switch', async (rig) => {
      rig.cor.failNext(1000, { status: 502 }, POST_HOURS);
      await rig.startAndStop(T.content);
      await rig.expectWaiting(1);
      await rig.signOut();
      rig.cor.clearFaults();
      await rig.signInAs(BRUNO);
      await rig.popup.getByRole('heading', { name: anaWaits(1) }).waitFor();
      // Bruno works too: his hour goes under his name, hers does not move.
      await rig.startAndStop(T.budget);
      await rig.waitForPosts(2);
      await rig.popup.getByRole('heading', { name: anaWaits(1) }).waitFor();
      expect(rig.cor.hours.map((h) => h.user_id)).toEqual([BRUNO]);
      await rig.signOut();
      await rig.signInAs(ANA);
      await rig.popup.getByRole('heading', { name: anaWaits(1) }).waitFor({ state: 'detached' });
      await rig.expectDeliveredOnce();
      expect(rig.cor.hours.map((h) => h.user_id).sort()).toEqual([ANA, BRUNO].sort());
    }));
});

describe.concurrent('fault matrix: accounts with outcomes unknown', () => {
  it("COR commits and cuts the connection; Ana signs out, Bruno in: never looked up in Bruno's hours; Ana back: found", ({
    expect,
  }) =>
    scenario(expect, 'commit-then-drop, account switch', async (rig) => {
      await rig.start(T.content);
      await rig.freshConnection();
      rig.cor.failNext(1, { kind: 'commit-then-drop' }, POST_HOURS);
      await rig.stop();
      await rig.waitForPosts(1);
      await expect.poll(async () => (await rig.outbox())[0]?.state, { timeout: 10_000 }).toBe('in-doubt');
      await rig.signOut();
      await rig.signInAs(BRUNO);
      await rig.popup.getByRole('heading', { name: anaWaits(1) }).waitFor();
      // Past the settling time, Bruno's session still neither looks it up nor sends it.
      const settled = (await rig.outbox())[0]!.nextAttemptAt;
      await expect.poll(() => Date.now(), { timeout: 20_000, interval: 500 }).toBeGreaterThan(settled);
      await rig.popup.getByRole('heading', { name: anaWaits(1) }).waitFor();
      expect(rig.lookups()).toHaveLength(0);
      await rig.signOut();
      await rig.signInAs(ANA);
      await rig.expectDeliveredOnce();
      expect(rig.posts()).toHaveLength(1);
      expect(rig.lookups().length).toBeGreaterThanOrEqual(1);
    }));
});
