/**
 * Where the time of one popup open and of one worker wake goes, read from Chromium's own trace
 * (a diagnostic, like popup-breakdown.ts; it passes or fails nothing):
 *   npx tsx bench/trace.ts [dist]        (default dist/chrome; under the browser lock)
 * A copy of the build is signed in with a running timer. Then, in one headless Chromium: a later
 * open of the popup, traced — when its HTML was parsed, when each script was requested, arrived
 * and was compiled, when the page's modules ran, each frame, first paint; and a stopped worker
 * woken by a message, traced — its start, the compile and evaluation of its script, the answer,
 * and how busy its thread was in the 400 ms after. PROFILE=1 adds V8's sampling profile of the
 * wake (functions by total time, minified names). TRACE_OUT=file.json keeps the wake's trace
 * for chrome://tracing or Perfetto.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startFakeCor } from '../tools/fake-cor/server.ts';
import { CHROME_DIST } from '../tools/chromium-launch.ts';
import { driverPage, extensionUrl, launchSideBySide, stopWorkers } from './bench-browser.ts';
import { copyBuild, POPUP, signInAndStart } from './cor-rig.ts';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> & { url?: string }; [key: string]: unknown };
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'loading',
  'blink.user_timing',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'ServiceWorker',
  ...(process.env.PROFILE === '1' ? ['disabled-by-default-v8.cpu_profiler'] : []),
];

/** Runs `act` with the browser traced, and returns the trace's events. */
async function traced(context: BrowserContext, page: Page, act: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  await act();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return events;
}

const ms = (us: number) => `${(us / 1000).toFixed(1).padStart(6)} ms`;
const file = (url: unknown) => String(url).replace(/^chrome-extension:\/\/[a-p]+/, '');
const threadNames = (events: TraceEvent[]) =>
  new Map(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name')
      .map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '']),
  );

function popupTimeline(events: TraceEvent[]): string[] {
  const start = events
    .filter((e) => e.name === 'navigationStart' && file(e.args?.data?.documentLoaderURL) === `/${POPUP}`)
    .at(-1);
  if (start === undefined) return ['no navigation to the popup in the trace'];
  const main = events.filter((e) => e.pid === start.pid && e.tid === start.tid && e.ts >= start.ts);
  const at = (e: TraceEvent) => ms(e.ts - start.ts);
  const lines: string[] = [];
  // A response names its request by id only.
  const urls = new Map<unknown, string>();
  for (const e of main) {
    const url = file(e.args?.data?.url);
    if (e.name === 'ResourceSendRequest') urls.set(e.args?.data?.requestId, url);
    const requested = urls.get(e.args?.data?.requestId) ?? '';
    if (e.name === 'ParseHTML' && e.ph === 'X' && (e.dur ?? 0) > 0) {
      lines.push(`${at(e)}  HTML parsed (${ms(e.dur ?? 0).trim()})`);
    } else if (e.name === 'ResourceSendRequest' && url.endsWith('.js')) lines.push(`${at(e)}  requested ${url}`);
    else if (e.name === 'ResourceReceiveResponse' && requested.endsWith('.js')) {
      lines.push(`${at(e)}  arrived ${requested}`);
    } else if (e.name === 'v8.compileModule') lines.push(`${at(e)}  compiled ${url} (${ms(e.dur ?? 0).trim()})`);
    else if (e.name === 'v8.evaluateModule') lines.push(`${at(e)}  modules ran (${ms(e.dur ?? 0).trim()})`);
    else if (e.name === 'BeginMainThreadFrame') lines.push(`${at(e)}  frame`);
    else if (e.name === 'firstContentfulPaint') lines.push(`${at(e)}  first contentful paint`);
    else if (e.name === 'MarkDOMContent') lines.push(`${at(e)}  DOMContentLoaded`);
    if (e.ts - start.ts > 400_000) break;
  }
  return lines;
}

function wakeTimeline(events: TraceEvent[]): string[] {
  const send = events.find((e) => e.name === 'wake-sent');
  const answer = events.find((e) => e.name === 'wake-answered');
  if (send === undefined || answer === undefined) return ['no wake in the trace'];
  const names = threadNames(events);
  const onWorker = (e: TraceEvent) => names.get(`${e.pid}:${e.tid}`) === 'ServiceWorker thread';
  const at = (e: TraceEvent) => ms(e.ts - send.ts);
  const lines: string[] = [];
  for (const e of events) {
    if (e.ts < send.ts) continue;
    if (e.name === 'ServiceWorkerVersion::StartWorker' && !lines.length) {
      lines.push(`${at(e)}  the browser starts the worker`);
    }
    if (!onWorker(e) || e.ph !== 'X') continue;
    if (e.name === 'v8.compileModule') lines.push(`${at(e)}  script compiled (${ms(e.dur ?? 0).trim()})`);
    if (e.name === 'v8.evaluateModule') lines.push(`${at(e)}  script evaluated (${ms(e.dur ?? 0).trim()})`);
  }
  lines.push(`${at(answer)}  answer`);
  const busy = events
    .filter((e) => onWorker(e) && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask')
    .filter((e) => e.ts >= send.ts && e.ts <= send.ts + 400_000)
    .reduce((sum, e) => sum + (e.dur ?? 0), 0);
  lines.push(`worker thread busy in the 400 ms after the message: ${ms(busy).trim()}`);
  return lines;
}

/** V8's samples of the worker's thread: functions by total (inclusive) time. */
function wakeProfile(events: TraceEvent[], top = 25): string[] {
  const names = threadNames(events);
  type Node = { id: number; parent?: number; callFrame: { functionName: string; url: string; columnNumber: number } };
  // Each profile's first event, on the thread it samples, names it; its chunks may come from V8's profiler thread.
  const profiles = new Set(
    events
      .filter((e) => e.name === 'Profile' && names.get(`${e.pid}:${e.tid}`) === 'ServiceWorker thread')
      .map((e) => e.id),
  );
  const nodes = new Map<number, Node>();
  const samples: number[] = [];
  const deltas: number[] = [];
  for (const e of events.filter((e) => e.name === 'ProfileChunk')) {
    if (!profiles.has(e.id)) continue;
    const data = e.args?.data as { cpuProfile?: { nodes?: Node[]; samples?: number[] }; timeDeltas?: number[] };
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    samples.push(...(data.cpuProfile?.samples ?? []));
    deltas.push(...(data.timeDeltas ?? []));
  }
  const total = new Map<string, number>();
  samples.forEach((sample, i) => {
    const seen = new Set<string>();
    for (let node = nodes.get(sample); node !== undefined; node = nodes.get(node.parent ?? -1)) {
      const { functionName, url, columnNumber } = node.callFrame;
      const key = `${functionName || '(anonymous)'} ${file(url)}:${columnNumber}`;
      if (!seen.has(key)) total.set(key, (total.get(key) ?? 0) + (deltas[i + 1] ?? 0));
      seen.add(key);
    }
  });
  return [...total]
    .filter(([key]) => !/^\((root|idle|program)\)/.test(key))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => `${ms(us)}  ${key}`);
}

const cor = await startFakeCor();
const dir = await copyBuild(resolve(process.argv[2] ?? CHROME_DIST), 'cor-traced');
const profile = await mkdtemp(join(tmpdir(), 'cor-timer-trace-'));
try {
  const setup = await launchSideBySide(profile, cor.port, [dir]);
  await signInAndStart(setup, cor, dir);
  await setup.close();
  const context = await launchSideBySide(profile, cor.port, [dir]);
  // A later open: the first one after the browser start has run.
  const first = await context.newPage();
  await first.goto(extensionUrl(dir, POPUP));
  await first.getByRole('button', { name: 'Stop timer' }).waitFor();
  await first.close();
  const tab = await context.newPage();
  const opened = await traced(context, tab, async () => {
    await tab.goto(extensionUrl(dir, POPUP));
    await tab.getByRole('button', { name: 'Stop timer' }).waitFor();
  });
  console.log('A later open of the popup, ms since its navigation started:');
  for (const line of popupTimeline(opened)) console.log(`  ${line}`);

  const driver = await driverPage(context, dir);
  await stopWorkers(context, dir);
  const woken = await traced(context, driver, async () => {
    await driver.evaluate(`(async () => {
      performance.mark('wake-sent');
      await chrome.runtime.sendMessage({ name: 'timer.undo-discard', data: {} });
      performance.mark('wake-answered');
    })()`);
    // What the worker does after its answer (its redraw, its flush) is in the trace too.
    await driver.evaluate('new Promise((done) => setTimeout(done, 400))');
  });
  console.log('\nA stopped worker woken by a message, ms since the message was sent:');
  for (const line of wakeTimeline(woken)) console.log(`  ${line}`);
  if (process.env.PROFILE === '1') {
    console.log('\nThe wake by function, total time (sampled):');
    for (const line of wakeProfile(woken)) console.log(`  ${line}`);
  }
  if (process.env.TRACE_OUT) await writeFile(process.env.TRACE_OUT, JSON.stringify({ traceEvents: woken }));
  await context.close();
} finally {
  await cor.close();
  await rm(profile, { recursive: true, force: true });
}
