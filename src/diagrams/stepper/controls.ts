/**
 * The markup the stepper adds to a page, written at build time in the page's language. Each scenario
 * diagram's figure gets the key to its marks (shown with or without JavaScript, since the marks style the
 * SVG either way) and its step data; the page gets the stepper's words once, as a `<template>` holding the
 * control bar, state table, phone line and live region, which the browser script (client/stepper.ts)
 * copies into each figure it makes step-through. Pure, except stepperWordsOnce, which remembers its pages.
 */
import { t, type Lang } from '../../i18n';
import { escapeHtml, type DiagramTable, type FigureExtra } from '../figure';
import { projectorProps } from '../../projector/attrs';
import { embedJson, sayTemplates, type StepperData } from './steps';
import { encodeStepper } from './wire';

const KINDS = ['call', 'segment', 'state', 'event'] as const;

/**
 * The figure additions for a scenario diagram with `data` and the table twin `table` (whose rows give the
 * steps' states and actions): the step data, then the key. Pure.
 */
export function stepperExtra(lang: Lang, data: StepperData, table: DiagramTable): FigureExtra {
  return { attrs: STEPPER_ATTRS, afterBody: stepperDataHtml(data, lang, table) + legendHtml(lang) };
}

/**
 * The key to the marks: one item per kind, its swatch drawn by stepper.css before the words.
 *
 *   <div class="diagram-legend"><span>Key:</span><ul><li data-k="call">socket call</li>…</ul></div>
 */
export function legendHtml(lang: Lang): string {
  const e = (key: Parameters<typeof t>[1]) => escapeHtml(t(lang, key));
  return (
    `<div class="diagram-legend"><span>${e('diagram.legend')}</span><ul>` +
    KINDS.map((k) => `<li data-k="${k}">${e(`diagram.legend.${k}`)}</li>`).join('') +
    `</ul></div>`
  );
}

/** The attribute that makes a figure step-through, with a leading space (the script adds projector mode). */
export const STEPPER_ATTRS = ' data-stepper';

/**
 * The step data of a figure, as the script element the browser reads: what `table` (the figure's table twin)
 * and the page's stepper words (stepperWords) already say is left out. Without `lang` and `table` (the
 * capture page fills in its own data later) it is empty. Pure.
 */
export function stepperDataHtml(data?: StepperData, lang?: Lang, table?: DiagramTable): string {
  const wire = data && encodeStepper(data, { templates: lang && sayTemplates(lang), twin: table?.rows });
  return `<script type="application/json" class="stepper-data">${wire ? embedJson(wire) : ''}</script>`;
}

/**
 * The stepper's words for a page in `lang`, once: a `<template class="stepper-ui">` with the hidden control
 * bar (◀ Back, Next ▶, Restart, a slot for the projector button), the state table, the phone line and the
 * `aria-live` region, and as attributes the live region's two sentence templates and the projector button's
 * labels. The script copies its content into each figure. Pure.
 */
export function stepperWords(lang: Lang): string {
  const e = (key: Parameters<typeof t>[1]) => escapeHtml(t(lang, key));
  const row = (side: 'client' | 'server') =>
    `<tr data-side="${side}"><th scope="row">${e(side === 'client' ? 'diagram.trace.client' : 'diagram.trace.server')}</th><td></td><td></td><td></td><td></td></tr>`;
  const say = sayTemplates(lang);
  const attrs = Object.entries({ 'data-say-start': say.start, 'data-say': say.say, ...projectorProps(lang) })
    .filter(([name]) => name !== 'data-projector')
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  return (
    `<template class="stepper-ui"${attrs}>` +
    `<div class="stepper" hidden>` +
    `<div class="stepper-bar" role="group" aria-label="${e('diagram.step.controls')}">` +
    `<button type="button" data-act="back"><span aria-hidden="true">◀ </span>${e('diagram.step.back')}</button>` +
    `<button type="button" data-act="next">${e('diagram.step.next')}<span aria-hidden="true"> ▶</span></button>` +
    `<button type="button" data-act="restart">${e('diagram.step.restart')}</button>` +
    `<span data-projector-slot></span>` +
    `</div>` +
    `<div class="stepper-view">` +
    `<table class="stepper-state"><thead><tr><th scope="col">${e('diagram.step.side')}</th><th scope="col">${e('diagram.step.state')}</th>` +
    `<th scope="col">SND.UNA</th><th scope="col">SND.NXT</th><th scope="col">RCV.NXT</th></tr></thead>` +
    `<tbody>${row('client')}${row('server')}</tbody></table>` +
    `<p class="stepper-phone"><span aria-hidden="true">☎ </span><span class="visually-hidden">${e('diagram.step.phone')}: </span><span data-phone></span></p>` +
    `</div>` +
    `<p class="stepper-say" aria-live="polite"></p>` +
    `</div></template>`
  );
}

// The pages (Astro.request) that already carry the stepper's words.
const WORDS_GIVEN = new WeakSet<object>();

/**
 * stepperWords(lang) for the first step-through figure of `page` (Astro.request), and '' for the others: a
 * page carries the words once, however many figures it has, in the language of its first figure to render
 * (the page's: a page draws its diagrams in its own language). Which figure carries them does not matter,
 * the script looks for them in the whole page.
 */
export function stepperWordsOnce(page: object, lang: Lang): string {
  if (WORDS_GIVEN.has(page)) return '';
  WORDS_GIVEN.add(page);
  return stepperWords(lang);
}
