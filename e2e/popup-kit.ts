/**
 * What the popup tests measure the way a person meets it: its height at the real popup width
 * (Chrome caps a popup at 600 px), computed font sizes, and axe-core's verdict. axe's own source
 * is evaluated in the page over CDP (an extension page's CSP refuses injected script tags).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';

export const POPUP_WIDTH = 360;
export const POPUP_MAX_HEIGHT = 600;

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: Array<{ id: string; nodes: Array<{ target: unknown; failureSummary?: string }> }>;
}

/** axe-core's violations on the page as it is now, in the given colour scheme: `rule: selector` lines. */
export async function axeViolations(page: Page, scheme: 'light' | 'dark'): Promise<string[]> {
  await page.emulateMedia({ colorScheme: scheme });
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResult> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${scheme} ${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`),
  );
}

/** The popup's content height at its width: the viewport is made short so that only content counts. */
export async function popupHeight(page: Page): Promise<number> {
  await page.setViewportSize({ width: POPUP_WIDTH, height: 100 });
  return page.evaluate(() => document.documentElement.scrollHeight);
}

/** Computed font sizes (px) of the body text, buttons, inputs and muted text present. */
export function fontSizes(page: Page): Promise<Record<string, number[]>> {
  return page.evaluate(() => {
    const sizes = (selector: string) =>
      [...document.querySelectorAll(selector)].map((e) => parseFloat(getComputedStyle(e).fontSize));
    return { body: sizes('body'), button: sizes('button'), input: sizes('input'), muted: sizes('.muted') };
  });
}

/** Saves what the popup looks like, for a person to look at (not compared). */
export async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.POPUP_SHOTS;
  if (dir === undefined) return;
  mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: POPUP_WIDTH, height: POPUP_MAX_HEIGHT });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
