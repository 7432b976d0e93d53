/**
 * A Vite plugin that bundles the lazily loaded island code of the browser build into one chunk per feature
 * (the step-through diagrams with projector mode, the quizzes), instead of the many small chunks the bundler
 * splits by shared module: each chunk is a request, and issue 15 allows a lesson page twelve in all. Only
 * modules that no page script imports statically are grouped, so the code a page runs on load stays in its
 * one entry (src/islands/page.ts) and a lazy chunk never drags it along or the other way round.
 */
import type { Plugin } from 'vite';

/** Lazy island code by feature folder, matched on the module id; the first that matches names the chunk. */
export const ISLAND_CHUNKS: { name: string; test: RegExp }[] = [
  // The TCP model in the browser (~7 KB gzip) and the quiz's bridge to it: the simulator needs it, and a number
  // question once the reader checks an answer (its island, in the quiz chunk, imports the bridge then), so
  // a lesson without the simulator loads it only when one is checked.
  { name: 'model', test: /[\\/]src[\\/](tcp[\\/]|simulator[\\/]run\.ts|quiz[\\/]model\.ts)/ },
  { name: 'stepper', test: /[\\/]src[\\/](diagrams[\\/]stepper|projector)[\\/]/ },
  { name: 'quiz', test: /[\\/]src[\\/]quiz[\\/]/ },
];

/** The plugin. Build only, browser bundle only. */
export function islandChunks(): Plugin {
  // Modules some entry imports statically, filled once the module graph is complete (buildEnd).
  const onLoad = new Set<string>();
  const lazyIn = (name: string) => (id: string) =>
    !onLoad.has(id) && ISLAND_CHUNKS.find((c) => c.test.test(id))?.name === name;
  return {
    name: 'hello-tcp:island-chunks',
    apply: 'build',
    applyToEnvironment: (env) => env.name === 'client',
    configEnvironment(name, config) {
      if (name !== 'client') return;
      const rolldown = ((config.build ??= {}).rolldownOptions ??= {});
      // Which the bundler requires when groups leave out their modules' imports; the entries are page
      // scripts, so exporting what the lazy chunks import from them costs nothing.
      rolldown.preserveEntrySignatures = 'allow-extension';
      const output = (rolldown.output ??= {});
      if (Array.isArray(output)) throw new Error('island-chunks: one output expected for the browser bundle');
      // Not the captured modules' own imports too: those the entry already holds must stay in it.
      output.codeSplitting = {
        groups: ISLAND_CHUNKS.map(({ name }) => ({ name, test: lazyIn(name), includeDependenciesRecursively: false })),
      };
    },
    buildEnd() {
      const visit = (id: string) => {
        if (onLoad.has(id)) return;
        onLoad.add(id);
        for (const next of this.getModuleInfo(id)?.importedIds ?? []) visit(next);
      };
      for (const id of this.getModuleIds()) if (this.getModuleInfo(id)?.isEntry) visit(id);
    },
  };
}
