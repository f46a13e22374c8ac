/**
 * Issue 12: in every state and language the popup fits in Chrome's 600 px, reads at a readable
 * size and passes axe-core in light and dark. The states are reached with the popup's own
 * messages (names differ by language); the longest title (300 characters) runs where it can.
 * Set POPUP_SHOTS=<dir> to keep a screenshot of each state.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SEED } from '../tools/fake-cor/server.ts';
import type { Language } from '../tools/chromium-launch.ts';
import { ExtensionSession } from './harness';
import { axeViolations, fontSizes, popupHeight, POPUP_MAX_HEIGHT, shoot } from './popup-kit';
import { startFakeCor, type FakeCor } from '../tools/fake-cor/server.ts';

type Send = { name: string; data: Record<string, unknown> };
/** What an extension page sees of the chrome API here: the popup's own door to the worker, and storage. */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(key: string | null): Promise<Record<string, unknown>> } };
  i18n: { getMessage(key: string): string };
  /** In the worker: dispatching runs the idle listener the extension registered (TESTING.md). */
  idle: { onStateChanged: { dispatch(state: string): void } };
};
const away = (page: Page) => page.evaluate(async () => (await chrome.storage.local.get('away')).away);
const send = (page: Page, message: Send) =>
  page.evaluate((m) => chrome.runtime.sendMessage(m) as Promise<{ ok: boolean }>, message);
/** The outbox's entries as stored, one `entry:<id>` key each. */
const entries = (page: Page) =>
  page.evaluate(async () =>
    Object.entries(await chrome.storage.local.get(null))
      .filter(([key]) => key.startsWith('entry:'))
      .map(([, entry]) => entry as { state: string }),
  );

/**
 * "Move to another task" opened on the first entry that needs attention, with part of a title
 * typed: the combobox lists what matches. Reached by position (the names differ by language):
 * the entry's second choice is Move.
 */
async function moving(page: Page): Promise<void> {
  await page.locator('.attention-list > li').first().getByRole('button').nth(1).click();
  await page.keyboard.type('de');
  await page.locator('.attention-list [role=listbox] [role=option]').first().waitFor();
  // COR's answer (or, while COR is away, word that its search is unavailable) is in.
  const searching = await page.evaluate(() => chrome.i18n.getMessage('searching'));
  await expect.poll(() => page.locator('.attention-list [role=status]').textContent()).not.toBe(searching);
}

/** Each state: its height, axe in both schemes, and (where text shows) readable sizes. */
async function check(
  page: Page,
  name: string,
  problems: string[],
  popup = true,
  prepare: (page: Page) => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  await page.reload();
  await page.locator('main').waitFor();
  await page.evaluate(() => document.fonts.ready);
  // The popup's first frame draws its main control and what is above it; the rest follows a frame later.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await prepare(page);
  const height = await popupHeight(page);
  if (popup && height > POPUP_MAX_HEIGHT) problems.push(`${name}: ${height} px tall`);
  const sizes = await fontSizes(page);
  const small = [...sizes.body!, ...sizes.button!, ...sizes.input!].filter((s) => s < 13);
  if (small.length > 0 || sizes.muted!.some((s) => s < 12)) problems.push(`${name}: text at ${JSON.stringify(sizes)}`);
  for (const scheme of ['light', 'dark'] as const) {
    problems.push(...(await axeViolations(page, scheme)).map((v) => `${name}: ${v}`));
    await shoot(page, `${name}-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function inLanguage(language: Language): Promise<string[]> {
  const cor: FakeCor = await startFakeCor();
  const session = await ExtensionSession.launch(cor, undefined, undefined, { language });
  const problems: string[] = [];
  try {
    const popup = await session.openPopup();
    const tag = (state: string) => `${language}-${state}`;
    await check(popup, tag('signed-out'), problems);
    const options = await session.openOptions();
    await check(options, tag('options'), problems, false);
    await options.close();

    const token = cor.issueToken().access_token;
    expect(await send(popup, { name: 'auth.sign-in', data: { method: 'token', token } })).toMatchObject({ ok: true });
    const day = new Date();
    day.setHours(0, 1, 0, 0);
    for (const [offset, task] of [
      [0, SEED.tasks.design],
      [40, SEED.tasks.budget],
      [90, SEED.tasks.long],
    ] as const) {
      const start = day.getTime() + offset * 60_000;
      cor.addHour({
        task_log_id: task,
        start: new Date(start).toISOString(),
        stop: new Date(start + 35 * 60_000).toISOString(),
      });
    }
    await send(popup, { name: 'tasks.refresh', data: {} });
    await send(popup, { name: 'today.refresh', data: {} });
    // From here on the company is known (a COR task page was seen): "Open in COR" links show.
    await send(popup, {
      name: 'account.page-seen',
      data: { url: `https://acme.cor.works/tasks/${SEED.tasks.design}` },
    });
    await check(popup, tag('idle'), problems);

    const long = { id: SEED.tasks.long, title: SEED.longTitle, project: 'Portal de clientes', client: 'Northwind' };
    await send(popup, { name: 'timer.start', data: { task: long } });
    await check(popup, tag('running'), problems);

    // Away and back (issue 11): "You were away" comes first, above the running timer.
    const movedBack = Date.now() - 20 * 60_000;
    await send(popup, { name: 'timer.adjust-start', data: { startedAt: movedBack, confirmed: true } });
    await session.worker.evaluate(() => chrome.idle.onStateChanged.dispatch('idle'));
    await session.worker.evaluate(() => chrome.idle.onStateChanged.dispatch('active'));
    await expect.poll(async () => ((await away(popup)) as { question: unknown } | undefined)?.question).toBeTruthy();
    await check(popup, tag('running-away'), problems);
    await send(popup, { name: 'away.answer', data: { answer: 'keep' } });

    // Running + an entry that needs attention: COR refuses hours on a closed task.
    await send(popup, { name: 'timer.start', data: { task: { id: SEED.tasks.closed } } });
    await send(popup, { name: 'timer.start', data: { task: long } });
    await expect.poll(async () => (await entries(popup)).map((e) => e.state)).toEqual(['needs-attention']);
    await check(popup, tag('running-attention'), problems);
    await check(popup, tag('running-attention-move'), problems, true, moving);

    // And one more waiting, since COR is away when the timer stops: the longest popup there is.
    await cor.down();
    await send(popup, { name: 'timer.stop', data: {} });
    await send(popup, { name: 'timer.start', data: { task: long } });
    await expect.poll(async () => (await entries(popup)).length).toBe(2);
    await check(popup, tag('running-waiting-attention'), problems);
    await check(popup, tag('running-waiting-attention-move'), problems, true, moving);
    await cor.up();
  } finally {
    await session.close();
    await cor.close();
  }
  return problems;
}

describe('the popup fits, reads well and passes axe in every state', () => {
  it.each(['en', 'es', 'pt_BR'] as const)('%s', async (language) => {
    expect(await inLanguage(language)).toEqual([]);
  });
});
