/**
 * The service worker as one file (issue 14, docs/PERFORMANCE.md): a waking worker loads its whole
 * module graph before it runs a line, and in the shared build that graph is 5 files, because the
 * worker's chunk imports chunks it shares with the pages. This builds the worker entry again on
 * its own (one entry, so one chunk, with nothing the pages load), puts that code in the file the
 * manifest names (CRXJS's `service-worker-loader.js`, which only imported the worker's chunk), and
 * drops the worker's chunks that no page imports. The pages' chunks are not touched. It rewrites
 * the written files (`writeBundle`): CRXJS emits the loader in a hook it moves after every plugin's.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin, Rollup } from 'vite';
import { buildOnItsOwn, loadedOnlyBy } from './rebuild-entry.ts';
import { polyfillAsModule } from './polyfill-as-module.ts';

const LOADER = 'service-worker-loader.js';

export function workerInOneFile(entry: string): Plugin {
  return {
    name: 'cor-timer:worker-in-one-file',
    apply: 'build',
    enforce: 'post',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? this.error('no output directory');
      const loader = bundle[LOADER];
      if (loader?.type !== 'asset') this.error(`${LOADER} not found: has CRXJS renamed it?`);
      const chunks = Object.values(bundle).filter((f): f is Rollup.OutputChunk => f.type === 'chunk');
      const worker = chunks.find((c) => c.isEntry && c.facadeModuleId?.endsWith(entry));
      if (worker === undefined) this.error(`no chunk for ${entry}`);
      const built = await buildOnItsOwn(entry, [polyfillAsModule()]);
      const [code, ...more] = built.output.filter((f) => f.type === 'chunk');
      if (code === undefined || more.length > 0)
        this.error(`the worker built to ${built.output.length} files, not one`);
      await writeFile(join(dir, LOADER), code.code);
      // The worker's chunk, and the chunks only it loaded, are now loaded by nobody.
      await Promise.all(loadedOnlyBy(bundle, [worker]).map((file) => rm(join(dir, file))));
    },
  };
}
