/**
 * A Vite plugin that bundles an island's translated labels with its code, one module per language, instead
 * of writing them into the page: `import labelsIn from 'virtual:labels/sim.,quiz.side.'` gives
 * `{ zh: () => import(…), en: () => import(…) }`, and `(await labelsIn.zh()).default` is the labels of the
 * selectors (`labelsFor`'s, comma-separated) in Chinese, so a Chinese page never downloads the English words.
 * For an island whose labels only its code reads (the simulator); an island shown with its words before its
 * code arrives keeps them in the HTML (IslandLabels.astro). Build-time: it holds every language's strings,
 * and each generated module holds one language's selection.
 */
import type { Plugin } from 'vite';
import { LANGS } from './index';
import { labelsFor, type LabelSelector } from './labels';

/** What an island imports: the prefix, then its selectors joined by commas. */
export const LABELS_PREFIX = 'virtual:labels/';

/**
 * The source of the module `id` names, or undefined if it names none: `virtual:labels/<selectors>` (the
 * loaders) or `virtual:labels/<selectors>/labels-<lang>` (one language's labels, bundled as a chunk named
 * after that last part: labels-zh.<hash>.js). Pure.
 */
export function labelsModule(id: string): string | undefined {
  if (!id.startsWith(LABELS_PREFIX)) return undefined;
  const [selectors, file] = id.slice(LABELS_PREFIX.length).split('/') as [string, string?];
  if (file !== undefined) {
    const lang = LANGS.find((l) => file === `labels-${l}`);
    if (!lang) throw new Error(`bundled-labels: "${id}" names no language (${LANGS.join(', ')})`);
    return `export default ${labelsFor(lang, ...(selectors.split(',') as LabelSelector[]))};`;
  }
  // One loader per language; each import() is its own chunk, fetched only by a page in that language.
  const loaders = LANGS.map((l) => `${l}: () => import(${JSON.stringify(`${LABELS_PREFIX}${selectors}/labels-${l}`)})`);
  return `export default { ${loaders.join(', ')} };`;
}

/** The plugin (build and dev). */
export function bundledLabels(): Plugin {
  return {
    name: 'hello-tcp:bundled-labels',
    resolveId: {
      filter: { id: /^virtual:labels\// },
      handler: (id) => `\0${id}`,
    },
    load: {
      filter: { id: /^\0virtual:labels\// },
      handler: (id) => labelsModule(id.slice(1)),
    },
  };
}
