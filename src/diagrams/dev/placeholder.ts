import { fileURLToPath } from 'node:url';
import { t, type Lang } from '../../i18n';
import { escapeHtml } from '../figure';

/** The dev-only script that draws placeholders in the reader's browser, as a path on disk. */
export const FALLBACK_SCRIPT = fileURLToPath(new URL('./client/fallback.ts', import.meta.url));

/** The custom element the fallback script defines. */
export const PLACEHOLDER_TAG = 'hello-mermaid';

/**
 * The URL a dev server serves the script at `file` (absolute) at: Vite's /@fs/ prefix under the
 * site's base, then the path. Pure.
 */
export function fallbackScriptUrl(base: string, file: string = FALLBACK_SCRIPT): string {
  const path = file.replace(/\\/g, '/');
  return `${base.replace(/\/?$/, '/')}@fs${path.startsWith('/') ? '' : '/'}${path}`;
}

/**
 * The dev-only stand-in for a diagram no browser could render at build time: the Mermaid source
 * (escaped) in a <hello-mermaid> element, and the module script that draws it with the locally
 * installed Mermaid once it scrolls into view. A release build never emits this. Pure.
 *
 *   <hello-mermaid data-id="mmd-…" data-loading="Drawing the diagram…" data-failed="…{message}">
 *     <pre class="diagram-source">sequenceDiagram …</pre></hello-mermaid>
 *   <script type="module" src="/@fs/…/src/diagrams/dev/client/fallback.ts"></script>
 */
export function placeholderHtml(source: string, id: string, lang: Lang, scriptUrl: string): string {
  return (
    `<${PLACEHOLDER_TAG} data-id="${escapeHtml(id)}" data-loading="${escapeHtml(t(lang, 'diagram.loading'))}" data-failed="${escapeHtml(t(lang, 'diagram.failed', { message: '{message}' }))}">` +
    `<pre class="diagram-source">${escapeHtml(source)}</pre></${PLACEHOLDER_TAG}>` +
    `<script type="module" src="${escapeHtml(scriptUrl)}"></script>`
  );
}
