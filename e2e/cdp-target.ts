/**
 * Drives a page that Playwright does not list (the browser-managed window that
 * identity.launchWebAuthFlow opens) through raw CDP, and clicks in it with real mouse events
 * on the element a screen reader would name, as a person would.
 */
import type { CDPSession } from 'playwright-core';

export class CdpTarget {
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

  /** Waits for a page target whose URL matches, then attaches to it. */
  static async waitFor(browser: CDPSession, matches: (url: string) => boolean): Promise<CdpTarget> {
    const targetId = await new Promise<string>((resolve) => {
      const check = ({ targetInfo }: { targetInfo: { targetId: string; type: string; url: string } }) => {
        if (targetInfo.type === 'page' && matches(targetInfo.url)) resolve(targetInfo.targetId);
      };
      browser.on('Target.targetCreated', check);
      browser.on('Target.targetInfoChanged', check);
      void browser.send('Target.setDiscoverTargets', { discover: true });
    });
    return CdpTarget.attach(browser, targetId);
  }

  /** Attaches to a known target (a page, a service worker) from a browser-level session. */
  static async attach(browser: CDPSession, targetId: string): Promise<CdpTarget> {
    const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: false });
    return new CdpTarget(browser, sessionId);
  }

  send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
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

  /** Resolves once the document has loaded. */
  async loaded(): Promise<void> {
    await this.send('Runtime.evaluate', {
      expression: `new Promise((r) => document.readyState === 'complete' ? r() : addEventListener('load', () => r()))`,
      awaitPromise: true,
    });
  }

  /** Clicks the centre of the button with this accessible name, with real mouse events. */
  async clickButton(name: string): Promise<void> {
    const { root } = await this.send<{ root: { nodeId: number } }>('DOM.getDocument', { depth: -1 });
    const { nodes } = await this.send<{ nodes: Array<{ backendDOMNodeId?: number }> }>('Accessibility.queryAXTree', {
      nodeId: root.nodeId,
      accessibleName: name,
      role: 'button',
    });
    const backendNodeId = nodes[0]?.backendDOMNodeId;
    if (backendNodeId === undefined) throw new Error(`No button named ${name}`);
    const { model } = await this.send<{ model: { content: number[] } }>('DOM.getBoxModel', { backendNodeId });
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    const x = (x1 + x3) / 2;
    const y = (y1 + y3) / 2;
    for (const type of ['mousePressed', 'mouseReleased']) {
      await this.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
    }
  }

  async close(): Promise<void> {
    await this.send('Page.close').catch(() => undefined);
  }
}
