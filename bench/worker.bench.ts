/**
 * `npx tsx bench/worker.bench.ts [label=dist ...]`: the service worker's rows of the bench, A/B,
 * over raw CDP (bench/worker-cdp.ts: no Playwright attached, so DevTools keeps no Network records).
 * Each build given (default: dist/chrome) is signed in with a running timer, side by side with the
 * empty reference extension; per round, one browser start, then in rotating order: idle heap after
 * GC, and WORKER_WAKES wakes (stop every worker, one message from a page of the extension, time to
 * its answer). With WORKER_CYCLES set, then the heap after 10 and after that many start/stop cycles
 * (each waited out until the outbox is empty), in a browser of its own. With WORKER_STOPS set, per
 * round and build that many stops of the running (awake) timer: a `timer.stop` message from a page
 * of the extension to fake-cor recording the POST /v1/hours (the side-by-side bench's Stop → POST
 * row without the popup's click handling), each followed by a start once the outbox is empty.
 * `BENCH_ROUNDS=4 WORKER_WAKES=3 WORKER_STOPS=5` is a focused run of the worker's two time rows.
 * Numbers, not pass/fail.
 */
import { cp, mkdtemp, realpath, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFakeCor } from '../tools/fake-cor/server.ts';
import { CHROME_DIST } from '../tools/chromium-launch.ts';
import { workerAssets, kilobytes } from '../tools/build-assets.ts';
import { extensionUrl, launchSideBySide } from './bench-browser.ts';
import { signInAndStart } from './cor-rig.ts';
import { buildReferences } from './reference-extensions.ts';
import { median, percentile } from './stats.ts';
import { RawChromium, type Page } from './worker-cdp.ts';
import { CYCLE, CYCLE_TASK, OUTBOX_EMPTY } from './worker-cycles.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const WAKES = Number(process.env.WORKER_WAKES ?? 3);
const CYCLES = Number(process.env.WORKER_CYCLES ?? 0);
const STOPS = Number(process.env.WORKER_STOPS ?? 0);

const given = process.argv.slice(2).map((arg) => {
  const [label, dir] = arg.includes('=') ? arg.split('=') : [arg, arg];
  return { label: label!, dir: resolve(dir!) };
});
const builds = given.length > 0 ? given : [{ label: 'build', dir: CHROME_DIST }];
// Each build under test gets its own copy (own id, own storage), signed in.
const cache = join(tmpdir(), 'cor-timer-worker-bench');
for (const b of builds) {
  const copy = join(cache, `worker-${b.label}`);
  await rm(copy, { recursive: true, force: true });
  await cp(b.dir, copy, { recursive: true });
  b.dir = copy;
}
const refs = await buildReferences();
// Chromium names an unpacked extension by its real path (node_modules may be a symlink).
const columns = [{ label: 'empty', dir: await realpath(refs.empty) }, ...builds];
const prefix = (dir: string) => extensionUrl(dir, '');

const wake = `(async () => {
  const t0 = performance.now();
  await chrome.runtime.sendMessage({ name: 'timer.undo-discard', data: {} });
  return performance.now() - t0;
})()`;
// The page's clock (ms since the epoch) as the stop leaves; fake-cor stamps the POST with the same clock.
const stop = `(() => {
  const at = performance.timeOrigin + performance.now();
  void chrome.runtime.sendMessage({ name: 'timer.stop', data: {} });
  return at;
})()`;
const start = `chrome.runtime.sendMessage({ name: 'timer.start', data: { task: { id: ${CYCLE_TASK} } } })`;
const samples = new Map(
  columns.map((c) => [c.label, { heap: [] as number[], wake: [] as number[], stop: [] as number[] }]),
);
const cor = await startFakeCor();
const profile = await mkdtemp(join(tmpdir(), 'cor-timer-worker-bench-'));
const loadBefore = loadavg();
try {
  const setup = await launchSideBySide(
    profile,
    cor.port,
    columns.map((c) => c.dir),
  );
  for (const b of builds) await signInAndStart(setup, cor, b.dir);
  await setup.close();

  for (let round = 0; round < ROUNDS; round += 1) {
    const order = columns.map((_, i) => columns[(i + round) % columns.length]!);
    const raw = await RawChromium.launch(
      profile,
      cor.port,
      columns.map((c) => c.dir),
    );
    await raw.workersRunning(columns.map((c) => prefix(c.dir)));
    await new Promise((r) => setTimeout(r, 1500)); // start-up work done: idle
    for (const c of order) samples.get(c.label)!.heap.push(await raw.heap(prefix(c.dir)));
    const pages = new Map<string, Page>();
    for (const c of order) pages.set(c.label, await raw.openPage(extensionUrl(c.dir, 'manifest.json')));
    for (let i = 0; i < WAKES; i += 1) {
      for (const c of order) {
        const page = pages.get(c.label)!;
        await raw.stopWorkers(page, prefix(c.dir));
        samples.get(c.label)!.wake.push(await page.evaluate<number>(wake));
      }
    }
    for (let i = 0; i < STOPS; i += 1) {
      for (const c of order) {
        if (c.label === 'empty') continue;
        const page = pages.get(c.label)!;
        const before = cor.requests.length;
        const sent = await page.evaluate<number>(stop);
        const post = await cor.waitFor(
          (r) => r.method === 'POST' && r.path === '/v1/hours' && cor.requests.indexOf(r) >= before,
        );
        samples.get(c.label)!.stop.push(post.at - sent);
        await page.evaluate(OUTBOX_EMPTY);
        await page.evaluate(start);
      }
    }
    await raw.close();
    process.stdout.write(`round ${round + 1}/${ROUNDS} done\n`);
  }

  const cycles = new Map<string, { before: number; after: number }>();
  if (CYCLES > 0) {
    const raw = await RawChromium.launch(
      profile,
      cor.port,
      columns.map((c) => c.dir),
    );
    await raw.workersRunning(columns.map((c) => prefix(c.dir)));
    for (const b of builds) {
      const page = await raw.openPage(extensionUrl(b.dir, 'manifest.json'));
      await page.evaluate(`chrome.runtime.sendMessage({ name: 'timer.stop', data: {} })`);
      const run = async (from: number, to: number) => {
        for (let i = from; i < to; i += 1) await page.evaluate(CYCLE);
        await page.evaluate(OUTBOX_EMPTY);
        await new Promise((r) => setTimeout(r, 500));
        return raw.heap(prefix(b.dir));
      };
      const before = await run(0, 10);
      const after = await run(10, CYCLES);
      cycles.set(b.label, { before, after });
      await page.close();
    }
    await raw.close();
  }

  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(3)} MB`;
  const emptyWake = median(samples.get('empty')!.wake);
  console.log(
    `\nload average ${loadBefore.map((l) => l.toFixed(1)).join(' ')} → ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; ${ROUNDS} rounds × ${WAKES} wakes`,
  );
  console.log('| build | worker gzip | wake → answer | idle heap after GC | heap 10 → N cycles | stop → POST |');
  console.log('|---|---|---|---|---|---|');
  for (const c of columns) {
    const s = samples.get(c.label)!;
    const w = median(s.wake);
    const assets = workerAssets(c.dir);
    const cyc = cycles.get(c.label);
    const growth = cyc
      ? `${mb(cyc.before)} → ${mb(cyc.after)} (${(((cyc.after - cyc.before) / cyc.before) * 100).toFixed(1)} %, ${CYCLES})`
      : '—';
    const stops = s.stop.length > 0 ? `${median(s.stop).toFixed(1)} ms, p90 ${percentile(s.stop, 90).toFixed(1)}` : '—';
    console.log(
      `| ${c.label} | ${kilobytes(assets.gzip)} in ${assets.files.length} | ${w.toFixed(1)} ms, p90 ${percentile(s.wake, 90).toFixed(1)} (${(w / emptyWake).toFixed(2)}×) | ${mb(median(s.heap))} | ${growth} | ${stops} |`,
    );
  }
} finally {
  await cor.close();
  await rm(profile, { recursive: true, force: true });
}
