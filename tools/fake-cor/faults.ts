/** Deterministic fault injection: the next n matching requests get a fault, in the order rules were added. */
import { defaultFaultBody, htmlErrorPage, json } from './reply.ts';
import type { Fault, FaultMatch, RecordedRequest, Reply } from './types.ts';

interface Rule {
  remaining: number;
  fault: Fault;
  match: FaultMatch;
}

export class FaultQueue {
  private rules: Rule[] = [];

  add(n: number, fault: Fault, match: FaultMatch = {}): void {
    if (!Number.isInteger(n) || n < 1) throw new Error(`failNext: n must be a positive integer, got ${n}`);
    validateFault(fault);
    this.rules.push({ remaining: n, fault, match });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request (consuming one use of the first matching rule), or undefined. */
  take(req: RecordedRequest): Fault | undefined {
    const rule = this.rules.find((r) => r.remaining > 0 && matches(r.match, req));
    if (!rule) return undefined;
    rule.remaining -= 1;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return rule.fault;
  }
}

function matches(match: FaultMatch, req: RecordedRequest): boolean {
  if (match.method !== undefined && match.method.toUpperCase() !== req.method) return false;
  if (match.host !== undefined && match.host.toLowerCase() !== req.host) return false;
  if (match.where !== undefined && !match.where(req)) return false;
  if (match.path === undefined) return true;
  if (typeof match.path === 'string') return match.path === req.path;
  match.path.lastIndex = 0; // a /g or /y RegExp keeps state between tests
  return match.path.test(req.path);
}

function validateFault(fault: Fault): void {
  if ('kind' in fault) {
    if (fault.kind === 'delay' && !(fault.ms >= 0)) throw new Error('failNext: delay needs ms >= 0');
    if (fault.kind === 'html' && !validStatus(fault.status)) throw new Error(`failNext: bad status ${fault.status}`);
    return;
  }
  if (!validStatus(fault.status)) throw new Error(`failNext: bad status ${fault.status}`);
}

function validStatus(status: number): boolean {
  return Number.isInteger(status) && status >= 100 && status <= 599;
}

/** The canned answer of a fault that replaces the handler, or undefined for delay / drops. */
export function faultReply(fault: Fault): Reply | undefined {
  if (!('kind' in fault)) {
    const headers: Record<string, string> =
      fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
    return json(fault.status, fault.body === undefined ? defaultFaultBody(fault.status) : fault.body, headers);
  }
  if (fault.kind === 'malformed')
    return { status: 200, contentType: 'application/json; charset=utf-8', body: '{"id": 12,' };
  if (fault.kind === 'html') return htmlErrorPage(fault.status);
  return undefined;
}

/** Short label for logs: "503", "delay 200ms", "drop"... */
export function describeFault(fault: Fault): string {
  if (!('kind' in fault)) return String(fault.status);
  if (fault.kind === 'delay') return `delay ${fault.ms}ms`;
  if (fault.kind === 'html') return `html ${fault.status}`;
  return fault.kind;
}
