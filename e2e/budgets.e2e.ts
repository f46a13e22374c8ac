/**
 * Byte budgets of the Chrome build (issue 14): what the popup makes the browser load before it
 * can paint, and what a waking service worker loads before it can answer. Sizes are gzip, of the
 * files the popup's HTML and the worker's static imports reach (tools/build-assets.ts). A budget
 * only goes down: when a change makes the build smaller, lower it to the new size.
 */
import { describe, expect, it } from 'vitest';
import { CHROME_DIST } from '../tools/chromium-launch.ts';
import { kilobytes, pageAssets, workerAssets } from '../tools/build-assets.ts';

const KB = 1024;
/**
 * Ratchet at today's size, 27.93 KB (the target is 12 KB: docs/PERFORMANCE.md says what it
 * takes). It was 18.6 KB before owners, versioned storage, time away and the popup's redesign, and
 * 27.1 KB before "Open in COR" and Move by title (+0.8 KB: the links, the move form's combobox).
 */
const POPUP_GZIP = 27.95 * KB;
/** Ratchet at today's size, 24.3 KB (14.84 KB before the same work; 24.1 KB before the company learned from a task page). */
const WORKER_GZIP = 24.32 * KB;

describe('the Chrome build loads little before it is useful', () => {
  it(`popup: JS + CSS before first paint within ${kilobytes(POPUP_GZIP)} gzip`, () => {
    const popup = pageAssets(CHROME_DIST, 'src/popup/index.html');
    expect(popup.files.length, popup.files.join(', ')).toBeGreaterThan(0);
    expect(popup.gzip, `${kilobytes(popup.gzip)} in ${popup.files.join(', ')}`).toBeLessThanOrEqual(POPUP_GZIP);
  });

  it(`worker: JS before it answers within ${kilobytes(WORKER_GZIP)} gzip`, () => {
    const worker = workerAssets(CHROME_DIST);
    expect(worker.files.length, worker.files.join(', ')).toBeGreaterThan(1);
    expect(worker.gzip, `${kilobytes(worker.gzip)} in ${worker.files.join(', ')}`).toBeLessThanOrEqual(WORKER_GZIP);
  });
});
