import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifestSource from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { inlineStyles } from './tools/inline-styles.ts';
import { pagesInOneFile } from './tools/pages-in-one-file.ts';
import { workerInOneFile } from './tools/worker-one-file.ts';

// The version lives in package.json only (`npm version` bumps it); both manifests take it from there.
const manifest = { ...manifestSource, version: pkg.version };

type Target = 'chrome' | 'firefox';
const target: Target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

/**
 * Firefox reads the same manifest with three differences: MV3 background pages instead of a
 * service worker (CRXJS does not convert this itself), an add-on id, and the data-collection
 * declaration that addons.mozilla.org requires since Firefox 142.
 */
function firefoxManifest(): ManifestV3Export {
  const { background, minimum_chrome_version: _chromeOnly, ...rest } = manifest;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: 'cor-timer@cor-timer.dev',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}

/**
 * PRIVACY.md ships as the options page's privacy link (plain text shows in both browsers), so the
 * two can't differ. The byte-order mark makes browsers read it as UTF-8: extension files are
 * served as text/plain without a charset.
 */
const privacyPolicy: Plugin = {
  name: 'privacy-policy',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'privacy.txt', source: `\uFEFF${readFileSync('PRIVACY.md', 'utf8')}` });
  },
};

export default defineConfig({
  plugins: [
    preact(),
    privacyPolicy,
    crx({ manifest: target === 'firefox' ? firefoxManifest() : manifest, browser: target }),
    // Chunking (issue 14): the service worker loads one file, built on its own.
    workerInOneFile(manifest.background.service_worker),
    // The same for the pages: each loads one file, its rarely shown panels one each on demand.
    pagesInOneFile([manifest.action.default_popup, manifest.options_ui.page]),
    // The pages' stylesheets in their HTML, so the popup's shell paints before its scripts run.
    inlineStyles(),
  ],
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: 'es2022',
    // Readable stack traces in the shipped build cost little; no source maps keep dist small.
    minify: true,
    sourcemap: false,
    // Chrome 66+ and Firefox 115+ preload modules themselves: vite's polyfill for older browsers would
    // only add a script to every page (docs/PERFORMANCE.md).
    modulePreload: { polyfill: false },
  },
  server: { cors: false },
});
