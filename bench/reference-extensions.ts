/**
 * The floors COR Timer is measured against, generated and built fresh on every bench run so
 * they use the same toolchain versions as the build under test:
 *   - empty: a static-HTML popup with one button and no script; a worker that only answers a message
 *   - preact: the same popup rendered by Preact, built with vite + @crxjs/vite-plugin +
 *     @preact/preset-vite exactly as COR Timer is (minified, es2022)
 *   - stored: the Preact popup drawing its button only once `storage.local` has answered, as any
 *     popup must whose control depends on stored state (Start or Stop): the floor of the main
 *     control of a popup that shows a timer's state
 *   - doors: the empty popup, and a worker that answers a message and adds, and does nothing else,
 *     the listeners COR Timer's worker must add in its first turn to be woken by its doors (the
 *     events of background/index.ts and the platform/ modules it calls), with COR Timer's
 *     permissions and commands: what any worker with those doors pays before its own code
 * Their workers answer every message at once, so "woken by a message → answer" measures the
 * browser's own cost of starting a worker.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import corTimer from '../manifest.json' with { type: 'json' };

// Under node_modules so the generated Preact source resolves `preact` like the project does.
const ROOT = resolve(import.meta.dirname, '../node_modules/.cache/cor-timer-bench');

export interface References {
  readonly empty: string;
  readonly preact: string;
  readonly stored: string;
  readonly doors: string;
}

const manifest = (name: string, popup: string, worker: string, permissions: string[] = []): ManifestV3Export => ({
  manifest_version: 3,
  name,
  version: '1.0.0',
  action: { default_popup: popup },
  background: { service_worker: worker, type: 'module' },
  permissions,
});

const WORKER = `chrome.runtime.onMessage.addListener((message, sender, reply) => { reply({ ok: false }); });\n`;

/** COR Timer's wake-up listeners, each doing nothing (keep in step with background/index.ts). */
const DOORS_WORKER =
  WORKER +
  [
    'runtime.onInstalled',
    'runtime.onStartup',
    'alarms.onAlarm',
    'storage.onChanged',
    'storage.onChanged',
    'idle.onStateChanged',
    'notifications.onClicked',
    'notifications.onButtonClicked',
    'contextMenus.onClicked',
    'commands.onCommand',
    'action.onClicked',
  ]
    .map((event) => `chrome.${event}.addListener(() => {});\n`)
    .join('') +
  `addEventListener('online', () => {});\n`;

/** The empty reference's manifest with COR Timer's permissions and commands (described without messages). */
const doorsManifest = () => ({
  manifest_version: 3,
  name: 'Doors reference',
  version: '1.0.0',
  action: { default_popup: 'popup.html' },
  background: { service_worker: 'worker.js', type: 'module' },
  permissions: corTimer.permissions,
  commands: Object.fromEntries(
    Object.entries(corTimer.commands).map(([name, command]) => [name, { ...command, description: name }]),
  ),
});

const popupHtml = (body: string) =>
  `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8" /><title>Reference</title></head>\n<body>${body}</body>\n</html>\n`;

export async function buildReferences(): Promise<References> {
  await rm(ROOT, { recursive: true, force: true });
  const empty = join(ROOT, 'empty');
  await mkdir(empty, { recursive: true });
  await writeFile(join(empty, 'manifest.json'), JSON.stringify(manifest('Empty reference', 'popup.html', 'worker.js')));
  await writeFile(join(empty, 'popup.html'), popupHtml('<button type="button">Start timer</button>'));
  await writeFile(join(empty, 'worker.js'), WORKER);

  const doors = join(ROOT, 'doors');
  await mkdir(doors, { recursive: true });
  await writeFile(join(doors, 'manifest.json'), JSON.stringify(doorsManifest()));
  await writeFile(join(doors, 'popup.html'), popupHtml('<button type="button">Start timer</button>'));
  await writeFile(join(doors, 'worker.js'), DOORS_WORKER);

  const preactDist = await buildPreact(
    'preact',
    `render(<button type="button">Start timer</button>, document.getElementById('app')!);\n`,
  );
  const stored = await buildPreact(
    'stored',
    `chrome.storage.local.get(null).then((stored) => {\n` +
      `  render(<button type="button">{stored.running ? 'Stop timer' : 'Start timer'}</button>, document.getElementById('app')!);\n` +
      `});\n`,
    ['storage'],
  );
  return { empty, preact: preactDist, stored, doors };
}

/** A one-button Preact popup whose main.tsx runs `draw` (with `render` imported), built as COR Timer is. */
async function buildPreact(name: string, draw: string, permissions: string[] = []): Promise<string> {
  const source = join(ROOT, `${name}-src`);
  const dist = join(ROOT, name);
  await mkdir(source, { recursive: true });
  await writeFile(
    join(source, 'popup.html'),
    popupHtml('<div id="app"></div><script type="module" src="./main.tsx"></script>'),
  );
  await writeFile(join(source, 'main.tsx'), `import { render } from 'preact';\n${draw}`);
  await writeFile(join(source, 'worker.ts'), WORKER);
  await build({
    root: source,
    configFile: false,
    logLevel: 'warn',
    plugins: [preact(), crx({ manifest: manifest(`Reference ${name}`, 'popup.html', 'worker.ts', permissions) })],
    build: { outDir: dist, emptyOutDir: true, target: 'es2022', minify: true, sourcemap: false },
  });
  return dist;
}
