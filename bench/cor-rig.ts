/**
 * COR Timer's signed-in states for the bench, and the two measurements only it has: Stop click →
 * POST /v1/hours at fake-cor, and the worker's heap after many start/stop cycles. Each signed-in
 * copy is the production build copied to its own directory, so it gets its own id and storage
 * next to the signed-out original in the same browser.
 */
import { cp } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { FakeCor } from '../tools/fake-cor/server.ts';
import { signInWithTokenOn, startByNumber } from '../e2e/harness.ts';
import { driverPage, extensionUrl } from './bench-browser.ts';
import { workerHeap } from './worker-probe.ts';
import { CYCLE, CYCLE_TASK as TASK, OUTBOX_EMPTY } from './worker-cycles.ts';

export const POPUP = 'src/popup/index.html';

/** A copy of the build under `name` (default: the signed-in copy with a running timer). */
export async function copyBuild(dist: string, name = 'cor-signed-in'): Promise<string> {
  const copy = resolve(import.meta.dirname, '../node_modules/.cache/cor-timer-bench', name);
  await cp(dist, copy, { recursive: true });
  return copy;
}

/** Signs the copy in with a token and opens its popup until "My tasks" is cached: the popup people see most. */
export async function signIn(context: BrowserContext, cor: FakeCor, dir: string): Promise<void> {
  const options = await context.newPage();
  await options.goto(extensionUrl(dir, 'src/options/index.html'));
  await signInWithTokenOn(options, cor.issueToken().access_token);
  await options.close();
  const popup = await context.newPage();
  await popup.goto(extensionUrl(dir, POPUP));
  await popup.getByRole('group', { name: 'My tasks' }).waitFor();
  await popup.close();
}

/** Signed in as above, with a timer running, started from the popup. */
export async function signInAndStart(context: BrowserContext, cor: FakeCor, dir: string): Promise<void> {
  await signIn(context, cor, dir);
  const popup = await context.newPage();
  await popup.goto(extensionUrl(dir, POPUP));
  await startByNumber(popup, TASK);
  await popup.close();
}

const isPost = (r: { method: string; path: string }) => r.method === 'POST' && r.path === '/v1/hours';

/**
 * Clicks Stop timer in the popup and returns ms from the click event (the page's own clock) to
 * fake-cor recording the POST; then starts the timer again, leaving the state as it found it.
 */
export async function stopToPost(context: BrowserContext, cor: FakeCor, dir: string): Promise<number> {
  const popup = await context.newPage();
  try {
    await popup.goto(extensionUrl(dir, POPUP));
    const stop = popup.getByRole('button', { name: 'Stop timer' });
    await stop.waitFor();
    await popup.evaluate(
      `document.addEventListener('click', (e) => { window.clickedAt = performance.timeOrigin + e.timeStamp; }, { capture: true, once: true })`,
    );
    const before = cor.requests.length;
    await stop.click();
    const post = await cor.waitFor((r) => isPost(r) && cor.requests.indexOf(r) >= before);
    const clickedAt = await popup.evaluate<number>('window.clickedAt');
    await startByNumber(popup, TASK);
    return post.at - clickedAt;
  } finally {
    await popup.close();
  }
}

/** Runs start/stop cycles up to `total`, waits until COR has every entry, and reads the heap after GC. */
async function cyclesThenHeap(page: Page, context: BrowserContext, dir: string, from: number, total: number) {
  for (let i = from; i < total; i += 1) await page.evaluate(CYCLE);
  await page.evaluate(OUTBOX_EMPTY);
  return workerHeap(context, dir);
}

/**
 * The worker's heap after 10, after `total` and after twice `total` start/stop cycles (the timer
 * left idle). The third reading tells a leak (grows again by as much) from code V8 optimises once
 * for the hot paths and then keeps (docs/PERFORMANCE.md, "What is left for the worker").
 */
export async function heapAfterCycles(context: BrowserContext, dir: string, total: number) {
  const page = await driverPage(context, dir);
  try {
    await page.evaluate(`chrome.runtime.sendMessage({ name: 'timer.stop', data: {} })`);
    const before = await cyclesThenHeap(page, context, dir, 0, 10);
    const after = await cyclesThenHeap(page, context, dir, 10, total);
    const twice = await cyclesThenHeap(page, context, dir, total, 2 * total);
    return { before, after, twice };
  } finally {
    await page.close();
  }
}
