/**
 * Chromium driven over raw CDP (`--remote-debugging-pipe`), with no Playwright attached: Playwright
 * attaches to every target with the Network domain on, and DevTools then keeps a record of each
 * request the worker makes (docs/PERFORMANCE.md). Here nothing is enabled on the worker; heap reads
 * attach to it for the reading only. Flat sessions: one pipe, messages carry their sessionId.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { chromePath } from '../tools/ensure-chromium.ts';
import { extensionArgs } from '../tools/chromium-launch.ts';

type Listener = (params: Record<string, unknown>, sessionId?: string) => void;

export class RawChromium {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Map<string, Set<Listener>>();

  private constructor(
    private readonly child: ChildProcess,
    private readonly out: Writable,
    input: Readable,
  ) {
    let buffer = '';
    input.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\0')) >= 0) {
        this.receive(JSON.parse(buffer.slice(0, end)) as Record<string, unknown>);
        buffer = buffer.slice(end + 1);
      }
    });
  }

  static async launch(profileDir: string, corPort: number, dirs: readonly string[]): Promise<RawChromium> {
    const args = [
      ...extensionArgs(dirs.join(','), corPort),
      '--headless',
      '--remote-debugging-pipe',
      `--user-data-dir=${profileDir}`,
      'about:blank',
    ];
    const child = spawn(chromePath(), args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    const raw = new RawChromium(child, child.stdio[3] as Writable, child.stdio[4] as Readable);
    await raw.send('Target.setDiscoverTargets', { discover: true });
    return raw;
  }

  private receive(message: Record<string, unknown>): void {
    if (typeof message.id === 'number') {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      const error = message.error as { message: string } | undefined;
      if (error) waiting?.reject(new Error(error.message));
      else waiting?.resolve(message.result as never);
      return;
    }
    const sessionId = message.sessionId as string | undefined;
    for (const l of this.listeners.get(message.method as string) ?? []) l(message.params as never, sessionId);
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve, reject });
      this.out.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  on(method: string, listener: Listener): () => void {
    const set = this.listeners.get(method) ?? new Set();
    set.add(listener);
    this.listeners.set(method, set);
    return () => set.delete(listener);
  }

  async targets(): Promise<{ targetId: string; type: string; url: string }[]> {
    return (await this.send<{ targetInfos: { targetId: string; type: string; url: string }[] }>('Target.getTargets'))
      .targetInfos;
  }

  /** Waits until a service worker runs under each prefix. */
  async workersRunning(prefixes: readonly string[]): Promise<void> {
    for (let i = 0; i < 200; i += 1) {
      const urls = (await this.targets()).filter((t) => t.type === 'service_worker').map((t) => t.url);
      if (prefixes.every((p) => urls.some((u) => u.startsWith(p)))) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`service workers not running: ${prefixes.join(', ')}`);
  }

  /** A tab at `url`, attached; evaluate in it with `evaluate`. */
  async openPage(url: string): Promise<Page> {
    const { targetId } = await this.send<{ targetId: string }>('Target.createTarget', { url });
    const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    const page = new Page(this, targetId, sessionId);
    for (let i = 0; i < 100; i += 1) {
      if ((await page.evaluate<string>('location.href').catch(() => '')) === url) return page;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`page did not load: ${url}`);
  }

  /** Attaches to the running worker under `prefix`, runs `use` on its session, detaches. */
  async withWorker<T>(prefix: string, use: (sessionId: string) => Promise<T>): Promise<T> {
    const worker = (await this.targets()).find((t) => t.type === 'service_worker' && t.url.startsWith(prefix));
    if (worker === undefined) throw new Error(`no running worker under ${prefix}`);
    const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', {
      targetId: worker.targetId,
      flatten: true,
    });
    try {
      return await use(sessionId);
    } finally {
      await this.send('Target.detachFromTarget', { sessionId });
    }
  }

  /** JS heap in use after a full GC, bytes. */
  heap(prefix: string): Promise<number> {
    return this.withWorker(prefix, async (session) => {
      await this.send('HeapProfiler.collectGarbage', {}, session);
      return (await this.send<{ usedSize: number }>('Runtime.getHeapUsage', {}, session)).usedSize;
    });
  }

  /** Stops every service worker and waits until the one under `prefix` is reported stopped. */
  async stopWorkers(page: Page, prefix: string): Promise<void> {
    const stopped = new Promise<void>((done) => {
      const off = this.on('ServiceWorker.workerVersionUpdated', (params, sessionId) => {
        if (sessionId !== page.sessionId) return;
        const versions = params.versions as { scriptURL: string; runningStatus: string }[];
        if (versions.some((v) => v.scriptURL.startsWith(prefix) && v.runningStatus === 'stopped')) {
          off();
          done();
        }
      });
    });
    await this.send('ServiceWorker.enable', {}, page.sessionId);
    await this.send('ServiceWorker.stopAllWorkers', {}, page.sessionId);
    await stopped;
    await this.send('ServiceWorker.disable', {}, page.sessionId);
  }

  async close(): Promise<void> {
    const exited = new Promise((r) => this.child.once('exit', r));
    await this.send('Browser.close').catch(() => undefined);
    await exited;
  }
}

export class Page {
  constructor(
    private readonly raw: RawChromium,
    readonly targetId: string,
    readonly sessionId: string,
  ) {}

  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.raw.send<{
      result: { value: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, this.sessionId);
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  }

  async close(): Promise<void> {
    await this.raw.send('Target.closeTarget', { targetId: this.targetId });
  }
}
