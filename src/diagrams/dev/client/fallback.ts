/**
 * Dev only: draws the <hello-mermaid> placeholders that `astro dev` writes for diagrams it could
 * not render (no Chromium and not in diagram-cache/; see ../placeholder.ts). Mermaid comes from
 * node_modules through the dev server, never from a CDN, and only once a placeholder nears the
 * viewport. A release build never references this file, so no lesson page ships it.
 */
import { MERMAID_CONFIG, pageSvg } from '../../svg-theme';

type Mermaid = (typeof import('mermaid'))['default'];

let mermaid: Promise<Mermaid> | undefined;
// Mermaid keeps per-render state in the page, so renders run one at a time.
let queue: Promise<unknown> = Promise.resolve();

function loadMermaid(): Promise<Mermaid> {
  mermaid ??= import('mermaid').then(({ default: m }) => {
    m.initialize({ ...MERMAID_CONFIG });
    return m;
  });
  return mermaid;
}

class HelloMermaid extends HTMLElement {
  private observer: IntersectionObserver | undefined;

  connectedCallback(): void {
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.observer?.disconnect();
        void this.draw();
      },
      { rootMargin: '200px' },
    );
    this.observer.observe(this);
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
  }

  private async draw(): Promise<void> {
    const source = this.querySelector('pre')?.textContent ?? '';
    const id = this.dataset.id ?? 'mmd-fallback';
    this.setAttribute('aria-busy', 'true');
    this.dataset.state = 'loading';
    const status = document.createElement('p');
    status.className = 'diagram-status';
    status.textContent = this.dataset.loading ?? '';
    this.prepend(status);
    try {
      const m = await loadMermaid();
      const render = queue.then(() => m.render(id, source));
      queue = render.catch(() => undefined);
      const { svg } = await render;
      // The same theming and ids as a build-time SVG, in the same place (straight inside
      // .diagram-scroll), so the page looks the same either way.
      const template = document.createElement('template');
      template.innerHTML = pageSvg(svg, id);
      this.replaceWith(template.content);
    } catch (error) {
      // A failed render leaves Mermaid's scratch element behind.
      document.getElementById(`d${id}`)?.remove();
      const message = error instanceof Error ? error.message : String(error);
      status.textContent = (this.dataset.failed ?? '{message}').replace('{message}', message);
      this.dataset.state = 'failed';
      this.removeAttribute('aria-busy');
    }
  }
}

if (!customElements.get('hello-mermaid')) customElements.define('hello-mermaid', HelloMermaid);
