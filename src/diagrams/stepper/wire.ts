/**
 * The stepper data as it travels in the page: StepperData (steps.ts) in a compact form, and back. A figure
 * embeds it as JSON, and a long lesson has a dozen figures, so what repeats is written once: the state
 * names, the distinct sequence variable triples and phone lines as tables that the steps index, and the
 * live region's sentences as their two templates instead of one sentence per step. Pure, and free of the
 * dictionaries, so the browser script can import the decoder.
 */
import { fill } from '../../i18n/fill';
import type { StepPoint, StepperData, StepView } from './steps';

type Triple = [number, number, number];

/**
 * A point: [client state, server state, client vars, server vars], states as indices into `s`, vars as
 * 1 + an index into `v`, or 0 without a connection.
 */
type WirePoint = [number, number, number, number];

/**
 * The compact form. Example:
 * `{ "t": ["Before the first of {total} steps. Press Next to begin.", "Step {n} of {total}: {action}. {phone}"],
 *    "s": ["SYN_SENT", "LISTEN", "SYN_RECEIVED"], "v": [[100, 101, 0], [300, 301, 91]],
 *    "p": ["The server's phone rings."], "o": [0, 1, 1, 0],
 *    "k": [[6, 0, 2, 1, 2, "client → server: SYN seq=90", 0]] }`
 * `o` is the point before the first step; each `k` entry is [trace step, …point, action, phone index].
 * `y`, only where the sentences do not follow the two templates (the capture page words its own), holds them
 * as they are: the one before the first step, then one per step.
 */
export interface StepperWire {
  t: [start: string, say: string];
  s: string[];
  v: Triple[];
  p: string[];
  o: WirePoint;
  k: [number, ...WirePoint, string, number][];
  y?: string[];
}

/** The live region's two sentence templates, in the page's language (`diagram.step.start`, `diagram.step.say`). */
export interface SayTemplates {
  start: string;
  say: string;
}

/** Index of `value` in `list` by `key`, appending it when new. */
function indexIn<T>(list: T[], value: T, key: (v: T) => string = String): number {
  const k = key(value);
  const found = list.findIndex((x) => key(x) === k);
  return found >= 0 ? found : list.push(value) - 1;
}

/**
 * The compact form of `data`. Sentences made from `templates` are left for the browser to make again; if any
 * is not what the templates give (or there are none), all of them travel as they are (`y`), so the browser
 * says what the build meant. Pure.
 */
export function encodeStepper(data: StepperData, templates: SayTemplates = { start: '', say: '' }): StepperWire {
  const wire: StepperWire = { t: [templates.start, templates.say], s: [], v: [], p: [], o: [0, 0, 0, 0], k: [] };
  const vars = (v: Triple | null) => (v ? 1 + indexIn(wire.v, v, (x) => x.join()) : 0);
  const point = ({ states, vars: v }: StepPoint): WirePoint => [
    indexIn(wire.s, states.client),
    indexIn(wire.s, states.server),
    vars(v.client),
    vars(v.server),
  ];
  wire.o = point(data.start);
  wire.k = data.steps.map((st) => [st.step, ...point(st), st.action, indexIn(wire.p, st.phone)]);
  const back = decodeStepper(wire);
  const said = [data.start, ...data.steps].map((p) => p.say);
  if ([back.start, ...back.steps].some((p, i) => p.say !== said[i])) wire.y = said;
  return wire;
}

/** StepperData from its compact form. Pure. */
export function decodeStepper(wire: StepperWire): StepperData {
  const total = wire.k.length;
  const point = ([c, s, cv, sv]: WirePoint): StepPoint => ({
    states: { client: wire.s[c]!, server: wire.s[s]! } as StepPoint['states'],
    vars: { client: cv ? [...wire.v[cv - 1]!] : null, server: sv ? [...wire.v[sv - 1]!] : null },
  });
  return {
    start: { ...point(wire.o), say: wire.y?.[0] ?? fill(wire.t[0], { total }) },
    steps: wire.k.map(([step, c, s, cv, sv, action, p], i): StepView => {
      const phone = wire.p[p]!;
      return {
        step,
        ...point([c, s, cv, sv]),
        action,
        say: wire.y?.[i + 1] ?? fill(wire.t[1], { n: i + 1, total, action, phone }),
        phone,
      };
    }),
  };
}
