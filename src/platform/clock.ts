/**
 * The background's only sources of time, chance and identity. `core/` never calls these; it
 * receives their values as arguments. Tests control time with vitest's fake system time.
 */
export const clock = {
  now: (): number => Date.now(),
  random: (): number => Math.random(),
  newId: (): string => crypto.randomUUID(),
  /** The browser's time zone, for wall-clock decisions (`core/local-time.ts`). */
  timeZone: (): string => Intl.DateTimeFormat().resolvedOptions().timeZone,
};
