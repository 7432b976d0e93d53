/**
 * The step-through of one scenario diagram (browser only). The figure arrives with the SVG's elements
 * marked with their steps (`data-step`), its table twin and the step data the twin lacks as JSON, all
 * written at build time; the page holds the stepper's words once (`<template class="stepper-ui">`,
 * controls.ts). This script copies those controls into the figure, reveals them, toggles classes and fills
 * in text. It also gives the figure projector mode, with the labels from the same words.
 * Until the reader presses a button the whole diagram stays visible; then the steps after the current
 * one fade out and the current one is highlighted.
 */
import { projector } from '~/projector/projector';
import type { StepPoint } from '../steps';
import { decodeStepper, type StepperWire } from '../wire';

/** Makes `figure` (a `figure[data-stepper]`) step-through. Safe to call twice. */
export function stepper(figure: HTMLElement): void {
  const script = figure.querySelector('script.stepper-data');
  const ui = document.querySelector<HTMLTemplateElement>('template.stepper-ui');
  const json = script?.textContent;
  if (!script || !ui || !json || figure.dataset.stepperReady !== undefined) return;
  figure.dataset.stepperReady = '';
  const twin = figure.querySelector('.diagram-table tbody');
  const { sayStart, say: sayTemplate, projectorEnter, projectorExit } = ui.dataset;
  const data = decodeStepper(JSON.parse(json) as StepperWire, {
    templates: sayStart !== undefined && sayTemplate !== undefined ? { start: sayStart, say: sayTemplate } : undefined,
    twin: twin ? [...twin.children].map((row) => [...row.children].map((cell) => cell.textContent ?? '')) : undefined,
  });
  // The controls go where the data was, and the data inside them, as the build once wrote them.
  const box = (ui.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement;
  script.replaceWith(box);
  box.append(script);
  const marks = [...figure.querySelectorAll<SVGElement>('svg [data-step]')];
  const say = box.querySelector<HTMLElement>('.stepper-say')!;
  const phone = box.querySelector<HTMLElement>('[data-phone]')!;
  const button = (act: string) => box.querySelector<HTMLButtonElement>(`[data-act="${act}"]`)!;
  const total = data.steps.length;
  // How many steps are shown; null until the reader starts stepping (the whole diagram is shown).
  let at: number | null = null;

  const fill = (point: StepPoint) => {
    for (const side of ['client', 'server'] as const) {
      const cells = box.querySelectorAll(`tr[data-side="${side}"] td`);
      const vars = point.vars[side];
      const values = [point.states[side], ...(vars ?? ['—', '—', '—'])];
      cells.forEach((cell, i) => (cell.textContent = String(values[i])));
    }
  };

  const show = (next: number) => {
    at = Math.max(0, Math.min(total, next));
    const step = at > 0 ? data.steps[at - 1] : undefined;
    const last = step?.step ?? -1;
    figure.classList.add('stepping');
    for (const el of marks) {
      const n = Number(el.dataset.step);
      el.classList.toggle('step-future', n > last);
      el.classList.toggle('step-now', n === last);
    }
    fill(step ?? data.start);
    phone.textContent = step?.phone ?? '';
    say.textContent = step?.say ?? data.start.say;
    button('back').setAttribute('aria-disabled', String(at === 0));
    button('next').setAttribute('aria-disabled', String(at === total));
    reveal();
  };
  const reveal = () => figure.querySelector('svg .step-now')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });

  const act = (what: string | undefined) => {
    if (what === 'next') show(at === null ? 1 : at + 1);
    else if (what === 'back') show(at === null ? total - 1 : at - 1);
    else if (what === 'restart') show(0);
  };

  box.addEventListener('click', (event) => {
    const target = (event.target as Element).closest<HTMLElement>('[data-act]');
    if (target) act(target.dataset.act);
  });
  // ← and → step while the controls have focus, or anywhere in the figure in projector mode.
  figure.addEventListener('keydown', (event) => {
    const inBar = (event.target as Element).closest('.stepper-bar');
    if (!inBar && !figure.classList.contains('projector-on')) return;
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    act(event.key === 'ArrowRight' ? 'next' : 'back');
  });
  // Entering projector mode changes the layout: bring the current step back into view.
  figure.addEventListener('projector', () => requestAnimationFrame(reveal));
  fill(data.start);
  Object.assign(figure.dataset, {
    projector: '',
    projectorEnter: projectorEnter ?? '',
    projectorExit: projectorExit ?? '',
  });
  projector(figure);
  box.hidden = false;
}
