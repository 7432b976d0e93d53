/**
 * The attributes that give an element projector mode: `data-projector` and its two button labels in
 * the page's language, so the browser script needs no dictionary. Put them on any figure or island
 * root and load `./loader` (ProjectorScript.astro does), or call `projector(el)` from the island's own
 * script (the stepper and the simulator do); an element may hold a `data-projector-slot` where the
 * button goes (else it goes first). Pure.
 */
import { t, type Lang } from '../i18n';
import { escapeHtml } from '../diagrams/figure';

/** The same attributes as props, for an Astro component's root: `<phone-sim {...projectorProps(lang)}>`. Pure. */
export function projectorProps(lang: Lang): Record<string, string> {
  return {
    'data-projector': '',
    'data-projector-enter': t(lang, 'projector.enter'),
    'data-projector-exit': t(lang, 'projector.exit'),
  };
}

/** ` data-projector data-projector-enter="…" data-projector-exit="…"`, escaped, with a leading space. Pure. */
export function projectorAttrs(lang: Lang): string {
  return Object.entries(projectorProps(lang))
    .map(([name, value]) => (value ? ` ${name}="${escapeHtml(value)}"` : ` ${name}`))
    .join('');
}
