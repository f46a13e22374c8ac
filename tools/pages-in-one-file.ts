/**
 * Each page's scripts in one file (issue 14, docs/PERFORMANCE.md, "the sixth pass"). In the shared
 * build a page loads its entry chunk and the chunks it shares with the other pages and the worker:
 * the popup five files. An extension page's files come through the browser one request at a time
 * while it is busy opening the page, and a module runs only once its whole graph is in, so each
 * file more holds the page's first script back: measured, the popup's modules ran 12–14 ms sooner
 * from one file than from five, and its main control painted a frame sooner.
 *
 * So each page's entry is built again on its own, as `tools/worker-one-file.ts` does for the
 * worker: one entry, so one file for everything it imports statically, and a file for each
 * `import()` (the popup's rarely shown panels), which takes what it shares from that one file.
 * The page's HTML then loads that file alone; the chunks nothing loads any more are dropped. The
 * pages' CSS is left to `tools/inline-styles.ts` (it is inlined from the shared build's HTML), so
 * the rebuild leaves stylesheets out. The build fails if a page's rebuilt entry still imports
 * another file, or if its HTML loads anything else.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Plugin, Rollup } from 'vite';
import preact from '@preact/preset-vite';
import { buildOnItsOwn, loadedOnlyBy } from './rebuild-entry.ts';

const ENTRY_SCRIPT = /<script type="module"[^>]*\bsrc="([^"]+)"[^>]*><\/script>/;
const MODULE_PRELOAD = /\s*<link rel="modulepreload"[^>]*>/g;
const NO_CSS = '\0cor-timer:no-css';
const PRELOAD_HELPER = '\0vite/preload-helper.js';

/** Stylesheets imported by a page's scripts resolve to nothing in the rebuild (they are inlined in the HTML). */
const withoutStyles: Plugin = {
  name: 'cor-timer:without-styles',
  enforce: 'pre',
  resolveId: (id) => (id.endsWith('.css') ? NO_CSS : null),
  load: (id) => (id === NO_CSS ? 'export {};' : null),
};

/**
 * Vite wraps each `import()` in a helper that first preloads the chunk's dependencies and
 * stylesheets (0.6 KB gzip). With module preloads off and no stylesheets here, every list it is
 * given is empty (the build checks), so all it would do is the import itself.
 */
const plainImports: Plugin = {
  name: 'cor-timer:plain-imports',
  enforce: 'pre',
  load: (id) => (id === PRELOAD_HELPER ? 'export const __vitePreload = (load) => load();' : null),
};

/** `pages`: the HTML files (paths from the project's root) whose scripts load as one file. */
export function pagesInOneFile(pages: readonly string[]): Plugin {
  return {
    name: 'cor-timer:pages-in-one-file',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_, bundle) {
      const chunks = Object.values(bundle).filter((f): f is Rollup.OutputChunk => f.type === 'chunk');
      const replaced: Rollup.OutputChunk[] = [];
      for (const page of pages) {
        const html = bundle[page];
        if (html?.type !== 'asset') this.error(`${page} is not in the build`);
        const entry = chunks.find((c) => c.isEntry && c.facadeModuleId?.endsWith(page));
        if (entry === undefined) this.error(`no chunk for ${page}`);
        const script = ENTRY_SCRIPT.exec(readFileSync(page, 'utf8'))?.[1];
        if (script === undefined) this.error(`${page} has no module script`);
        const name = basename(dirname(page));
        const built = await buildOnItsOwn(join(dirname(page), script), [withoutStyles, plainImports, preact()], {
          entryFileNames: `assets/${name}-[hash].js`,
          chunkFileNames: `assets/${name}-[name]-[hash].js`,
          // Everything the page loads at once in its own file; its panels import from it.
          codeSplitting: { groups: [{ name, tags: ['$initial'] }] },
        });
        const code = built.output.filter((f) => f.type === 'chunk');
        const main = code.find((c) => c.isEntry);
        if (main === undefined || main.imports.length > 0 || built.output.length !== code.length)
          this.error(`${page}'s scripts built to ${built.output.map((f) => f.fileName).join(', ')}, not one file`);
        for (const chunk of code) {
          if (chunk.code.includes('__vite__mapDeps')) this.error(`${chunk.fileName} preloads files: see plainImports`);
          if (chunk.fileName in bundle) this.error(`${chunk.fileName} is already in the build`);
          this.emitFile({ type: 'asset', fileName: chunk.fileName, source: chunk.code });
        }
        const source = typeof html.source === 'string' ? html.source : new TextDecoder().decode(html.source);
        const rewritten = source
          .replace(MODULE_PRELOAD, '')
          .replace(ENTRY_SCRIPT, (tag, src: string) =>
            src === `/${entry.fileName}` ? tag.replace(src, `/${main.fileName}`) : tag,
          );
        if (!rewritten.includes(`src="/${main.fileName}"`) || rewritten.match(/<script\b/g)?.length !== 1)
          this.error(`${page} would load more than ${main.fileName}`);
        html.source = rewritten;
        replaced.push(entry);
      }
      // What the rebuilt pages loaded, unless another entry (the worker) still does.
      for (const file of loadedOnlyBy(bundle, replaced)) delete bundle[file];
    },
  };
}
