/**
 * `npm run bench`: COR Timer side by side with the physical floor (issue 14). Each round starts
 * one headless Chromium with seven extensions — an empty static popup, a one-button Preact popup,
 * the same drawing its button from `storage.local` (the floor of a popup that shows stored state),
 * the empty one whose worker adds COR Timer's wake-up listeners (the floor of a worker with its
 * doors), COR Timer signed out, a copy of it signed in with a running timer and "My tasks" cached (the
 * issue's "signed in"), and one signed in and idle with "My tasks" cached, the popup people open
 * most — and measures each in an order that rotates from round to round, so no extension always goes
 * first. Times are reported as medians and 90th percentiles, and as multiples of the empty
 * popup's, because this machine is shared and noisy: only ratios within one run compare.
 * Prints a table and writes it to bench/results/<date>.md. It passes or fails nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeCor } from '../tools/fake-cor/server.ts';
import { CHROME_DIST } from '../tools/chromium-launch.ts';
import { pageAssets, workerAssets } from '../tools/build-assets.ts';
import { launchSideBySide, extensionUrl } from './bench-browser.ts';
import { copyBuild, heapAfterCycles, POPUP, signIn, signInAndStart, stopToPost } from './cor-rig.ts';
import { openPopup, tagMainControl } from './popup-probe.ts';
import { buildReferences } from './reference-extensions.ts';
import { COLUMNS, table as markdown, writeResults, type Column } from './report.ts';
import { noSamples, rows } from './rows.ts';
import { wakeToAnswer, workerHeap } from './worker-probe.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
/** Popup opens per extension per round after the first one. */
const LATER_OPENS = 3;
const CYCLES = Number(process.env.BENCH_CYCLES ?? 1000);
/** BENCH_POPUP_ONLY=1: the popup rows only (no heap, wake, Stop → POST or cycles), for comparing popup builds. */
const POPUP_ONLY = process.env.BENCH_POPUP_ONLY === '1';

const samples = noSamples();

const loadBefore = loadavg();
const refs = await buildReferences();
const dirs: Record<Column, string> = {
  empty: refs.empty,
  preact: refs.preact,
  stored: refs.stored,
  doors: refs.doors,
  corOut: CHROME_DIST,
  corIn: await copyBuild(CHROME_DIST),
  corIdle: await copyBuild(CHROME_DIST, 'cor-signed-in-idle'),
};
const popups: Record<Column, string> = {
  empty: 'popup.html',
  preact: 'popup.html',
  stored: 'popup.html',
  doors: 'popup.html',
  corOut: POPUP,
  corIn: POPUP,
  corIdle: POPUP,
};
const cor = await startFakeCor();
const profile = await mkdtemp(join(tmpdir(), 'cor-timer-bench-'));
const launch = () =>
  launchSideBySide(
    profile,
    cor.port,
    COLUMNS.map((c) => dirs[c]),
  );
let chromium = '';
try {
  const setup = await launch();
  chromium = setup.browser()?.version() ?? 'unknown';
  await signInAndStart(setup, cor, dirs.corIn);
  await signIn(setup, cor, dirs.corIdle);
  await setup.close();

  for (let round = 0; round < ROUNDS; round += 1) {
    const order = COLUMNS.map((_, i) => COLUMNS[(i + round) % COLUMNS.length]!);
    const context = await launch();
    await tagMainControl(context);
    const open = async (column: Column) => openPopup(context, extensionUrl(dirs[column], popups[column]));
    for (const column of order) samples.fcpFirst[column].push((await open(column)).fcp);
    for (let i = 0; i < LATER_OPENS; i += 1) {
      for (const column of order) {
        const paint = await open(column);
        samples.fcpLater[column].push(paint.fcp);
        samples.controlLater[column].push(paint.control);
      }
    }
    if (!POPUP_ONLY) {
      // The workers have run since the browser started and answered the popups: idle now.
      for (const column of order) samples.heap[column].push(await workerHeap(context, dirs[column]));
      for (const column of order) samples.wake[column].push(await wakeToAnswer(context, dirs[column]));
      samples.stopPost.corIn.push(await stopToPost(context, cor, dirs.corIn));
    }
    await context.close();
    process.stdout.write(`round ${round + 1}/${ROUNDS} done\n`);
  }

  let cycles = { before: Number.NaN, after: Number.NaN, twice: Number.NaN };
  if (!POPUP_ONLY) {
    const cycling = await launch();
    cycles = await heapAfterCycles(cycling, dirs.corIn, CYCLES);
    await cycling.close();
  }

  const sizes = (measure: (column: Column) => number) =>
    Object.fromEntries(COLUMNS.map((c) => [c, measure(c)])) as Record<Column, number>;
  const all = rows(samples, {
    popupGzip: sizes((c) => pageAssets(dirs[c], popups[c]).gzip),
    workerGzip: sizes((c) => workerAssets(dirs[c]).gzip),
    heapCycles: { ...cycles, cycles: CYCLES },
  });
  const table = POPUP_ONLY ? all.filter((r) => r.what.startsWith('popup')) : all;
  const notes = [
    POPUP_ONLY
      ? `${ROUNDS} rounds, one browser start each; per round and extension: 1 first open and ${LATER_OPENS} later opens ` +
        `(popup page in a tab); order rotating. Popup rows only (BENCH_POPUP_ONLY=1).`
      : `${ROUNDS} rounds, one browser start each; per round and extension: 1 first open and ${LATER_OPENS} later opens ` +
        `(popup page in a tab), heap, one wake; order rotating. Stop → POST once per round; cycles once, in their own browser.`,
  ];
  console.log(`\n${markdown(table)}\n`);
  console.log(`written to ${await writeResults(table, { chromium, loadBefore }, notes)}`);
} finally {
  await cor.close();
  await rm(profile, { recursive: true, force: true });
}
