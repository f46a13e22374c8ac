import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build, type Plugin, type Rollup } from 'vite';
import { polyfillAsModule } from './polyfill-as-module.ts';

/** The worker's entry in miniature: the polyfill as the worker imports it (platform/worker-browser.ts). */
async function bundle(plugins: Plugin[]): Promise<string> {
  // Inside the project, so that the import resolves to its node_modules.
  const root = resolve(import.meta.dirname, '..');
  const cache = join(root, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'polyfill-as-module-'));
  const entry = join(dir, 'entry.js');
  writeFileSync(entry, `import polyfill from 'webextension-polyfill';\nexport const api = () => polyfill;\n`);
  try {
    const built = (await build({
      configFile: false,
      logLevel: 'silent',
      root,
      plugins,
      build: { write: false, minify: false, rollupOptions: { input: entry, preserveEntrySignatures: 'strict' } },
    })) as Rollup.RolldownOutput;
    const [chunk] = built.output.filter((f) => f.type === 'chunk');
    return chunk!.code;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A native `browser` whose API namespaces are built on first touch, as Chrome's and Firefox's are:
 * reading one, or asking for its descriptor (a lazy data property has its value only once built),
 * builds it. `touched` lists what was built.
 */
function lazyBrowser(): { browser: object; touched: string[] } {
  const touched: string[] = [];
  const names = ['runtime', 'storage', 'identity', 'permissions', 'management', 'windows'];
  const namespaces: Record<string, object> = Object.fromEntries(
    names.map((n) => [n, n === 'runtime' ? { id: 'x' } : {}]),
  );
  const browser = new Proxy(namespaces, {
    get(target, name) {
      if (typeof name === 'string' && names.includes(name)) touched.push(name);
      return Reflect.get(target, name) as unknown;
    },
    getOwnPropertyDescriptor(target, name) {
      if (typeof name === 'string' && names.includes(name)) touched.push(name);
      return Reflect.getOwnPropertyDescriptor(target, name);
    },
  });
  return { browser, touched };
}

const globals = globalThis as { browser?: object; chrome?: object };
afterEach(() => {
  delete globals.browser;
  delete globals.chrome;
});

async function run(code: string): Promise<string[]> {
  const { browser, touched } = lazyBrowser();
  globals.chrome = { runtime: { id: 'x' } };
  globals.browser = browser;
  const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { api: () => unknown };
  expect(module.api()).toBe(browser);
  return [...new Set(touched)];
}

describe('the polyfill in the worker build', () => {
  it('hands back the native browser without building the API namespaces the worker does not use', async () => {
    const touched = await run(await bundle([polyfillAsModule()]));
    // The polyfill's own check that it runs in an extension, nothing more.
    expect(touched).toEqual(['runtime']);
  });

  it('is needed: the bundler’s CommonJS interop builds every namespace to copy it', async () => {
    const touched = await run(await bundle([]));
    expect(touched).toEqual(expect.arrayContaining(['identity', 'permissions', 'management', 'windows']));
  });
});
