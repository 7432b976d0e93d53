/**
 * The markup the stepper adds to a scenario diagram's figure, written at build time in the page's
 * language: the legend (shown with or without JavaScript, since the marks style the SVG either way),
 * and the hidden control bar, state table, phone line, live region and step data, which the browser
 * script (client/stepper.ts) reveals. Pure.
 */
import { t, type Lang } from '../../i18n';
import { escapeHtml, type FigureExtra } from '../figure';
import { projectorAttrs } from '../../projector/attrs';
import { embedJson, sayTemplates, type StepperData } from './steps';
import { encodeStepper } from './wire';

const KINDS = ['call', 'segment', 'state', 'event'] as const;

/** The figure additions for a scenario diagram with `data` (see the file comment). Pure. */
export function stepperExtra(lang: Lang, data: StepperData): FigureExtra {
  const e = (key: Parameters<typeof t>[1]) => escapeHtml(t(lang, key));
  const legend =
    `<div class="diagram-legend"><span>${e('diagram.legend')}</span><ul>` +
    KINDS.map(
      (k) =>
        `<li><span class="diagram-swatch" data-swatch="${k}" aria-hidden="true"></span>${e(`diagram.legend.${k}`)}</li>`,
    ).join('') +
    `</ul></div>`;
  return { attrs: stepperAttrs(lang), afterBody: stepperControls(lang, data) + legend };
}

/** The attributes that make a figure step-through (and give it projector mode), with a leading space. Pure. */
export function stepperAttrs(lang: Lang): string {
  return ` data-stepper${projectorAttrs(lang)}`;
}

/**
 * The hidden controls, state table, phone line, live region and step data, without the legend: what the
 * capture page puts in its figure, whose ladder is not a Mermaid diagram and has no marks to explain. Pure.
 */
export function stepperControls(lang: Lang, data: StepperData): string {
  const e = (key: Parameters<typeof t>[1]) => escapeHtml(t(lang, key));
  const row = (side: 'client' | 'server') =>
    `<tr data-side="${side}"><th scope="row">${e(side === 'client' ? 'diagram.trace.client' : 'diagram.trace.server')}</th><td></td><td></td><td></td><td></td></tr>`;
  const controls =
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
    `<script type="application/json" class="stepper-data">${embedJson(encodeStepper(data, sayTemplates(lang)))}</script>` +
    `</div>`;
  return controls;
}
