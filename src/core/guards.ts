/**
 * Small guards every context uses. A module of their own, so a page that needs `isRecord` does
 * not load the COR answer classifier, nor one that needs `assertNever` the timer state machine
 * (the bundler splits by module: docs/PERFORMANCE.md).
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The type checker makes this unreachable; at run time it can only be hit by data from outside
 * (a message, a stored value). The value is never put in the message: a sign-in request with a
 * password, or a token, could ride in it and end up in a log.
 */
export function assertNever(value: never): never {
  throw new Error(`Unexpected ${typeof value}`);
}
