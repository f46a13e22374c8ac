import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pageAssets, workerAssets } from './build-assets.ts';

/** A build laid out like CRXJS's: pages under src/, chunks under assets/ with absolute URLs. */
function fixture(files: Record<string, string>): string {
  const dist = mkdtempSync(join(tmpdir(), 'build-assets-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dist, path, '..'), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
  return dist;
}

const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

describe('what a page and the worker load before they run', () => {
  const files = {
    'manifest.json': JSON.stringify({ background: { service_worker: 'loader.js' } }),
    'loader.js': `import './assets/worker.js';`,
    'assets/worker.js': `import{a as b}from"./shared.js";export*from"./more.js";b()`,
    'assets/more.js': `export const m=1`,
    'src/popup/index.html':
      '<script type="module" crossorigin src="/assets/popup.js"></script>' +
      '<link rel="modulepreload" crossorigin href="/assets/shared.js">' +
      '<link rel="stylesheet" crossorigin href="/assets/popup.css">',
    'assets/popup.js': `import{a}from"./shared.js";import"./side.js";const later=()=>import("./lazy.js");a(later)`,
    'assets/shared.js': `export const a=(f)=>f`,
    'assets/side.js': `console.log(1)`,
    'assets/lazy.js': `export const big="${'x'.repeat(500)}"`,
    'assets/popup.css': `body{margin:0}`,
  };
  const dist = fixture(files);

  it('follows the HTML tags and static imports, once each, and leaves dynamic imports out', () => {
    const popup = pageAssets(dist, 'src/popup/index.html');
    expect(popup.files).toEqual(['assets/popup.js', 'assets/shared.js', 'assets/side.js', 'assets/popup.css']);
    expect(popup.raw).toBe(popup.files.reduce((sum, f) => sum + files[f as keyof typeof files].length, 0));
    expect(popup.gzip).toBe(popup.files.reduce((sum, f) => sum + gz(files[f as keyof typeof files]), 0));
  });

  it("counts a page's inline styles, which the build puts where its stylesheets were linked", () => {
    const css = `body{margin:0}main{padding:1rem}`;
    const inlined = fixture({
      'src/popup/index.html': `<script type="module" src="/assets/popup.js"></script><style>${css}</style>`,
      'assets/popup.js': `console.log(1)`,
    });
    const popup = pageAssets(inlined, 'src/popup/index.html');
    expect(popup.files).toEqual(['assets/popup.js', 'src/popup/index.html#style']);
    expect(popup.raw).toBe(`console.log(1)`.length + css.length);
    expect(popup.gzip).toBe(gz(`console.log(1)`) + gz(css));
  });

  it("starts the worker's graph at the manifest's service worker, re-exports included", () => {
    expect(workerAssets(dist).files).toEqual(['loader.js', 'assets/worker.js', 'assets/shared.js', 'assets/more.js']);
  });
});
