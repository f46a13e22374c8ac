/**
 * For the plugins that build an entry of the extension again on its own (tools/worker-one-file.ts,
 * tools/pages-in-one-file.ts): the build, as the project's, and which chunks of the shared build
 * nothing loads afterwards.
 */
import { build, type PluginOption, type Rollup } from 'vite';

/** `input` built alone, in memory, minified for the project's browsers, without module preloads. */
export async function buildOnItsOwn(
  input: string,
  plugins: PluginOption[],
  output?: Rollup.OutputOptions,
): Promise<Rollup.RolldownOutput> {
  return (await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    plugins,
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      modulePreload: false,
      rollupOptions: { input, output },
    },
  })) as Rollup.RolldownOutput;
}

/** Every chunk `from` loads, statically or with `import()`, themselves included. */
function reach(bundle: Rollup.OutputBundle, from: readonly Rollup.OutputChunk[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const chunk = bundle[file];
    if (seen.has(file) || chunk?.type !== 'chunk') return;
    seen.add(file);
    [...chunk.imports, ...chunk.dynamicImports].forEach(visit);
  };
  from.forEach((c) => visit(c.fileName));
  return seen;
}

/** The chunks that, once the entries `dropped` are no longer loaded, nothing loads. */
export function loadedOnlyBy(bundle: Rollup.OutputBundle, dropped: readonly Rollup.OutputChunk[]): string[] {
  const entries = Object.values(bundle).filter((f): f is Rollup.OutputChunk => f.type === 'chunk' && f.isEntry);
  const others = entries.filter((c) => !dropped.includes(c));
  const kept = reach(bundle, others);
  return [...reach(bundle, dropped)].filter((file) => !kept.has(file));
}
