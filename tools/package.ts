/**
 * `npm run package` (after `npm run build`): the store uploads, named by package.json's version.
 *   artifacts/cor-timer-chrome-<v>.zip   Chrome Web Store: dist/chrome with manifest.json at the root,
 *                                       without source maps or test files
 *   artifacts/cor-timer-firefox-<v>.zip  addons.mozilla.org: `web-ext build` of dist/firefox
 *   artifacts/cor-timer-source-<v>.zip   AMO source review: the committed source (git archive of HEAD)
 *                                       with store/SOURCE-REVIEW.md, the exact build steps
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import JSZip from 'jszip';

const ROOT = resolve(import.meta.dirname, '..');
export const ARTIFACTS = join(ROOT, 'artifacts');

export function version(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export function artifactPath(kind: 'chrome' | 'firefox' | 'source', v = version()): string {
  return join(ARTIFACTS, `cor-timer-${kind}-${v}.zip`);
}

/** What never goes into a store upload: source maps and anything that is a test. */
export function isShipped(file: string): boolean {
  return !/\.map$|\.test\.|\.e2e\.|\.firefox\.|(^|\/)(e2e|test|__tests__)\//.test(file);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

async function chromeZip(out: string): Promise<void> {
  const dist = join(ROOT, 'dist/chrome');
  const zip = new JSZip();
  // A fixed date: the same build gives the same bytes.
  const date = new Date('2026-01-01T00:00:00Z');
  for (const file of filesUnder(dist).filter(isShipped))
    zip.file(file, readFileSync(join(dist, file)), { date, createFolders: false });
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' }));
}

function firefoxZip(out: string): void {
  const tmp = join(ARTIFACTS, '.web-ext');
  execFileSync(
    join(ROOT, 'node_modules/.bin/web-ext'),
    [
      'build',
      '--source-dir',
      join(ROOT, 'dist/firefox'),
      '--artifacts-dir',
      tmp,
      '--overwrite-dest',
      '--no-config-discovery',
      '--filename',
      out.split('/').pop()!,
    ],
    { stdio: 'inherit' },
  );
  execFileSync('mv', [join(tmp, out.split('/').pop()!), out]);
  rmSync(tmp, { recursive: true, force: true });
}

function sourceZip(out: string): void {
  // Exactly what is committed, so the reviewer's build matches the upload built from it.
  execFileSync('git', ['archive', '--format=zip', `--prefix=cor-timer-${version()}/`, '-o', out, 'HEAD'], {
    cwd: ROOT,
  });
}

/** The names inside a zip, and its files unpacked into `dir` (for the tests that check the uploads). */
export async function unzip(zipPath: string, dir?: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(zipPath));
  const names = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  if (dir !== undefined) {
    for (const name of names) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), await zip.file(name)!.async('nodebuffer'));
    }
  }
  return names.sort();
}

export async function packageAll(): Promise<string[]> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const outs = [artifactPath('chrome'), artifactPath('firefox'), artifactPath('source')];
  for (const out of outs) rmSync(out, { force: true });
  await chromeZip(outs[0]!);
  firefoxZip(outs[1]!);
  sourceZip(outs[2]!);
  return outs;
}

if (process.argv[1]?.endsWith('package.ts')) {
  for (const out of await packageAll()) console.log(`package: ${out} (${statSync(out).size} bytes)`);
}
