/**
 * A connection ready for the page to show: its view (./session.ts), its ladder's shapes (./ladder.ts) and
 * the stepper's data (./steps.ts), in the language of the labels the page passed. Worked out where the
 * reading runs (the worker), so the page's own script carries no model, layout or parser: only the
 * drawing, the stepper and the sentences. Pure.
 */
import { fill, type Labels } from '~/i18n/fill';
import type { UiKey } from '~/i18n/en';
import type { Ladder } from '~/simulator/ladder';
import type { StepperData } from '~/diagrams/stepper/steps';
import { layoutCapture } from './ladder';
import type { Say } from './messages';
import type { ConnectionView } from './session';
import { captureStepperData } from './steps';

/** What the page draws for one connection. */
export interface Presented {
  view: ConnectionView;
  ladder: Ladder;
  stepper: StepperData;
}

/** `say` over the labels an island was given (`labelsFor`), as the island itself fills them. Pure. */
export function sayFrom(labels: Labels): Say {
  return (key: UiKey, vars = {}) => fill(labels[key] ?? key, vars);
}

/** The ladder and stepper data of `view`, in the labels' language. Pure. */
export function present(view: ConnectionView, labels: Labels): Presented {
  const say = sayFrom(labels);
  return { view, ladder: layoutCapture(view, say), stepper: captureStepperData(view, say) };
}
