/**
 * Opens a popup page in a tab and reads, from the page's own Paint Timing and Element Timing,
 * when it first painted content and when its main control painted. Element Timing only reports
 * elements carrying `elementtiming`; an init script tags the main control the moment it enters
 * the DOM (a MutationObserver runs before the next paint), so no product code changes for it:
 * COR Timer's "Stop timer" while running, else its search box (signed out: its primary button, "Sign
 * in to COR"), never the static shell's hidden placeholder; a reference popup's button.
 * Chromium reports no Element Timing for an <input> (its text lives in a user-agent shadow
 * root), so the search box is timed by its visible label, which Preact inserts in the same
 * frame.
 * The page scripts are plain text: tsx would otherwise wrap their functions in a `__name`
 * helper that exists only in Node.
 */
import type { BrowserContext } from 'playwright-core';

export interface PopupPaint {
  /** First contentful paint, ms since navigation start. */
  readonly fcp: number;
  /** The main control's paint, ms since navigation start. */
  readonly control: number;
}

const TAG_MAIN_CONTROL = `{
  const search = () => {
    const input = document.querySelector('input[type="search"]');
    return input && (input.labels[0] ?? input);
  };
  // Not a button of COR Timer's static shell (aria-hidden, painted before the app: main.tsx).
  const buttons = () => [...document.querySelectorAll('button')].filter((b) => !b.closest('[aria-hidden="true"]'));
  const find = () =>
    buttons().find((b) => b.textContent === 'Stop timer') ??
    search() ??
    buttons().find((b) => b.classList.contains('primary')) ??
    buttons()[0];
  const observer = new MutationObserver(() => {
    const control = find();
    if (!control) return;
    control.setAttribute('elementtiming', 'main-control');
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}`;

/** Resolves with `PopupPaint` once both have painted (Element Timing is reachable only through an observer). */
export const READ_PAINTS = `new Promise((resolve, reject) => {
  const seen = {};
  setTimeout(() => reject(new Error('No paint within 10 s: ' + JSON.stringify(seen))), 10000);
  const done = () => { if (seen.fcp !== undefined && seen.control !== undefined) resolve(seen); };
  new PerformanceObserver((list) => {
    const entry = list.getEntriesByName('first-contentful-paint')[0];
    if (entry) seen.fcp = entry.startTime;
    done();
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    const entry = list.getEntries().find((e) => e.identifier === 'main-control');
    if (entry) seen.control = entry.startTime;
    done();
  }).observe({ type: 'element', buffered: true });
})`;

export async function tagMainControl(context: BrowserContext): Promise<void> {
  await context.addInitScript(TAG_MAIN_CONTROL);
}

export async function openPopup(context: BrowserContext, url: string): Promise<PopupPaint> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    return await page.evaluate<PopupPaint>(READ_PAINTS);
  } finally {
    await page.close();
  }
}
