/**
 * The extension's service-worker JS heap, read over raw CDP. Playwright opens CDP sessions on
 * pages only, so this attaches from a browser-level session to the worker's target (non-flat,
 * messages wrapped in Target.sendMessageToTarget, as e2e/cdp-target.ts does for pages).
 */
import type { BrowserContext, CDPSession } from 'playwright-core';

export interface HeapUsage {
  /** Bytes of JS heap in use. */
  readonly usedSize: number;
  /** Bytes of JS heap allocated (used + free). */
  readonly totalSize: number;
}

export class WorkerHeap {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(
    private readonly browser: CDPSession,
    private readonly sessionId: string,
  ) {
    browser.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
      if (waiting === undefined) return;
      this.pending.delete(message.id!);
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message.result);
    });
  }

  /** Attaches to the running service worker whose script URL starts with `urlPrefix`. */
  static async attach(context: BrowserContext, urlPrefix: string): Promise<WorkerHeap> {
    const browser = context.browser();
    if (browser === null) throw new Error('No Browser object for this context');
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(urlPrefix));
    if (worker === undefined) throw new Error(`No running service worker under ${urlPrefix}`);
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    return new WorkerHeap(cdp, sessionId);
  }

  private send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    const answer = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    });
    void this.browser.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    return answer;
  }

  /** Heap after a full garbage collection, so the number is what the worker actually keeps. */
  async measure(): Promise<HeapUsage> {
    await this.send('HeapProfiler.collectGarbage');
    const { usedSize, totalSize } = await this.send<HeapUsage>('Runtime.getHeapUsage');
    return { usedSize, totalSize };
  }

  async detach(): Promise<void> {
    await this.browser.detach();
  }
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
