/**
 * The bench's table: one row per measurement, one column per extension, each cell the median,
 * the 90th percentile and the median as a multiple of the empty popup's. Written as Markdown,
 * printed and saved under bench/results/ with the machine it ran on.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Summary } from './stats.ts';

export const COLUMNS = ['empty', 'preact', 'stored', 'doors', 'corOut', 'corIn', 'corIdle'] as const;
export type Column = (typeof COLUMNS)[number];
export const TITLES: Record<Column, string> = {
  empty: 'empty popup',
  preact: 'Preact one button',
  stored: 'Preact one button, drawn from storage',
  doors: 'empty + COR Timer’s listeners',
  corOut: 'COR Timer signed out',
  corIn: 'COR Timer signed in',
  corIdle: 'COR Timer signed in, idle',
};

export interface Row {
  readonly what: string;
  readonly unit: 'ms' | 'KB' | 'MB';
  /** Absent where the measurement does not apply (no worker JS in the empty popup's page, no Stop in a reference). */
  readonly cells: Partial<Record<Column, Summary | string>>;
  readonly target: string;
  /** Whether to print a ratio to the empty popup (not for bytes: the empty popup loads none). */
  readonly ratio: boolean;
}

const number = (value: number, unit: Row['unit']) =>
  unit === 'ms' ? value.toFixed(0) : unit === 'KB' ? (value / 1024).toFixed(1) : (value / 1024 / 1024).toFixed(2);

function cell(row: Row, column: Column): string {
  const value = row.cells[column];
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  const base = row.cells.empty;
  const ratio =
    row.ratio && typeof base === 'object' && column !== 'empty' ? ` (${(value.median / base.median).toFixed(2)}×)` : '';
  const p90 = value.n > 1 ? `, p90 ${number(value.p90, row.unit)}` : '';
  return `${number(value.median, row.unit)} ${row.unit}${p90}${ratio}`;
}

export function table(rows: readonly Row[]): string {
  const head = `| what | ${COLUMNS.map((c) => TITLES[c]).join(' | ')} | target |`;
  const rule = `|---|${COLUMNS.map(() => '---').join('|')}|---|`;
  const body = rows.map((r) => `| ${r.what} | ${COLUMNS.map((c) => cell(r, c)).join(' | ')} | ${r.target} |`);
  return [head, rule, ...body].join('\n');
}

export interface Machine {
  readonly chromium: string;
  readonly loadBefore: readonly number[];
}

export async function writeResults(rows: readonly Row[], machine: Machine, notes: readonly string[]): Promise<string> {
  const root = resolve(import.meta.dirname, '..');
  const commit = execFileSync('git', ['describe', '--always', '--dirty'], { cwd: root, encoding: 'utf8' }).trim();
  const load = (l: readonly number[]) => l.map((x) => x.toFixed(2)).join(' ');
  const text = [
    `# npm run bench — ${new Date().toISOString()}`,
    '',
    `Commit ${commit}; ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}); Chromium ${machine.chromium}, headless; ` +
      `load average ${load(machine.loadBefore)} before, ${load(loadavg())} after.`,
    '',
    ...notes,
    '',
    table(rows),
    '',
  ].join('\n');
  const dir = join(root, 'bench/results');
  await mkdir(dir, { recursive: true });
  const date = new Date().toISOString().slice(0, 10);
  let path = join(dir, `${date}.md`);
  for (let n = 2; existsSync(path); n += 1) path = join(dir, `${date}-${n}.md`);
  await writeFile(path, text);
  return path;
}
