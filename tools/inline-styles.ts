/**
 * The pages' stylesheets inside their HTML (issue 14, docs/PERFORMANCE.md, "The popup, fourth
 * pass"). A stylesheet `<link>` holds the first paint until its file is in, and an extension page's
 * files come through the browser one request at a time beside the page's scripts: with its two
 * stylesheets linked, the popup's static shell did not paint before its scripts had run. Inlined,
 * the shell paints as soon as the HTML is parsed. Extension pages may carry inline styles (the
 * manifest's content security policy, the default in both browsers, restricts scripts only).
 *
 * The CSS files then go. Each page imports one stylesheet (which `@import`s the shared theme), so
 * the CSS belongs to the page's entry chunk alone: a CSS file that a shared chunk carried would be
 * listed by vite's helper for `import()`, which would fetch and add it again, after the inlined
 * one, when a lazy panel loads. The build fails if any chunk still names a CSS file, or if a CSS
 * file is left that no page inlined (a lazy module's own stylesheet).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { Plugin } from 'vite';

const STYLESHEET = /<link rel="stylesheet"[^>]*\bhref="([^"]+)"[^>]*>/g;

export function inlineStyles(): Plugin {
  return {
    name: 'cor-timer:inline-styles',
    apply: 'build',
    enforce: 'post',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? this.error('no output directory');
      const pages = Object.keys(bundle).filter((file) => file.endsWith('.html'));
      const inlined = new Set<string>();
      for (const page of pages) {
        const html = await readFile(join(dir, page), 'utf8');
        const hrefs = [...html.matchAll(STYLESHEET)].map((m) => m[1]!);
        const sheets = new Map<string, string>();
        for (const href of hrefs) {
          const file = href.startsWith('/') ? href.slice(1) : posix.join(posix.dirname(page), href);
          sheets.set(href, (await readFile(join(dir, file), 'utf8')).trim());
          inlined.add(file);
        }
        // A function replacement: CSS may hold `$&` and the like, which a string replacement would expand.
        await writeFile(
          join(dir, page),
          html.replace(STYLESHEET, (_, href: string) => `<style>${sheets.get(href)}</style>`),
        );
      }
      const css = Object.keys(bundle).filter((file) => file.endsWith('.css'));
      const orphans = css.filter((file) => !inlined.has(file));
      if (orphans.length > 0) this.error(`CSS that no page links, so none inlined: ${orphans.join(', ')}`);
      for (const chunk of Object.values(bundle)) {
        const named = chunk.type === 'chunk' ? css.filter((file) => chunk.code.includes(file)) : [];
        if (named.length > 0)
          this.error(`${chunk.fileName} would load ${named.join(', ')} again: import CSS from the page's entry only`);
      }
      await Promise.all(css.map((file) => rm(join(dir, file))));
    },
  };
}
