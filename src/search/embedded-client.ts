import { searchEmbedded, type EmbeddedHit, type EmbeddedIndex } from './embedded';

declare global {
  interface Window {
    /** Set by the classroom copy's index script (`_classroom/search.<lang>.js`) when it runs. */
    __helloSearchIndex?: EmbeddedIndex;
  }
}

/** The search backend over the embedded index, in the shape of the part of Pagefind the box uses. */
export interface EmbeddedBackend {
  search(query: string, max: number): { count: number; hits: EmbeddedHit[] };
}

/**
 * Loads the classroom copy's index, a classic script (a page opened from disk may run scripts but fetch
 * nothing), and returns a backend whose hits link relative to `base`, the site root as seen from this page
 * (`../../`). Touches the DOM.
 */
export function loadEmbedded(src: string, base: string): Promise<EmbeddedBackend> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => {
      const index = window.__helloSearchIndex;
      if (!index) return reject(new Error(`${src} set no index`));
      resolve({
        search(query, max) {
          const found = searchEmbedded(index, query, max);
          return { count: found.count, hits: found.hits.map((hit) => ({ ...hit, url: base + hit.url })) };
        },
      });
    };
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}
