/**
 * `npx tsx bench/worker-heap-snapshot.ts [dist]`: what the idle, signed-in worker's JS heap holds
 * (CYCLES=n: and what grows between 10 and n start/stop cycles; SIGNED_OUT=1: as installed).
 * Takes a heap snapshot over raw CDP (bench/worker-cdp.ts) after the worker's start-up, and prints
 * the self size by node type, and the largest groups by (type, name): where the bytes of
 * "worker JS heap after GC, idle" go. A tool for looking, not a measurement that passes or fails.
 */
import { cp, mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFakeCor } from '../tools/fake-cor/server.ts';
import { CHROME_DIST } from '../tools/chromium-launch.ts';
import { extensionUrl, launchSideBySide } from './bench-browser.ts';
import { signInAndStart } from './cor-rig.ts';
import { RawChromium } from './worker-cdp.ts';
import { CYCLE, OUTBOX_EMPTY } from './worker-cycles.ts';

const TOP = Number(process.env.TOP ?? 30);
const dir = join(tmpdir(), 'cor-timer-heap-snapshot');
await rm(dir, { recursive: true, force: true });
await cp(await realpath(resolve(process.argv[2] ?? CHROME_DIST)), dir, { recursive: true });

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

type Groups = Map<string, { size: number; count: number }>;

/** Self size by node type, and by (type, name), of one snapshot. */
function groups(snap: Snapshot): { total: number; byType: Map<string, number>; byName: Groups } {
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [T, N, S] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const byType = new Map<string, number>();
  const byName: Groups = new Map();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + T]!]!;
    const size = snap.nodes[i + S]!;
    const name = snap.strings[snap.nodes[i + N]!]!;
    total += size;
    byType.set(type, (byType.get(type) ?? 0) + size);
    const key = `${type} ${type.includes('string') ? '(strings)' : name.slice(0, 80)}`;
    const group = byName.get(key) ?? { size: 0, count: 0 };
    group.size += size;
    group.count += 1;
    byName.set(key, group);
  }
  return { total, byType, byName };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const CYCLES = Number(process.env.CYCLES ?? 0);

const cor = await startFakeCor();
const profile = await mkdtemp(join(tmpdir(), 'cor-timer-heap-'));
try {
  // SIGNED_OUT=1: as installed (also for a build that is not COR Timer, such as the bench's references).
  if (process.env.SIGNED_OUT !== '1') {
    const setup = await launchSideBySide(profile, cor.port, [dir]);
    await signInAndStart(setup, cor, dir);
    await setup.close();
  }
  const raw = await RawChromium.launch(profile, cor.port, [dir]);
  const prefix = extensionUrl(dir, '');
  await raw.workersRunning([prefix]);
  await new Promise((r) => setTimeout(r, 1500));
  const snapshot = () =>
    raw.withWorker(prefix, async (session) => {
      const chunks: string[] = [];
      const off = raw.on('HeapProfiler.addHeapSnapshotChunk', (params, from) => {
        if (from === session) chunks.push(params.chunk as string);
      });
      await raw.send('HeapProfiler.collectGarbage', {}, session);
      const used = (await raw.send<{ usedSize: number }>('Runtime.getHeapUsage', {}, session)).usedSize;
      await raw.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false }, session);
      off();
      console.log(`heap in use after GC: ${kb(used)}`);
      return groups(JSON.parse(chunks.join('')) as Snapshot);
    });
  const idle = await snapshot();
  console.log(`snapshot self sizes: ${kb(idle.total)}`);
  for (const [type, size] of [...idle.byType].sort((a, b) => b[1] - a[1])) console.log(`  ${type}: ${kb(size)}`);
  console.log(`largest ${TOP} groups (type name: self size, count):`);
  for (const [key, g] of [...idle.byName].sort((a, b) => b[1].size - a[1].size).slice(0, TOP)) {
    console.log(`  ${key}: ${kb(g.size)}, ${g.count}`);
  }
  if (CYCLES > 0) {
    const page = await raw.openPage(extensionUrl(dir, 'manifest.json'));
    await page.evaluate(`chrome.runtime.sendMessage({ name: 'timer.stop', data: {} })`);
    const cycles = async (n: number) => {
      for (let i = 0; i < n; i += 1) await page.evaluate(CYCLE);
      await page.evaluate(OUTBOX_EMPTY);
      await new Promise((r) => setTimeout(r, 500));
      return snapshot();
    };
    const a = await cycles(10);
    const b = await cycles(CYCLES - 10);
    console.log(`after 10 → ${CYCLES} cycles: ${kb(a.total)} → ${kb(b.total)}; largest growth:`);
    const keys = new Set([...a.byName.keys(), ...b.byName.keys()]);
    const diff = [...keys].map((k) => {
      const x = a.byName.get(k) ?? { size: 0, count: 0 };
      const y = b.byName.get(k) ?? { size: 0, count: 0 };
      return { k, size: y.size - x.size, count: y.count - x.count };
    });
    for (const d of diff.sort((p, q) => q.size - p.size).slice(0, TOP)) {
      console.log(`  ${d.k}: ${d.size >= 0 ? '+' : ''}${kb(d.size)}, ${d.count >= 0 ? '+' : ''}${d.count}`);
    }
  }
  await raw.close();
} finally {
  await cor.close();
  await rm(profile, { recursive: true, force: true });
}
