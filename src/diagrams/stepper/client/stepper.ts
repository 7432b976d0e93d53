/**
 * The step-through of one scenario diagram (browser only). The figure arrives complete: the SVG with
 * each step's elements marked (`data-step`), the hidden controls and the step data as JSON, all
 * written at build time. This script only reveals the controls, toggles classes and fills in text.
 * It also adds the figure's projector button (the figure has `data-projector`).
 * Until the reader presses a button the whole diagram stays visible; then the steps after the current
 * one fade out and the current one is highlighted.
 */
import { projector } from '~/projector/projector';
import type { StepPoint } from '../steps';
import { decodeStepper, type StepperWire } from '../wire';

/** Makes `figure` (a `figure[data-stepper]`) step-through. Safe to call twice. */
export function stepper(figure: HTMLElement): void {
  const box = figure.querySelector<HTMLElement>('.stepper');
  const json = box?.querySelector('.stepper-data')?.textContent;
  if (!box || !json || figure.dataset.stepperReady !== undefined) return;
  figure.dataset.stepperReady = '';
  const data = decodeStepper(JSON.parse(json) as StepperWire);
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
  projector(figure);
  box.hidden = false;
}
