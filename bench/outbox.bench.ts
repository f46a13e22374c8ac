/**
 * `npm run bench:outbox`: how fast a long outbox drains, and what it costs the worker's memory.
 * 1,000 waiting entries are stored, then one "Send now" (the popup button's own message) drains
 * them into fake-cor on loopback, one request at a time. Prints numbers; it passes or fails
 * nothing, except that it refuses to print a rate for a drain that did not deliver everything.
 *   - entries per second, from the message to an empty outbox (every entry removed from storage)
 *   - the worker's JS heap after a forced GC, before and after the drain
 *   - how many POST /v1/hours ever overlapped, seen by fake-cor and by the worker's own outbox
 */
import { randomUUID } from 'node:crypto';
import { startFakeCor } from '../tools/fake-cor/server.ts';
import { ExtensionSession } from '../e2e/harness.ts';
import { megabytes, WorkerHeap } from './worker-heap.ts';

const ENTRIES = 1000;
const DRAIN_TIMEOUT_MS = 10 * 60_000;

interface Seeded {
  id: string;
  task: { id: number };
  startedAt: number;
  stoppedAt: number;
  state: 'waiting';
  attempts: 0;
  nextAttemptAt: number;
}

/** POST /v1/hours as fake-cor handled them: [arrival, answer] in ms, and the status. */
const posts: Array<{ start: number; end: number; status: number | null }> = [];
const cor = await startFakeCor({
  onExchange: ({ request, status, durationMs }) => {
    if (request.method !== 'POST' || request.path !== '/v1/hours') return;
    const end = Date.now();
    posts.push({ start: end - durationMs, end, status });
  },
});
const session = await ExtensionSession.launch(cor);
try {
  // Signed in before anything waits, so sign-in's own flush finds nothing to send.
  await session.signInWithToken();

  // Open tasks only: COR refuses hours on closed ones (1004, 1016, 1025 in the seed).
  const openTasks = cor.tasks.filter((t) => t.status !== 'finalizada' && t.id >= 1001 && t.id <= 1025).map((t) => t.id);
  // A minute apart, oldest first, ending an hour ago: every (task, start second) is distinct.
  const first = Date.now() - (ENTRIES + 60) * 60_000;
  const entries: Seeded[] = Array.from({ length: ENTRIES }, (_, i) => {
    const startedAt = first + i * 60_000;
    const stoppedAt = startedAt + 30_000 + (i % 25) * 1000;
    return {
      id: randomUUID(),
      task: { id: openTasks[i % openTasks.length]! },
      startedAt,
      stoppedAt,
      state: 'waiting',
      attempts: 0,
      nextAttemptAt: stoppedAt,
    };
  });

  // The driver page: the options page watches neither the outbox nor the hours, so it adds no
  // rendering of its own to the drain (the popup would redraw its outbox list on every write).
  const page = await session.openOptions();
  await page.evaluate(async (outbox) => {
    const storage = (globalThis as unknown as BenchGlobals).chrome.storage;
    await storage.local.set({ outbox });
    // The worker marks an entry `sending` before its request and removes it after the answer:
    // two `sending` at once would be two requests in flight.
    const bench = { maxSending: 0 };
    (globalThis as unknown as BenchGlobals).bench = bench;
    storage.onChanged.addListener((changes, area) => {
      const next = changes.outbox?.newValue;
      if (area !== 'local' || !Array.isArray(next)) return;
      const sending = next.filter((e) => (e as { state?: unknown }).state === 'sending').length;
      bench.maxSending = Math.max(bench.maxSending, sending);
    });
  }, entries);
  const early = cor.hours.length;
  if (early !== 0) throw new Error(`COR received ${early} hours before Send now`);

  const heap = await WorkerHeap.attach(session.context, session.url(''));
  const before = await heap.measure();

  // "Send now": the popup's button sends exactly this; the answer comes once the flush is done.
  const t0 = performance.now();
  const answer = await page.evaluate(
    (timeout) =>
      Promise.race([
        (globalThis as unknown as BenchGlobals).chrome.runtime.sendMessage({ name: 'outbox.send-now', data: {} }),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`drain not done in ${timeout} ms`)), timeout)),
      ]),
    DRAIN_TIMEOUT_MS,
  );
  const seconds = (performance.now() - t0) / 1000;

  const left = await page.evaluate(async () => {
    const { outbox } = await (globalThis as unknown as BenchGlobals).chrome.storage.local.get('outbox');
    return Array.isArray(outbox) ? outbox.length : -1;
  });
  const delivered = new Set(cor.hours.map((h) => `${h.task_log_id}@${Date.parse(h.start) / 1000}`));
  const expected = new Set(entries.map((e) => `${e.task.id}@${Math.floor(e.startedAt / 1000)}`));
  const missing = [...expected].filter((k) => !delivered.has(k)).length;
  if (JSON.stringify(answer) !== '{"ok":true}' || left !== 0 || cor.hours.length !== ENTRIES || missing !== 0) {
    throw new Error(
      `Drain incomplete: answer ${JSON.stringify(answer)}, ${left} left in the outbox, ${cor.hours.length} hours in COR, ${missing} seeded entries missing`,
    );
  }

  const after = await heap.measure();
  await heap.detach();
  const maxSending = await page.evaluate(() => (globalThis as unknown as BenchGlobals).bench!.maxSending);

  console.log(
    `outbox drain: ${ENTRIES} entries in ${seconds.toFixed(1)} s = ${(ENTRIES / seconds).toFixed(1)} entries/s (one request at a time)`,
  );
  console.log(
    `worker JS heap: before ${megabytes(before.usedSize)} used / ${megabytes(before.totalSize)} total, ` +
      `after ${megabytes(after.usedSize)} used / ${megabytes(after.totalSize)} total`,
  );
  const times = posts.map((p) => p.end - p.start).sort((a, b) => a - b);
  console.log(
    `POST /v1/hours: ${posts.length} sent, ${posts.filter((p) => p.status !== 200).length} not 200, ` +
      `fake-cor answered in median ${times[Math.floor(times.length / 2)] ?? NaN} ms; ` +
      `max in flight: ${maxConcurrency(posts)} at fake-cor, ${maxSending} marked sending in the outbox`,
  );
  // Whether an entry costs more while the outbox is long (each step rewrites the whole list).
  const pace = (from: number, to: number) =>
    `${((posts[to - 1]!.start - posts[from]!.start) / (to - 1 - from)).toFixed(0)} ms`;
  console.log(
    `time between POSTs: ${pace(0, 100)} per entry over the first 100 (outbox ${ENTRIES}→${ENTRIES - 100}), ` +
      `${pace(ENTRIES - 100, ENTRIES)} over the last 100 (100→1)`,
  );
} finally {
  await session.close();
  await cor.close();
}

/** The most requests fake-cor held at once (an answer at the same ms as an arrival ends first). */
function maxConcurrency(spans: ReadonlyArray<{ start: number; end: number }>): number {
  const events = spans.flatMap((s) => [
    { at: s.start, delta: 1 },
    { at: s.end, delta: -1 },
  ]);
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let now = 0;
  let max = 0;
  for (const e of events) {
    now += e.delta;
    max = Math.max(max, now);
  }
  return max;
}

interface BenchGlobals {
  bench?: { maxSending: number };
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    storage: {
      local: { set(items: Record<string, unknown>): Promise<void>; get(key: string): Promise<Record<string, unknown>> };
      onChanged: {
        addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
      };
    };
  };
}
