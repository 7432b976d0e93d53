/**
 * The stepper data as it travels in the page: StepperData (steps.ts) in a compact form, and back. A figure
 * embeds it as JSON, and a long lesson has a dozen figures, so nothing is written twice: what the figure's
 * table twin already says (each step's action, both states before the first step and after each) is read
 * back from its rows; the distinct sequence variable triples and phone lines are tables that the steps
 * index; the live region's sentences come from their two templates, which the page gives once (the
 * stepper's words, controls.ts). Pure, and free of the dictionaries, so the browser script can import the
 * decoder.
 */
import { fill } from '../../i18n/fill';
import type { StepPoint, StepperData, StepView } from './steps';

type Triple = [number, number, number];
type States = StepPoint['states'];

/** Both sides' sequence variables at a point: each 1 + an index into `v`, or 0 without a connection. */
type WireVars = [client: number, server: number];

/**
 * The compact form. Example:
 * `{ "v": [[100, 101, 0], [300, 301, 91]], "p": ["The server's phone rings."], "o": [0, 0],
 *    "k": [[6, 1, 2, 0]] }`
 * `o` is the sequence variables before the first step; each `k` entry is [trace step, client vars, server
 * vars, phone index]. The states and actions are the table twin's (see TwinRows).
 * `a`, only where the figure has no table twin that gives them (the capture page's), holds them:
 * `{ "s": ["SYN_SENT", "LISTEN"], "o": [0, 1], "k": [[0, 1, "client → server: SYN seq=90"]] }`, the state
 * names, the states before the first step, then per step [client state, server state, action].
 * `y`, only where the sentences do not follow the two templates (the capture page words its own), holds them
 * as they are: the one before the first step, then one per step.
 */
export interface StepperWire {
  v: Triple[];
  p: string[];
  o: WireVars;
  k: [step: number, client: number, server: number, phone: number][];
  a?: { s: string[]; o: [number, number]; k: [client: number, server: number, action: string][] };
  y?: string[];
}

/** The live region's two sentence templates, in the page's language (`diagram.step.start`, `diagram.step.say`). */
export interface SayTemplates {
  start: string;
  say: string;
}

/**
 * The body rows of a scenario diagram's table twin as their cells' text, one row per step shown, as
 * traceToTable writes them: [step, action, client state, server state, segments sent], a state written
 * "SYN_SENT" when the step leaves it, or "SYN_SENT → ESTABLISHED" when it changes.
 */
export type TwinRows = string[][];

const ACTION = 1;
const CLIENT = 2;
const SERVER = 3;
/** How a twin's state cell joins the state before a step to the state after it. */
const CHANGE = ' → ';

/** What the twin says: both states before the first step, and per step both states after it and its action. */
interface Twin {
  start: States;
  steps: { states: States; action: string }[];
}

/** The states and actions of a table twin's rows (see TwinRows). Pure. */
export function readTwin(rows: TwinRows): Twin {
  // The state before the step is a cell's first name, the state after it its last.
  const states = (row: string[] = [], after: boolean) => {
    const pick = (cell = '') => cell.split(CHANGE)[after ? cell.split(CHANGE).length - 1 : 0]!;
    return { client: pick(row[CLIENT]), server: pick(row[SERVER]) } as States;
  };
  return {
    start: states(rows[0], false),
    steps: rows.map((row) => ({ states: states(row, true), action: row[ACTION] ?? '' })),
  };
}

/** Index of `value` in `list` by `key`, appending it when new. */
function indexIn<T>(list: T[], value: T, key: (v: T) => string = String): number {
  const k = key(value);
  const found = list.findIndex((x) => key(x) === k);
  return found >= 0 ? found : list.push(value) - 1;
}

/** What the page gives beside a figure's JSON, which the JSON leaves out where it says the same. */
export interface WireContext {
  /** The sentence templates the page gives (the stepper's words). */
  templates?: SayTemplates | undefined;
  /** The rows of the figure's table twin. */
  twin?: TwinRows | undefined;
}

/**
 * The compact form of `data` for a figure whose page gives `context`: the states and actions are left to the
 * table twin when it gives exactly those of `data`, and the sentences to the templates when they give exactly
 * those; otherwise they travel as they are (`a`, `y`), so the browser shows what the build meant. Build only
 * (the browser script needs only the decoder). Pure.
 */
export function encodeStepper(data: StepperData, context: WireContext = {}): StepperWire {
  const wire: StepperWire = { v: [], p: [], o: [0, 0], k: [] };
  const vars = ({ vars: v }: StepPoint): WireVars =>
    [v.client, v.server].map((t) => (t ? 1 + indexIn(wire.v, t, (x) => x.join()) : 0)) as WireVars;
  wire.o = vars(data.start);
  wire.k = data.steps.map((st) => [st.step, ...vars(st), indexIn(wire.p, st.phone)]);
  const { templates, twin } = context;
  const read = twin && readTwin(twin);
  const same = (a: States, b: States) => a.client === b.client && a.server === b.server;
  const twinSays =
    read !== undefined &&
    read.steps.length === data.steps.length &&
    same(read.start, data.start.states) &&
    data.steps.every((st, i) => same(read.steps[i]!.states, st.states) && read.steps[i]!.action === st.action);
  if (!twinSays) {
    const s: string[] = [];
    const pair = ({ client, server }: States): [number, number] => [indexIn(s, client), indexIn(s, server)];
    wire.a = { s, o: pair(data.start.states), k: data.steps.map((st) => [...pair(st.states), st.action]) };
  }
  const said = [data.start, ...data.steps].map((p) => p.say);
  const back = templates && decodeStepper(wire, context);
  if (!back || [back.start, ...back.steps].some((p, i) => p.say !== said[i])) wire.y = said;
  return wire;
}

/**
 * StepperData from its compact form and what the page gives beside it: the table twin's rows (unless the
 * states and actions travel, `a`) and the sentence templates (unless the sentences travel, `y`). Throws
 * when the twin is missing or has not one row per step. StepperData itself, which the capture page writes
 * into its figure when it draws a connection (no bytes to save there), is returned as it is. Pure.
 */
export function decodeStepper(wire: StepperWire | StepperData, { templates, twin }: WireContext = {}): StepperData {
  if ('steps' in wire) return wire;
  const total = wire.k.length;
  const a = wire.a;
  const pair = ([c, s]: number[]) => ({ client: a!.s[c!]!, server: a!.s[s!]! }) as States;
  const told: Twin = a
    ? { start: pair(a.o), steps: a.k.map(([c, s, action]) => ({ states: pair([c, s]), action })) }
    : readTwin(twin ?? []);
  if (told.steps.length !== total) throw new Error(`stepper: ${total} steps, ${told.steps.length} table rows`);
  const vars = ([c, s]: WireVars): StepPoint['vars'] => ({
    client: c ? [...wire.v[c - 1]!] : null,
    server: s ? [...wire.v[s - 1]!] : null,
  });
  return {
    start: { states: told.start, vars: vars(wire.o), say: wire.y?.[0] ?? fill(templates!.start, { total }) },
    steps: wire.k.map(([step, c, s, p], i): StepView => {
      const phone = wire.p[p]!;
      const { states, action } = told.steps[i]!;
      return {
        step,
        states,
        vars: vars([c, s]),
        action,
        say: wire.y?.[i + 1] ?? fill(templates!.say, { n: i + 1, total, action, phone }),
        phone,
      };
    }),
  };
}
