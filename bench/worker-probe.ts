/**
 * The service worker seen from the extension's own origin: how long a stopped worker takes to
 * answer the message that wakes it, and its JS heap after a full GC once it is idle.
 */
import type { BrowserContext } from 'playwright-core';
import { driverPage, extensionUrl, stopWorkers } from './bench-browser.ts';
import { WorkerHeap } from './worker-heap.ts';

// A command with no effect when nothing was discarded: COR Timer answers it after its start-up
// (`ready`) like any command, and writes nothing; the reference workers answer anything at once.
const WAKE = `(async () => {
  const t0 = performance.now();
  await chrome.runtime.sendMessage({ name: 'timer.undo-discard', data: {} });
  return performance.now() - t0;
})()`;

/** Stops the worker, then times one message from a page of the extension to its answer. */
export async function wakeToAnswer(context: BrowserContext, dir: string): Promise<number> {
  const page = await driverPage(context, dir);
  try {
    await stopWorkers(context, dir);
    return await page.evaluate<number>(WAKE);
  } finally {
    await page.close();
  }
}

/** The running worker's JS heap in use after a forced GC, in bytes. */
export async function workerHeap(context: BrowserContext, dir: string): Promise<number> {
  const heap = await WorkerHeap.attach(context, extensionUrl(dir, ''));
  try {
    return (await heap.measure()).usedSize;
  } finally {
    await heap.detach();
  }
}
