/**
 * webextension-polyfill as an ES module in the worker's build (issue 14, docs/PERFORMANCE.md).
 *
 * The polyfill ships only as UMD, so the bundler imports it as CommonJS, and its interop for a
 * default import of a CommonJS module (`__toESM`) copies every own property of the exports onto a
 * namespace object, asking each for its descriptor. Where the browser has a native `browser`
 * (Firefox; Chrome since it added the namespace) the polyfill's export is that object, whose API
 * namespaces the browser builds lazily, on first touch: the copy built all sixteen of them —
 * identity, permissions, management, windows… — at every worker start, with the browser's own
 * script for those that have one. Measured: 1.2 ms of a 23 ms wake and 0.02 MB of idle heap.
 *
 * The UMD takes its CommonJS branch when `exports` is defined: giving it a local `module` and
 * `exports` and exporting `module.exports` as default makes it an ES module, which the bundler
 * imports without interop. The build fails if the polyfill is imported but was not rewritten
 * (a new version with another layout).
 */
import type { Plugin } from 'vite';

const POLYFILL = /[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill\.js$/;
/** The UMD's own test for CommonJS; if a release changes it, the wrapper below would not apply. */
const UMD_COMMONJS_BRANCH = 'typeof exports !== "undefined"';

export function polyfillAsModule(): Plugin {
  let rewritten = false;
  return {
    name: 'cor-timer:polyfill-as-module',
    transform(code, id) {
      if (!POLYFILL.test(id)) return null;
      if (!code.includes(UMD_COMMONJS_BRANCH)) this.error(`${id} is no longer the UMD this plugin wraps`);
      rewritten = true;
      return {
        code: `const module = { exports: {} };\nconst exports = module.exports;\n${code}\nexport default module.exports;\n`,
        map: null,
      };
    },
    generateBundle(_options, bundle) {
      const imported = Object.values(bundle).some(
        (file) => file.type === 'chunk' && Object.keys(file.modules).some((id) => POLYFILL.test(id)),
      );
      if (imported && !rewritten) this.error('webextension-polyfill was bundled without being made an ES module');
    },
  };
}
