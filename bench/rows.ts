/** The bench's measurements and how they become the table rows, with its targets. */
import { COLUMNS, type Column, type Row } from './report.ts';
import { summarize } from './stats.ts';

const METRICS = ['fcpFirst', 'fcpLater', 'controlLater', 'wake', 'heap', 'stopPost'] as const;
export type Metric = (typeof METRICS)[number];
export type Samples = Record<Metric, Record<Column, number[]>>;

export const noSamples = (): Samples =>
  Object.fromEntries(METRICS.map((m) => [m, Object.fromEntries(COLUMNS.map((c) => [c, [] as number[]]))])) as Samples;

export interface Once {
  /** gzip bytes per extension, measured on the files. */
  readonly popupGzip: Record<Column, number>;
  readonly workerGzip: Record<Column, number>;
  /** COR Timer signed in: worker heap after 10 cycles, after `cycles`, and after twice `cycles`. */
  readonly heapCycles: {
    readonly before: number;
    readonly after: number;
    readonly twice: number;
    readonly cycles: number;
  };
}

export function rows(samples: Samples, once: Once): Row[] {
  const over = (metric: Metric, columns: readonly Column[] = COLUMNS) =>
    Object.fromEntries(columns.map((c) => [c, summarize(samples[metric][c])]));
  const bytes = (sizes: Record<Column, number>) => Object.fromEntries(COLUMNS.map((c) => [c, summarize([sizes[c]])]));
  const row = (what: string, unit: Row['unit'], cells: Row['cells'], target: string, ratio = unit !== 'KB'): Row => ({
    what,
    unit,
    cells,
    target,
    ratio,
  });
  const { before, after, twice, cycles } = once.heapCycles;
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(2);
  const growth = (from: number, to: number) => `${mb(from)} → ${mb(to)} MB (${((to / from - 1) * 100).toFixed(1)} %)`;
  return [
    row('popup first contentful paint, later opens', 'ms', over('fcpLater'), '≤ 1.15×'),
    row('popup first contentful paint, first open after browser start', 'ms', over('fcpFirst'), '≤ 1.3×'),
    row('popup main control painted (Element Timing), later opens', 'ms', over('controlLater'), '≤ 1.25×'),
    row('popup JS + CSS requested, gzip', 'KB', bytes(once.popupGzip), '≤ 12 KB'),
    row('worker JS loaded, gzip', 'KB', bytes(once.workerGzip), '—'),
    row('stopped worker woken by a message → answer', 'ms', over('wake'), '≤ 1.2×'),
    row('worker JS heap after GC, idle', 'MB', over('heap'), '≤ 0.45 MB'),
    row('Stop click → POST /v1/hours at fake-cor', 'ms', over('stopPost', ['corIn']), '≤ 30 ms', false),
    row(`worker heap after ${cycles} vs 10 start/stop cycles`, 'MB', { corIn: growth(before, after) }, '≤ +5 %', false),
    // Not a row of the issue: whether the growth above goes on (a leak) or has stopped.
    row(`worker heap after ${2 * cycles} vs ${cycles} cycles`, 'MB', { corIn: growth(after, twice) }, '—', false),
  ];
}
