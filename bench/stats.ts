/** Median and 90th percentile (nearest rank), and how the bench prints them. */

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export interface Summary {
  readonly median: number;
  readonly p90: number;
  readonly n: number;
}

export const summarize = (values: readonly number[]): Summary => ({
  median: median(values),
  p90: percentile(values, 90),
  n: values.length,
});
