/**
 * The attributes that give an element projector mode: `data-projector` and its two button labels in
 * the page's language, so the browser script needs no dictionary. Put them on any figure or island
 * root and load `./loader` (ProjectorScript.astro does); an element may hold a `data-projector-slot`
 * where the button goes (else it goes first). Pure.
 */
import { t, type Lang } from '../i18n';
import { escapeHtml } from '../diagrams/figure';

/** ` data-projector data-projector-enter="…" data-projector-exit="…"`, escaped, with a leading space. Pure. */
export function projectorAttrs(lang: Lang): string {
  return (
    ` data-projector data-projector-enter="${escapeHtml(t(lang, 'projector.enter'))}"` +
    ` data-projector-exit="${escapeHtml(t(lang, 'projector.exit'))}"`
  );
}
