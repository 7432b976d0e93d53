/**
 * What the stepper of one scenario diagram shows, computed at build time from the model's trace and
 * embedded once in the figure as JSON (in the compact form of wire.ts): per step shown, both sides' states and sequence variables after
 * it, the words the live region says and the phone line. The browser only reads it. Pure.
 */
import { STRINGS, t, type Lang } from '../../i18n';
import type { SeqVars, States, Trace, TraceStep } from '../../tcp/browser';
import { shownSteps, traceToTable, type RenderOptions } from '../trace-to-mermaid';
import { phoneText, setupPhoneText } from './phone';
import type { SayTemplates } from './wire';

/** Both sides' states and [SND.UNA, SND.NXT, RCV.NXT] (null without a connection) at one point. */
export interface StepPoint {
  states: States;
  vars: { client: [number, number, number] | null; server: [number, number, number] | null };
}

/**
 * One step as the stepper shows it. `step` is the trace step's index (the `data-step` of its marks); for the
 * folded set-up, which the stepper shows as one step, the index of its last step.
 * Example: `{ "step": 5, "states": { "client": "SYN_SENT", "server": "LISTEN" }, "vars": { "client": [100, 101, 0], "server": null }, "action": "client → server: SYN seq=100", "say": "Step 6 of 11: …", "phone": "The client dials the number." }`
 */
export interface StepView extends StepPoint {
  step: number;
  /** The step's action, as the diagram's table twin writes it. */
  action: string;
  /** What the live region says: the step's number, its action and its phone line. */
  say: string;
  phone: string;
}

/** The JSON embedded in a figure: the point before the first step shown, then each step. */
export interface StepperData {
  start: StepPoint & { say: string };
  steps: StepView[];
}

const triple = (v: SeqVars): [number, number, number] | null => (v ? [v.sndUna, v.sndNxt, v.rcvNxt] : null);

/**
 * The stepper data of `trace` drawn as `opts` says (from which step, set-up folded or not), in `lang` (see
 * StepperData): one step per row of the table twin, in the same order. Pure.
 */
export function stepperData(trace: Trace, lang: Lang, opts: RenderOptions = {}): StepperData {
  const { rows } = traceToTable(trace, lang, opts);
  const { setup, steps } = shownSteps(trace, opts);
  // Each step shown: the trace step whose end it shows (the folded set-up ends at its last) and its phone line.
  const shown: { end: TraceStep; phone: string }[] = [
    ...(setup.length > 0 ? [{ end: setup[setup.length - 1]!, phone: setupPhoneText(lang, setup) }] : []),
    ...steps.map((st) => ({ end: st, phone: phoneText(lang, st) })),
  ];
  const first = setup[0] ?? steps[0];
  const before = first && trace.steps[first.index - 1];
  const total = shown.length;
  return {
    start: {
      states: first ? { ...first.before } : { client: 'CLOSED', server: 'CLOSED' },
      vars: { client: triple(before?.vars.client ?? null), server: triple(before?.vars.server ?? null) },
      say: t(lang, 'diagram.step.start', { total }),
    },
    steps: shown.map(({ end, phone }, i) => {
      const action = rows[i]?.[1] ?? '';
      return {
        step: end.index,
        states: { ...end.after },
        vars: { client: triple(end.vars.client), server: triple(end.vars.server) },
        action,
        say: t(lang, 'diagram.step.say', { n: i + 1, total, action, phone }),
        phone,
      };
    }),
  };
}

/** The live region's sentence templates in `lang`, which the compact form carries instead of the sentences. Pure. */
export function sayTemplates(lang: Lang): SayTemplates {
  return { start: STRINGS[lang]['diagram.step.start'], say: STRINGS[lang]['diagram.step.say'] };
}

/**
 * The JSON of `data` safe inside a `<script type="application/json">`: `<` is escaped so no text in it
 * can close the script element. Pure.
 */
export function embedJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
