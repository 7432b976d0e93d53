import { fill, readLabels, type Labels } from '~/i18n/fill';
import { excerptParts } from './excerpt';

/** The part of Pagefind's JS API (pagefind.js) this element uses. */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(query: string, options?: object, ms?: number): Promise<{ results: PagefindHit[] } | null>;
}
interface PagefindHit {
  data(): Promise<Hit>;
}
/** A result as the panel shows it: Pagefind's `data()`, which the embedded index imitates. */
interface Hit {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
/** Searches the loaded index: how many pages match and the first MAX_RESULTS; null when superseded. */
type Find = (query: string) => Promise<{ count: number; hits: Hit[] } | null>;

/** How many results the panel lists; the lessons are few, so more would only be noise. */
const MAX_RESULTS = 8;

/**
 * <hello-search>: the header search box. Loads Pagefind lazily (or the classroom copy's embedded index),
 * searches the index of the page's language (Pagefind picks it from <html lang>), lists results as links and
 * announces their count.
 * Keys: ↓/↑ move between the box and the results, Esc closes the list ("/" is ./loader.ts's).
 */
class HelloSearch extends HTMLElement {
  #find: Promise<Find> | undefined;
  #labels!: Labels;
  #input!: HTMLInputElement;
  #panel!: HTMLElement;
  #status!: HTMLElement;
  #list!: HTMLOListElement;
  #live!: HTMLElement;
  #latest = '';
  /** The query whose results the list holds. */
  #listed = '';

  connectedCallback() {
    if (this.#input) return; // Moved in the DOM: already wired.
    this.#labels = readLabels(this);
    this.#input = this.querySelector<HTMLInputElement>('[data-search-input]')!;
    this.#panel = this.querySelector<HTMLElement>('[data-search-panel]')!;
    this.#status = this.querySelector<HTMLElement>('[data-search-status]')!;
    this.#list = this.querySelector<HTMLOListElement>('[data-search-results]')!;
    this.#live = this.querySelector<HTMLElement>('[data-search-live]')!;

    this.#input.addEventListener('focus', () => void this.#load().catch(() => undefined));
    this.#input.addEventListener('input', () => void this.#search(this.#input.value));
    // Enter in the box, or the magnifier button: open the top result.
    this.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#submit();
    });
    this.addEventListener('keydown', (event) => this.#onKey(event));
    this.addEventListener('focusout', (event) => {
      if (!this.contains(event.relatedTarget as Node | null)) this.#close();
    });
    document.addEventListener('pointerdown', (event) => {
      if (!this.contains(event.target as Node)) this.#close();
    });
    // This code loads when the reader reaches for the box (./loader.ts): catch up with what happened meanwhile.
    if (document.activeElement === this.#input) void this.#load().catch(() => undefined);
    if (this.#input.value.trim()) void this.#search(this.#input.value);
  }

  /**
   * Loads the search once: Pagefind's pagefind.js (it computes the rest of its bundle's location from its
   * own URL), or, in the classroom copy opened from disk, the index embedded as a script (`data-index`).
   */
  #load(): Promise<Find> {
    this.#find ??= this.dataset.index ? this.#loadEmbedded(this.dataset.index) : this.#loadPagefind();
    this.#find.catch(() => (this.#find = undefined)); // Let a later focus try again.
    return this.#find;
  }

  async #loadPagefind(): Promise<Find> {
    if (location.protocol === 'file:') throw new Error('file: pages cannot fetch the index');
    const pagefind = (await import(/* @vite-ignore */ this.dataset.bundle!)) as Pagefind;
    // Result URLs are stored relative to the site root; the base puts them under e.g. /tcp/.
    await pagefind.options({ baseUrl: this.dataset.base, excerptLength: 24 });
    await pagefind.init();
    return async (query) => {
      const found = await pagefind.debouncedSearch(query, {}, 150);
      if (found === null) return null;
      return {
        count: found.results.length,
        hits: await Promise.all(found.results.slice(0, MAX_RESULTS).map((hit) => hit.data())),
      };
    };
  }

  async #loadEmbedded(src: string): Promise<Find> {
    const { loadEmbedded } = await import('./embedded-client');
    const backend = await loadEmbedded(src, this.dataset.base ?? '');
    return async (query) => backend.search(query, MAX_RESULTS);
  }

  async #search(raw: string) {
    const query = raw.trim();
    this.#latest = query;
    if (!query) {
      this.#close();
      this.#live.textContent = '';
      return;
    }
    this.#open();
    let find: Find;
    try {
      if (!this.#find) this.#say(this.#labels['search.loading'], false);
      find = await this.#load();
    } catch {
      this.#show(
        [],
        location.protocol === 'file:' ? this.#labels['search.needsServer'] : this.#labels['search.failed'],
      );
      return;
    }
    const found = await find(query);
    if (found === null || query !== this.#latest) return; // A newer query superseded this one.
    const { count, hits } = found;
    this.#listed = query;
    const template =
      count === 0
        ? this.#labels['search.none']
        : count === 1
          ? this.#labels['search.oneResult']
          : this.#labels['search.results'];
    this.#show(hits, fill(template, { query, count }));
  }

  #show(hits: Hit[], message: string) {
    const items = hits.map((hit) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = hit.url;
      const title = document.createElement('span');
      title.className = 'search-result-title';
      title.textContent = hit.meta.title ?? hit.url;
      const excerpt = document.createElement('span');
      excerpt.className = 'search-result-excerpt';
      for (const part of excerptParts(hit.excerpt)) {
        if (!part.marked) excerpt.append(part.text);
        else excerpt.append(Object.assign(document.createElement('mark'), { textContent: part.text }));
      }
      link.append(title, excerpt);
      item.append(link);
      return item;
    });
    this.#list.replaceChildren(...items);
    this.#list.hidden = items.length === 0;
    this.#say(message, true);
  }

  /**
   * Opens the top result for the query in the box, searching first when the list is for another
   * query (Enter pressed before the results came). An empty box just takes the focus.
   */
  async #submit() {
    const query = this.#input.value.trim();
    if (!query) {
      this.#input.focus();
      return;
    }
    if (query !== this.#listed) await this.#search(query);
    if (query === this.#listed && query === this.#input.value.trim()) this.#list.querySelector('a')?.click();
  }

  /** Shows a message in the panel; `announce` also hands it to the live region for screen readers. */
  #say(message: string, announce: boolean) {
    this.#status.textContent = message;
    if (announce) this.#live.textContent = message;
  }

  #onKey(event: KeyboardEvent) {
    const links = [...this.#list.querySelectorAll('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape') {
      if (this.#panel.hidden) this.#input.value = '';
      this.#close();
      this.#input.focus();
    } else if (event.key === 'ArrowDown' && links.length > 0) {
      event.preventDefault();
      this.#open();
      links[Math.min(at + 1, links.length - 1)]!.focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      (at === 0 ? this.#input : links[at - 1]!).focus();
    }
  }

  #open() {
    this.#panel.hidden = false;
  }

  #close() {
    this.#panel.hidden = true;
  }
}

/** Registers <hello-search> once; safe to call from every page's script. Touches the DOM. */
export function defineSearch(): void {
  if (!customElements.get('hello-search')) customElements.define('hello-search', HelloSearch);
}
