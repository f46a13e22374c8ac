/** Every request, in arrival order, and event-driven waiting for one. */
import type { RecordedRequest } from './types.ts';

export type RequestPredicate = (req: RecordedRequest) => boolean;

interface Waiter {
  predicate: RequestPredicate;
  resolve: (req: RecordedRequest) => void;
  reject: (error: Error) => void;
}

/** One line per request, without headers, bodies or query values (they may hold secrets). */
export function summarize(req: RecordedRequest): string {
  const keys = Object.keys(req.query);
  return `${req.method} ${req.host}${req.path}${keys.length > 0 ? `?${keys.join('&')}` : ''}`;
}

export class RequestLog {
  readonly requests: RecordedRequest[] = [];
  private waiters = new Set<Waiter>();

  record(req: RecordedRequest): void {
    this.requests.push(req);
    for (const waiter of [...this.waiters]) {
      if (safeTest(waiter.predicate, req)) {
        this.waiters.delete(waiter);
        waiter.resolve(req);
      }
    }
  }

  /** Reject every pending waitFor (the server is closing). */
  cancelWaiters(reason: string): void {
    for (const waiter of this.waiters) waiter.reject(new Error(`fake-cor: ${reason}`));
    this.waiters.clear();
  }

  waitFor(predicate: RequestPredicate, timeoutMs = 10_000): Promise<RecordedRequest> {
    const already = this.requests.find((r) => safeTest(predicate, r));
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (req) => {
          clearTimeout(timer);
          resolve(req);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.requests.map((r, i) => `  ${i + 1}. ${summarize(r)}`).join('\n') || '  (none)';
        reject(new Error(`fake-cor: no matching request within ${timeoutMs} ms. Recorded requests:\n${seen}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }
}

function safeTest(predicate: RequestPredicate, req: RecordedRequest): boolean {
  try {
    return predicate(req);
  } catch {
    return false;
  }
}
