import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import { loadedOnlyBy } from './rebuild-entry.ts';

const chunk = (fileName: string, isEntry: boolean, imports: string[] = [], dynamicImports: string[] = []) =>
  ({ type: 'chunk', fileName, isEntry, imports, dynamicImports }) as unknown as Rollup.OutputChunk;

/** A build like the extension's: two pages and a worker sharing chunks, one panel on demand. */
function bundle(): Rollup.OutputBundle {
  const chunks = [
    chunk('popup.js', true, ['preact.js', 'storage.js'], ['panel.js']),
    chunk('panel.js', false, ['preact.js', 'local-time.js']),
    chunk('options.js', true, ['preact.js', 'storage.js']),
    chunk('worker.js', true, ['storage.js']),
    chunk('storage.js', false, ['time.js']),
    chunk('preact.js', false),
    chunk('time.js', false),
    chunk('local-time.js', false, ['time.js']),
  ];
  const html = { type: 'asset', fileName: 'popup.html', source: '' } as unknown as Rollup.OutputAsset;
  return Object.fromEntries([...chunks, html].map((c) => [c.fileName, c]));
}

describe('the chunks an entry rebuilt on its own leaves behind', () => {
  it('are those only it loaded, statically or on demand, and their own imports', () => {
    const b = bundle();
    const popup = b['popup.js'] as Rollup.OutputChunk;
    expect(loadedOnlyBy(b, [popup]).sort()).toEqual(['local-time.js', 'panel.js', 'popup.js']);
  });

  it('include what only they shared, when every entry that shared it is rebuilt', () => {
    const b = bundle();
    const entries = ['popup.js', 'options.js'].map((f) => b[f] as Rollup.OutputChunk);
    expect(loadedOnlyBy(b, entries).sort()).toEqual([
      'local-time.js',
      'options.js',
      'panel.js',
      'popup.js',
      'preact.js',
    ]);
  });

  it('reach through a chunk to what it imports (the worker last, after the pages)', () => {
    const b = bundle();
    for (const f of ['popup.js', 'options.js', 'panel.js', 'preact.js', 'local-time.js']) delete b[f];
    expect(loadedOnlyBy(b, [b['worker.js'] as Rollup.OutputChunk]).sort()).toEqual([
      'storage.js',
      'time.js',
      'worker.js',
    ]);
  });
});
