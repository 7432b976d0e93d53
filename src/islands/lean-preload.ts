/**
 * A Vite plugin for the browser scripts' lazy imports. Vite wraps every `import()` in its preload
 * helper (~0.9 KB gzip) so that a lazily loaded chunk's own imports are fetched at once; every page
 * would pay for it on load, although the islands it loads are small and only load near the viewport.
 * With `build.modulePreload: false` (which the plugin sets) Vite lists only CSS to preload, and our island scripts import no
 * CSS (the components do), so the helper has nothing to do: this plugin replaces it with a plain call,
 * and fails the build, naming the chunk, if a lazy import ever does list a file to preload.
 */
import type { Plugin } from 'vite';

/** Vite's id for its preload helper module (vite/src/node/plugins/importAnalysisBuild.ts). */
const HELPER_ID = '\0vite/preload-helper.js';

/** The helper Vite's lazy imports call, `__vitePreload(load, deps)`, reduced to `load()`. */
const LEAN_HELPER = 'export const __vitePreload = (load) => load();';

/** The plugin; it also turns off `build.modulePreload` for the browser's bundle. Build only. */
export function leanPreload(): Plugin {
  return {
    name: 'hello-tcp:lean-preload',
    apply: 'build',
    enforce: 'pre',
    // Astro sets `modulePreload: { polyfill: false }` over the user's Vite config, so ask here.
    configEnvironment(name, config) {
      if (name === 'client') (config.build ??= {}).modulePreload = false;
    },
    load: {
      filter: { id: /^\0vite\/preload-helper\.js$/ },
      handler(id) {
        return id === HELPER_ID ? LEAN_HELPER : null;
      },
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.code.includes('__vite__mapDeps'))
          this.error(`${chunk.fileName}: a lazy import lists files to preload, which the lean preload helper ignores`);
      }
    },
  };
}
