import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

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

export default defineConfig({
  plugins: [
    preact(),
    crx({ manifest: target === 'firefox' ? firefoxManifest() : manifest, browser: target }),
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
