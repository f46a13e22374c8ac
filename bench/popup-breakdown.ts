/**
 * Where the popup's time goes before its main control paints, for one or more builds side by side
 * with the empty reference popup (a diagnostic and an A/B, not the table):
 *   npx tsx bench/popup-breakdown.ts [label=dist …]   (default: now=dist/chrome; BENCH_ROUNDS, 8)
 * under the browser lock, beside the empty popup and the one-button Preact popup drawn from storage
 * (reference-extensions.ts). Each build runs signed out and, in a copy, signed in with a running
 * timer, as in `npm run bench`; each round is one browser start, the order rotating. Per later
 * open, ms since navigation start (medians): DOMContentLoaded,
 * the storage read's call and answer, the app's first DOM insertion, first contentful paint, the
 * main control's paint (and its ratio to the empty popup's in the same run); the first open after
 * the browser start is its own column.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFakeCor } from '../tools/fake-cor/server.ts';
import { CHROME_DIST } from '../tools/chromium-launch.ts';
import { launchSideBySide, extensionUrl } from './bench-browser.ts';
import { POPUP, signInAndStart } from './cor-rig.ts';
import { READ_PAINTS, tagMainControl } from './popup-probe.ts';
import { buildReferences } from './reference-extensions.ts';
import { median } from './stats.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const LATER_OPENS = 3;

const PROBE = `{
  const t = (window.__probe = {});
  const area = globalThis.chrome?.storage?.local;
  if (area) {
    const get = area.get.bind(area);
    area.get = (...args) => {
      t.storageCall ??= performance.now();
      const answer = get(...args);
      answer.then?.(() => { t.storageAnswer ??= performance.now(); });
      return answer;
    };
  }
  document.addEventListener('DOMContentLoaded', () => { t.dcl = performance.now(); });
  new MutationObserver((_, o) => {
    const app = document.getElementById('app');
    if (app && app.firstChild) { t.appInsert = performance.now(); o.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
}`;

const READ_PROBE = `window.__probe`;

const builds = (process.argv.length > 2 ? process.argv.slice(2) : [`now=${CHROME_DIST}`]).map((arg) => {
  const [label, dir] = arg.split('=') as [string, string];
  return { label, dir: resolve(dir) };
});
const work = await mkdtemp(join(tmpdir(), 'cor-timer-breakdown-'));
const refs = await buildReferences();
const columns: { name: string; dir: string; popup: string }[] = [
  { name: 'empty', dir: refs.empty, popup: 'popup.html' },
  { name: 'stored', dir: refs.stored, popup: 'popup.html' },
];
for (const b of builds) {
  const signedIn = join(work, `${b.label}-in`);
  await cp(b.dir, signedIn, { recursive: true });
  columns.push(
    { name: `${b.label} out`, dir: b.dir, popup: POPUP },
    { name: `${b.label} in`, dir: signedIn, popup: POPUP },
  );
}
const later: Record<string, Record<string, number[]>> = {};
const first: Record<string, number[]> = {};
const loadBefore = loadavg();
const cor = await startFakeCor();
const profile = join(work, 'profile');
const launch = () =>
  launchSideBySide(
    profile,
    cor.port,
    columns.map((c) => c.dir),
  );
try {
  const setup = await launch();
  for (const c of columns.filter((c) => c.name.endsWith(' in'))) await signInAndStart(setup, cor, c.dir);
  await setup.close();
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = columns.map((_, i) => columns[(i + round) % columns.length]!);
    const context = await launch();
    await tagMainControl(context);
    await context.addInitScript(PROBE);
    for (let i = 0; i <= LATER_OPENS; i += 1) {
      for (const c of order) {
        const page = await context.newPage();
        await page.goto(extensionUrl(c.dir, c.popup));
        const paints = await page.evaluate<Record<string, number>>(READ_PAINTS);
        const seen = { ...(await page.evaluate<Record<string, number>>(READ_PROBE)), ...paints };
        await page.close();
        if (i === 0) (first[c.name] ??= []).push(seen.fcp!);
        else for (const [k, v] of Object.entries(seen)) ((later[c.name] ??= {})[k] ??= []).push(v);
      }
    }
    await context.close();
    process.stdout.write(`round ${round + 1}/${ROUNDS}\n`);
  }
  const base = median(later.empty!.control!);
  const baseFirst = median(first.empty!);
  console.log(
    `load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} → ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const c of columns) {
    const m = later[c.name]!;
    const cells = Object.entries(m).map(([k, v]) => `${k} ${median(v).toFixed(1)}`);
    const ratio = (median(m.control!) / base).toFixed(2);
    const fcpRatio = (median(m.fcp!) / median(later.empty!.fcp!)).toFixed(2);
    const firstRatio = (median(first[c.name]!) / baseFirst).toFixed(2);
    console.log(`${c.name}: control ${ratio}×, fcp ${fcpRatio}×, first-open fcp ${firstRatio}× | ${cells.join(', ')}`);
  }
} finally {
  await cor.close();
  await rm(work, { recursive: true, force: true });
}
