/**
 * The fault matrix's kit (issue 6, "Never lose an hour"): one rig per scenario (fake-cor, a
 * Chromium with the production build, a signed-in popup), the popup driven by role and
 * accessible name, and the audit every scenario ends with: each stopped timer must be in
 * fake-cor exactly once. The audit also feeds a module-level tally the suite prints at the end.
 */
import type { ExpectStatic } from 'vitest';
import type { Page } from 'playwright-core';
import {
  SEED,
  startFakeCor,
  type FakeCor,
  type FakeCorOptions,
  type RecordedRequest,
} from '../tools/fake-cor/server.ts';
import { ExtensionSession, startByNumber } from './harness';

/** What fault rules match: the extension's one write to COR. */
export const POST_HOURS = { method: 'POST', path: '/v1/hours' } as const;
export const isPost = (r: RecordedRequest): boolean => r.method === 'POST' && r.path === '/v1/hours';

/**
 * The in-doubt lookup: `GET /v1/hours` over the two days around the entry. The popup's Today
 * asks the same endpoint for a wider range (core/today.ts), and is not a lookup.
 */
export const isLookup = (r: RecordedRequest): boolean => {
  if (r.method !== 'GET' || r.path !== '/v1/hours') return false;
  const filters = JSON.parse(r.query.filters ?? '{}') as { dateStart?: string; dateDeadline?: string };
  const days = (Date.parse(filters.dateDeadline ?? '') - Date.parse(filters.dateStart ?? '')) / 86_400_000;
  return days === 2;
};
/** Matches only the in-doubt lookup. */
export const LIST_HOURS = { method: 'GET', path: '/v1/hours', where: isLookup } as const;

/** Long enough for a backoff step, the 10 s in-doubt grace and a lookup, on a busy 2-core machine. */
export const DELIVERY_MS = 45_000;

/** A timer the scenario stopped: what COR must end up holding once (unless the person discarded it). */
export interface StoppedTimer {
  /** The timer's task, or the one the person moved the entry to. */
  taskId: number;
  /** The timer's start, whole seconds since the epoch: COR keeps no milliseconds. */
  readonly startSecond: number;
  /** Who worked it: the hour must be booked to this COR user and nobody else. */
  readonly userId: number;
  discarded: boolean;
}

export interface Audit {
  readonly lost: number;
  readonly duplicated: number;
}

/** The whole matrix so far; the suite prints it once at the end. */
export const tally = { scenarios: 0, lost: 0, duplicated: 0, findings: [] as string[] };

export function summaryLine(): string {
  return `fault matrix: ${tally.scenarios} scenarios, ${tally.lost} lost, ${tally.duplicated} duplicated`;
}

/**
 * Lost: a stopped timer (not discarded) with no hour in COR under the person who worked it.
 * Duplicated: every hour beyond the first for a timer, plus any hour that matches no kept timer
 * (a discarded one included, or one booked to another person).
 */
export function audit(stopped: readonly StoppedTimer[], cor: FakeCor, history: ReadonlySet<number> = new Set()): Audit {
  const key = (taskId: number, second: number, userId: number) => `${taskId}@${second}#${userId}`;
  const counts = new Map<string, number>();
  for (const hour of cor.hours) {
    if (history.has(hour.id)) continue;
    const k = key(hour.task_log_id, Math.floor(Date.parse(hour.start) / 1000), hour.user_id);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let lost = 0;
  let duplicated = 0;
  const expected = new Set<string>();
  for (const timer of stopped) {
    if (timer.discarded) continue;
    const k = key(timer.taskId, timer.startSecond, timer.userId);
    expected.add(k);
    const n = counts.get(k) ?? 0;
    if (n === 0) lost += 1;
    else duplicated += n - 1;
  }
  for (const [k, n] of counts) if (!expected.has(k)) duplicated += n;
  return { lost, duplicated };
}

/** Longest a held request (the 17 s delay fault) can still be pending when a scenario closes. */
const SETTLE_AT_CLOSE_MS = 20_000;

/** Counts fake-cor's finished exchanges, to wait (event-driven) until no request is still held. */
class Exchanges {
  recorded: () => number = () => 0;
  private done = 0;
  private waiters: Array<() => void> = [];

  finished(): void {
    this.done += 1;
    if (this.idle()) for (const wake of this.waiters.splice(0)) wake();
  }

  private idle(): boolean {
    return this.done >= this.recorded();
  }

  settled(ms: number): Promise<void> {
    if (this.idle()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fake-cor still held a request after ${ms} ms`)), ms);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

type ChromeStorage = {
  chrome: { storage: { local: { get(key: string | null): Promise<Record<string, unknown>> } } };
};
type StoredTimer = {
  status: string;
  task?: { id: number; title?: string };
  startedAt?: number;
  owner?: { userId: number } | null;
};
type StoredEntry = { state: string; task: { id: number }; attempts: number; nextAttemptAt: number };

/** One scenario's world. `close()` audits it (once) into the tally, pass or fail. */
export class Rig {
  readonly stopped: StoppedTimer[] = [];
  /** Hours stored as history (`cor.addHour`): not the scenario's, left out of the audit. */
  private readonly history = new Set<number>();
  /** Index in `cor.requests` of the first request after `freshConnection()`. */
  private freshFrom: number | null = null;

  private constructor(
    readonly name: string,
    /** The test's own expect: scenarios run concurrently, and expect.poll needs its test. */
    readonly expect: ExpectStatic,
    readonly cor: FakeCor,
    private readonly exchanges: Exchanges,
    public session: ExtensionSession,
    public popup: Page,
  ) {}

  /** fake-cor, Chromium with the build, signed in (a pasted token unless `password`), the popup open. */
  static async open(
    name: string,
    expect: ExpectStatic,
    options: { password?: boolean; cor?: FakeCorOptions } = {},
  ): Promise<Rig> {
    const exchanges = new Exchanges();
    const cor = await startFakeCor({ ...options.cor, onExchange: () => exchanges.finished() });
    exchanges.recorded = () => cor.requests.length;
    const session = await ExtensionSession.launch(cor);
    if (options.password) {
      const page = await session.signInWithPassword(SEED.user.email, SEED.password);
      await page.getByText(/^Signed in as /).waitFor();
      await page.close();
    } else {
      await session.signInWithToken();
    }
    const popup = await session.openPopup();
    await popup.getByRole('combobox', { name: 'Search tasks' }).waitFor();
    return new Rig(name, expect, cor, exchanges, session, popup);
  }

  posts(): RecordedRequest[] {
    return this.cor.requests.filter(isPost);
  }

  lookups(): RecordedRequest[] {
    return this.cor.requests.filter(isLookup);
  }

  /** Resolves when fake-cor has received at least `n` POST /v1/hours (event-driven). */
  async waitForPosts(n: number, ms = DELIVERY_MS): Promise<void> {
    await this.cor.waitFor((r) => isPost(r) && this.posts().length >= n, ms);
  }

  /** Names the task by number in the search box and starts it, as a person who knows the number would. */
  async start(taskId: number, options: { closed?: boolean } = {}): Promise<void> {
    await startByNumber(this.popup, taskId, options);
  }

  /** Stops the running timer in the popup; remembers what COR must receive. */
  async stop(): Promise<StoppedTimer> {
    const timer = await this.timer();
    if (timer.status !== 'running' || timer.task === undefined || timer.startedAt === undefined || !timer.owner) {
      throw new Error(`No running timer to stop: ${JSON.stringify(timer)}`);
    }
    const stopped: StoppedTimer = {
      taskId: timer.task.id,
      startSecond: Math.floor(timer.startedAt / 1000),
      userId: timer.owner.userId,
      discarded: false,
    };
    this.stopped.push(stopped);
    await this.popup.getByRole('button', { name: 'Stop timer' }).click();
    // Stopped once Stop timer is gone. Not "Start timer": with an entry needing attention the picker
    // shows only its box, and a refusal (400, 404) can be in before the popup draws the stop.
    await this.popup.getByRole('button', { name: 'Stop timer' }).waitFor({ state: 'detached' });
    return stopped;
  }

  async startAndStop(taskId: number, options: { closed?: boolean } = {}): Promise<StoppedTimer> {
    await this.start(taskId, options);
    return this.stop();
  }

  /**
   * Makes the next request (the stop's POST) open a new connection: Chromium silently resends a
   * request whose reused keep-alive connection closes before any response byte, which would hide
   * a cut fault (and book a commit-then-drop twice). Call with a timer running: it waits until
   * the start's own requests are answered, closes every connection, and checks later (in
   * `expectDeliveredOnce`) that the POST was the first request after it.
   */
  async freshConnection(): Promise<void> {
    // The worker asks COR for the task's title after a start; that request must not come after the cut.
    await this.expect.poll(async () => (await this.timer()).task?.title, { timeout: 10_000 }).toBeTypeOf('string');
    await this.exchanges.settled(10_000);
    await this.cor.down();
    await this.cor.up();
    this.freshFrom = this.cor.requests.length;
  }

  /** The popup shows "1 entry waiting to be sent" / "N entries …", or (n = 0) no such heading. */
  async expectWaiting(n: number): Promise<void> {
    if (n === 0) {
      await this.popup.getByRole('heading', { name: /waiting to be sent$/ }).waitFor({ state: 'detached' });
    } else {
      const name = n === 1 ? '1 entry waiting to be sent' : `${n} entries waiting to be sent`;
      await this.popup.getByRole('heading', { name, exact: true }).waitFor();
    }
  }

  /** The popup shows "1 entry needs your attention" / "N entries need your attention", or none. */
  async expectAttention(n: number): Promise<void> {
    if (n === 0) {
      await this.popup.getByRole('heading', { name: /needs? your attention$/ }).waitFor({ state: 'detached' });
    } else {
      const name = n === 1 ? '1 entry needs your attention' : `${n} entries need your attention`;
      await this.popup.getByRole('heading', { name, exact: true }).waitFor();
    }
  }

  async sendNow(): Promise<void> {
    await this.popup.getByRole('button', { name: 'Send now' }).click();
  }

  /** The Needs-attention list item of a task (its title is in the item's text). */
  attentionItem(text: string | RegExp) {
    return this.popup
      .getByRole('list', { name: /needs? your attention$/ })
      .getByRole('listitem')
      .filter({ hasText: text });
  }

  /** The outbox as stored, one `entry:<id>` key each (read from the popup, an extension page): for state checks only. */
  async outbox(): Promise<StoredEntry[]> {
    return this.popup.evaluate(async () =>
      Object.entries(await (globalThis as unknown as ChromeStorage).chrome.storage.local.get(null))
        .filter(([key]) => key.startsWith('entry:'))
        .map(([, entry]) => entry as StoredEntry),
    );
  }

  /** Signs out in the options page, saying yes when it warns that entries still wait. */
  async signOut(): Promise<void> {
    const options = await this.session.openOptions();
    await options.getByRole('button', { name: 'Sign out' }).click();
    const anyway = options.getByRole('button', { name: 'Sign out anyway' });
    const signedOut = options.getByText('Not signed in to COR.');
    await anyway.or(signedOut).waitFor();
    if (await anyway.isVisible()) await anyway.click();
    await signedOut.waitFor();
    await options.close();
  }

  /** Signs in as another sample person (a pasted token of theirs). */
  async signInAs(userId: number): Promise<void> {
    await this.session.signInWithToken(this.cor.issueToken(userId).access_token);
  }

  private async timer(): Promise<StoredTimer> {
    return this.popup.evaluate(
      async () =>
        (await (globalThis as unknown as ChromeStorage).chrome.storage.local.get('timer')).timer as StoredTimer,
    );
  }

  /**
   * Waits until nothing is left to send (the popup lists no entry and storage holds none),
   * then audits: exactly one hour in fake-cor per stopped timer.
   */
  async expectDeliveredOnce(ms = DELIVERY_MS): Promise<void> {
    await this.popup.getByRole('heading', { name: /waiting to be sent$/ }).waitFor({ state: 'detached', timeout: ms });
    await this.expectAttention(0);
    await this.expect.poll(() => this.outbox(), { timeout: ms }).toEqual([]);
    // A request fake-cor still holds (a delay fault) may yet create an hour: wait for its end.
    await this.exchanges.settled(ms);
    if (this.freshFrom !== null) {
      const first = this.cor.requests[this.freshFrom];
      this.expect(first && `${first.method} ${first.path}`, 'first request on the fresh connection').toBe(
        'POST /v1/hours',
      );
    }
    const result = audit(this.stopped, this.cor, this.history);
    this.expect(result, `${this.name}: hours in fake-cor per stopped timer`).toEqual({ lost: 0, duplicated: 0 });
  }

  /** Closes the browser, runs `meanwhile`, then starts it again on the same profile with the popup open. */
  async relaunch(meanwhile: () => void | Promise<void> = () => {}): Promise<void> {
    this.session = await this.session.relaunch(meanwhile);
    this.popup = await this.session.openPopup();
  }

  ignoreHour(id: number): void {
    this.history.add(id);
  }

  /**
   * Counts the scenario into the tally once, at its very end, when every request fake-cor held
   * has been answered: a late commit after the scenario's own checks still counts. A scenario
   * that failed half-way counts what it left behind.
   */
  async close(): Promise<void> {
    await this.session.close();
    await this.exchanges.settled(SETTLE_AT_CLOSE_MS).catch(() => {});
    const result = audit(this.stopped, this.cor, this.history);
    tally.scenarios += 1;
    tally.lost += result.lost;
    tally.duplicated += result.duplicated;
    if (result.lost + result.duplicated > 0) {
      tally.findings.push(`${this.name}: ${result.lost} lost, ${result.duplicated} duplicated`);
    }
    await this.cor.close();
  }
}

/** Runs one scenario on its own rig, always closing (and so auditing) it. */
export async function scenario(
  expect: ExpectStatic,
  name: string,
  body: (rig: Rig) => Promise<void>,
  options: { password?: boolean; cor?: FakeCorOptions } = {},
): Promise<void> {
  const rig = await Rig.open(name, expect, options);
  try {
    await body(rig);
  } finally {
    await rig.close();
  }
}
