/**
 * What a page or the service worker of a build actually loads before it runs: the HTML's scripts,
 * module preloads, stylesheets and inline styles, and every static `import` they reach (dynamic `import()` is
 * left out: it loads later, on demand). Sizes are raw and gzip (level 9, what a byte budget
 * compares; the browser reads the files from disk, so gzip only measures how much code there is).
 * Shared by `npm run bench` and the byte-budget test.
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Assets {
  /** Paths relative to the build's root, in load order. */
  readonly files: readonly string[];
  readonly raw: number;
  readonly gzip: number;
}

const HTML_ASSET = /<(?:script[^>]*\bsrc|link[^>]*\bhref)="([^"]+)"/g;
// Minified static imports: `import{a as b}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`.
const STATIC_IMPORT = /(?:\bimport|\bfrom|\bexport\s*\*\s*from)\s*["']([^"']+\.js)["']/g;

const INLINE_STYLE = /<style>([\s\S]*?)<\/style>/g;

/**
 * The files `htmlPath` (relative to `dist`) makes the browser load before the page runs, and its
 * inline styles (tools/inline-styles.ts puts the pages' CSS there), named `<page>#style`.
 */
export function pageAssets(dist: string, htmlPath: string): Assets {
  const html = readFileSync(join(dist, htmlPath), 'utf8');
  const linked = [...html.matchAll(HTML_ASSET)].map((m) => resolveAsset(htmlPath, m[1]!));
  const files = measure(dist, withImports(dist, linked));
  const styles = [...html.matchAll(INLINE_STYLE)].map((m) => Buffer.from(m[1]!));
  if (styles.length === 0) return files;
  const style = Buffer.concat(styles);
  return {
    files: [...files.files, `${htmlPath}#style`],
    raw: files.raw + style.length,
    gzip: files.gzip + gzipSync(style, { level: 9 }).length,
  };
}

/** The service worker's module graph, from the file the manifest names. */
export function workerAssets(dist: string): Assets {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    background: { service_worker: string };
  };
  return measure(dist, withImports(dist, [manifest.background.service_worker]));
}

function resolveAsset(from: string, ref: string): string {
  return ref.startsWith('/') ? ref.slice(1) : posix.join(posix.dirname(from), ref);
}

function withImports(dist: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.js')) return;
    const text = readFileSync(join(dist, file), 'utf8');
    for (const m of text.matchAll(STATIC_IMPORT)) visit(resolveAsset(file, m[1]!));
  };
  entries.forEach(visit);
  return [...seen];
}

function measure(dist: string, files: readonly string[]): Assets {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

export const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
