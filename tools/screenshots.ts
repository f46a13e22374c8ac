/**
 * `npm run screenshots`: the popup in each state and the options page, light and dark, from the
 * production build (dist/chrome) in Chromium against fake-cor. Never edited by hand: run again.
 *   docs/screenshots/<name>-<theme>.png          the popup (360 px wide) / options, for the README (committed)
 *   artifacts/screenshots/store-<name>-<theme>.png  1280×800 for the Chrome Web Store: the same view on a plain background
 * The states: idle with My tasks, running with Today (two entries logged earlier today), the
 * away question, an entry waiting to be sent, one that needs attention, and the options page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ExtensionSession, startByNumber } from '../e2e/harness.ts';
import { SEED, startFakeCor, type FakeCor } from './fake-cor/server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SMALL = join(ROOT, 'docs/screenshots');
const STORE = join(ROOT, 'artifacts/screenshots');
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];
const POPUP_WIDTH = 360;
// The page behind the popup in the store images, per theme: plain, like a quiet browser tab.
const BACKDROP: Record<Theme, string> = { light: '#e9edf1', dark: '#16191d' };

const MIN = 60_000;

type Chrome = { idle: { onStateChanged: { dispatch(state: string): void } } };

/**
 * Two entries in COR from earlier today, for Today to show: [minutes ago from, to] each, kept
 * within today (just after midnight, fewer). Returns how many.
 */
function loggedEarlierToday(cor: FakeCor): number {
  const now = Date.now();
  const midnight = new Date(now).setHours(0, 0, 0, 0);
  const earlier: Array<[number, number, number]> = [
    [SEED.tasks.stringProjectId, 215, 130],
    [SEED.tasks.noProject, 120, 40],
  ];
  let added = 0;
  for (const [task, from, to] of earlier) {
    const start = Math.max(now - from * MIN, midnight);
    const stop = now - to * MIN;
    if (stop > start) {
      cor.addHour({ task_log_id: task, start: new Date(start).toISOString(), stop: new Date(stop).toISOString() });
      added += 1;
    }
  }
  return added;
}

interface Shot {
  name: string;
  /** Brings a fresh popup (or options page) into the state; returns the page to photograph. */
  show(session: ExtensionSession, cor: FakeCor): Promise<Page>;
  /** Leaves the timer idle, where stopping it is not the way. */
  leave?(page: Page): Promise<void>;
  width: number;
}

const SHOTS: Shot[] = [
  {
    name: 'idle-my-tasks',
    width: POPUP_WIDTH,
    async show(session) {
      const popup = await session.openPopup();
      await popup.getByRole('option').first().waitFor();
      return popup;
    },
  },
  {
    name: 'away-question',
    width: POPUP_WIDTH,
    async show(session) {
      const popup = await session.openPopup();
      await startByNumber(popup, SEED.tasks.content);
      // Ten minutes in, so five minutes away fit after the start.
      for (let i = 0; i < 2; i += 1) await popup.getByRole('button', { name: '−5 min' }).click();
      await popup
        .getByRole('timer', { name: 'Elapsed time' })
        .filter({ hasText: /^0:10:/ })
        .waitFor();
      // The system says the person went idle (five minutes without input) and came back (TESTING.md).
      await session.worker.evaluate(() =>
        (globalThis as unknown as { chrome: Chrome }).chrome.idle.onStateChanged.dispatch('idle'),
      );
      await session.worker.evaluate(() =>
        (globalThis as unknown as { chrome: Chrome }).chrome.idle.onStateChanged.dispatch('active'),
      );
      await popup.getByRole('heading', { name: 'You were away' }).waitFor();
      return popup;
    },
    // Nothing logged: an entry ending now would overlap the next state's earlier start (and the popup would ask).
    async leave(popup) {
      await popup.getByRole('button', { name: 'Keep the time' }).click();
      await popup.getByRole('button', { name: 'Discard' }).click();
      await popup.getByRole('button', { name: 'Start timer' }).waitFor();
    },
  },
  {
    name: 'running',
    width: POPUP_WIDTH,
    async show(session, cor) {
      // Titles without emoji: this machine has no emoji font, and tofu boxes would ship in the pictures.
      const earlier = loggedEarlierToday(cor);
      const popup = await session.openPopup();
      await startByNumber(popup, SEED.tasks.content);
      await popup.getByRole('region', { name: 'Armado de contenido v1' }).waitFor();
      // A quarter of an hour in, as a person would see it mid-task (the start moved back three times).
      for (let i = 0; i < 3; i += 1) await popup.getByRole('button', { name: '−5 min' }).click();
      await popup
        .getByRole('timer', { name: 'Elapsed time' })
        .filter({ hasText: /^0:15:/ })
        .waitFor();
      // Today refreshes from COR as the popup opens and lists the earlier entries (the running timer is in its total).
      if (earlier > 0) {
        await popup
          .getByRole('region', { name: 'Today' })
          .getByRole('listitem')
          .nth(earlier - 1)
          .waitFor();
      }
      return popup;
    },
  },
  {
    name: 'waiting',
    width: POPUP_WIDTH,
    async show(session, cor) {
      cor.failNext(100, { status: 503 }, { method: 'POST', path: '/v1/hours' });
      const popup = await session.openPopup();
      await startByNumber(popup, SEED.tasks.stringProjectId);
      await popup.getByRole('button', { name: 'Stop timer' }).click();
      await popup.getByRole('heading', { name: '1 entry waiting to be sent' }).waitFor();
      return popup;
    },
  },
  {
    name: 'needs-attention',
    width: POPUP_WIDTH,
    async show(session, cor) {
      cor.clearFaults();
      const popup = await session.openPopup();
      await startByNumber(popup, SEED.tasks.closed, { closed: true });
      await popup.getByRole('button', { name: 'Stop timer' }).click();
      await popup.getByRole('heading', { name: /needs? your attention$/ }).waitFor();
      return popup;
    },
  },
  {
    name: 'options',
    width: 720,
    async show(session) {
      const options = await session.openOptions();
      await options.getByText(/^Signed in as /).waitFor();
      return options;
    },
  },
];

/** The page's content at `width`, as PNG bytes (the whole content, however tall). */
async function capture(page: Page, width: number, theme: Theme): Promise<Buffer> {
  await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
  await page.setViewportSize({ width, height: 600 });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height: Math.min(height, 1200) });
  // Fonts and layout settled, caret hidden: the same state renders the same picture.
  await page.evaluate(() => document.fonts.ready);
  return page.screenshot({ caret: 'hide', animations: 'disabled' });
}

/** The Chrome Web Store's 1280×800: the view centred on a plain background, scaled down if taller. */
async function storeImage(session: ExtensionSession, png: Buffer, theme: Theme): Promise<Buffer> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const src = `data:image/png;base64,${png.toString('base64')}`;
  await page.setContent(
    `<body style="margin:0;height:800px;display:grid;place-items:center;background:${BACKDROP[theme]}">` +
      `<img src="${src}" style="max-height:720px;border-radius:8px;box-shadow:0 8px 32px rgb(0 0 0 / .25)"></body>`,
  );
  await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  const shot = await page.screenshot();
  await page.close();
  return shot;
}

async function main(): Promise<void> {
  mkdirSync(SMALL, { recursive: true });
  mkdirSync(STORE, { recursive: true });
  const cor = await startFakeCor();
  const session = await ExtensionSession.launch(cor);
  try {
    await session.signInWithToken();
    for (const shot of SHOTS) {
      const page = await shot.show(session, cor);
      for (const theme of THEMES) {
        const png = await capture(page, shot.width, theme);
        writeFileSync(join(SMALL, `${shot.name}-${theme}.png`), png);
        writeFileSync(join(STORE, `store-${shot.name}-${theme}.png`), await storeImage(session, png, theme));
        console.log(`screenshots: ${shot.name} (${theme})`);
      }
      // Leave the timer idle for the next state.
      await shot.leave?.(page);
      if (await page.getByRole('button', { name: 'Stop timer' }).count()) {
        await page.getByRole('button', { name: 'Stop timer' }).click();
      }
      await page.close();
    }
  } finally {
    await session.close();
    await cor.close();
  }
  console.log(`screenshots: README images in ${SMALL}, store images in ${STORE}`);
}

await main();
