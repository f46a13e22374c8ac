/**
 * The extension's service-worker JS heap, read over raw CDP. Playwright opens CDP sessions on
 * pages only, so this attaches from a browser-level session to the worker's target (non-flat,
 * messages wrapped in Target.sendMessageToTarget) with e2e/cdp-target.ts.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';
import { CdpTarget } from '../e2e/cdp-target.ts';

export interface HeapUsage {
  /** Bytes of JS heap in use. */
  readonly usedSize: number;
  /** Bytes of JS heap allocated (used + free). */
  readonly totalSize: number;
}

export class WorkerHeap {
  private constructor(
    private readonly browser: CDPSession,
    private readonly worker: CdpTarget,
  ) {}

  /** Attaches to the running service worker whose script URL starts with `urlPrefix`. */
  static async attach(context: BrowserContext, urlPrefix: string): Promise<WorkerHeap> {
    const browser = context.browser();
    if (browser === null) throw new Error('No Browser object for this context');
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(urlPrefix));
    if (worker === undefined) throw new Error(`No running service worker under ${urlPrefix}`);
    return new WorkerHeap(cdp, await CdpTarget.attach(cdp, worker.targetId));
  }

  /** Heap after a full garbage collection, so the number is what the worker actually keeps. */
  async measure(): Promise<HeapUsage> {
    await this.worker.send('HeapProfiler.collectGarbage');
    const { usedSize, totalSize } = await this.worker.send<HeapUsage>('Runtime.getHeapUsage');
    return { usedSize, totalSize };
  }

  async detach(): Promise<void> {
    await this.browser.detach();
  }
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
