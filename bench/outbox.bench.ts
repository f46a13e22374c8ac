/**
 * `npm run bench:outbox`: how fast a long outbox drains, and what it costs the worker's memory.
 * 10 waiting entries are stored and drained, then 1,000: one "Send now" each (the popup button's
 * own message) drains them into fake-cor on loopback, one request at a time. Prints numbers; it
 * passes or fails nothing, except that it refuses to print a rate for a drain that did not
 * deliver everything.
 *   - the time per entry with 10 waiting and with 1,000 waiting (one key per entry makes them alike)
 *   - entries per second, from the message to an empty outbox (every entry removed from storage)
 *   - the worker's JS heap after a forced GC, before and after the drain
 *   - how many POST /v1/hours ever overlapped, seen by fake-cor and by the worker's own outbox
 */
import { randomUUID } from 'node:crypto';
import { SEED, startFakeCor } from '../tools/fake-cor/server.ts';
import { ExtensionSession } from '../e2e/harness.ts';
import { megabytes, WorkerHeap } from './worker-heap.ts';

const ENTRIES = 1000;
const FEW = 10;
const DRAIN_TIMEOUT_MS = 10 * 60_000;

interface Seeded {
  id: string;
  task: { id: number };
  owner: { userId: number; name: string | null; company: string | null };
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
  // The driver page: the options page watches neither the outbox nor the hours, so it adds no
  // rendering of its own to the drain (the popup would redraw its outbox list on every write).
  const page = await session.openOptions();
  await page.evaluate(() => {
    // The worker marks an entry `sending` before its request and removes it after the answer:
    // two `sending` at once would be two requests in flight.
    const bench = { maxSending: 0, sending: new Set<string>() };
    (globalThis as unknown as BenchGlobals).bench = bench;
    (globalThis as unknown as BenchGlobals).chrome.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local') return;
      for (const [key, change] of Object.entries(changes)) {
        if (!key.startsWith('entry:')) continue;
        if ((change.newValue as { state?: unknown } | undefined)?.state === 'sending') bench.sending.add(key);
        else bench.sending.delete(key);
      }
      bench.maxSending = Math.max(bench.maxSending, bench.sending.size);
    });
  });
  const heap = await WorkerHeap.attach(session.context, session.url(''));

  const few = await drain(FEW);
  const before = await heap.measure();
  const many = await drain(ENTRIES);
  const after = await heap.measure();
  await heap.detach();
  const maxSending = await page.evaluate(() => (globalThis as unknown as BenchGlobals).bench!.maxSending);

  console.log(
    `outbox drain: ${ENTRIES} entries in ${many.seconds.toFixed(1)} s = ${(ENTRIES / many.seconds).toFixed(1)} entries/s (one request at a time)`,
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
  // Whether an entry costs more while the outbox is long: one key per entry should make it alike.
  const perFew = pace(few.posts, 0, FEW);
  const perMany = pace(many.posts, 0, 100);
  console.log(
    `time per entry: ${perFew.toFixed(1)} ms with ${FEW} waiting; ${perMany.toFixed(1)} ms over the first 100 ` +
      `with ${ENTRIES} waiting (${(perMany / perFew).toFixed(2)}×); ${pace(many.posts, ENTRIES - 100, ENTRIES).toFixed(1)} ms over the last 100`,
  );

  /** Stores `count` waiting entries (this version's shape: one key each, owned by Ana) and drains them with Send now. */
  async function drain(count: number): Promise<{ seconds: number; posts: typeof posts }> {
    const from = posts.length;
    const hoursBefore = cor.hours.length;
    // A minute apart, oldest first, ending an hour ago; each drain in its own hours: every (task, start second) is distinct.
    const first = Date.now() - (count + 60) * 60_000 - (from + 1) * 24 * 3_600_000;
    const entries: Seeded[] = Array.from({ length: count }, (_, i) => {
      const startedAt = first + i * 60_000;
      const stoppedAt = startedAt + 30_000 + (i % 25) * 1000;
      return {
        id: randomUUID(),
        task: { id: openTasks[i % openTasks.length]! },
        owner: { userId: SEED.user.id, name: 'Ana García', company: null },
        startedAt,
        stoppedAt,
        state: 'waiting',
        attempts: 0,
        nextAttemptAt: stoppedAt,
      };
    });
    await page.evaluate(async (seeded) => {
      const storage = (globalThis as unknown as BenchGlobals).chrome.storage;
      await storage.local.set(Object.fromEntries(seeded.map((e) => [`entry:${e.id}`, e])));
    }, entries);
    if (cor.hours.length !== hoursBefore) throw new Error('COR received hours before Send now');
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
    const left = await page.evaluate(
      async () =>
        Object.keys(await (globalThis as unknown as BenchGlobals).chrome.storage.local.get(null)).filter((k) =>
          k.startsWith('entry:'),
        ).length,
    );
    const delivered = new Set(cor.hours.map((h) => `${h.task_log_id}@${Date.parse(h.start) / 1000}`));
    const missing = entries.filter((e) => !delivered.has(`${e.task.id}@${Math.floor(e.startedAt / 1000)}`)).length;
    if (JSON.stringify(answer) !== '{"ok":true}' || left !== 0 || cor.hours.length !== hoursBefore + count || missing) {
      throw new Error(
        `Drain incomplete: answer ${JSON.stringify(answer)}, ${left} left in the outbox, ${cor.hours.length - hoursBefore} hours in COR, ${missing} seeded entries missing`,
      );
    }
    return { seconds, posts: posts.slice(from) };
  }
} finally {
  await session.close();
  await cor.close();
}

/** Mean time between the arrivals of POSTs `from` … `to − 1`, in ms. */
function pace(list: ReadonlyArray<{ start: number }>, from: number, to: number): number {
  return (list[to - 1]!.start - list[from]!.start) / (to - 1 - from);
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
  bench?: { maxSending: number; sending: Set<string> };
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    storage: {
      local: {
        set(items: Record<string, unknown>): Promise<void>;
        get(key: string | null): Promise<Record<string, unknown>>;
      };
      onChanged: {
        addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
      };
    };
  };
}
