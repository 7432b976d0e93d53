import { htmlToHast, type HastNode } from 'satteri';
import { describe, expect, it } from 'vitest';
import { readSite } from '~/content/site';
import { isLang, type Lang } from '~/i18n';
import { runScenario, type Trace, type TraceStep } from '~/tcp';
import { cacheKey, normalizeSource, readCached } from '~/diagrams/cache';
import { figureHtml } from '~/diagrams/figure';
import { stepperExtra, stepperWords } from '~/diagrams/stepper/controls';
import { markSteps } from '~/diagrams/stepper/marks';
import { embedJson, sayTemplates, stepperData, type StepperData } from '~/diagrams/stepper/steps';
import { decodeStepper, encodeStepper, readTwin, type StepperWire } from '~/diagrams/stepper/wire';
import {
  scenarioDiagramSource,
  traceToMarkedMermaid,
  traceToMermaid,
  traceToTable,
  type RenderOptions,
} from '~/diagrams/trace-to-mermaid';

type Element = Extract<HastNode, { type: 'element' }>;
/** Every element of some HTML, in document order. */
function elements(html: string): Element[] {
  const out: Element[] = [];
  const walk = (node: HastNode) => {
    if (node.type === 'element') out.push(node);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(htmlToHast(html, { fragment: true }));
  return out;
}
const text = (node: HastNode): string =>
  node.type === 'text' ? node.value : 'children' in node ? node.children.map(text).join('') : '';

/**
 * What the browser script decodes from a page with this figure (client/stepper.ts): the JSON in the figure,
 * the rows of its table twin, and the sentence templates of the page's stepper words, all read back from
 * the markup as the build writes it.
 */
function readFromPage(figure: string, words: string): { wire: StepperWire; data: StepperData } {
  const els = elements(figure);
  const script = els.find((e) => e.tagName === 'script' && String(e.properties.className) === 'stepper-data')!;
  const wire = JSON.parse(text(script)) as StepperWire;
  const tbody = els.find((e) => e.tagName === 'tbody')!;
  const twin = tbody.children
    .filter((r): r is Element => r.type === 'element')
    .map((r) => r.children.filter((c): c is Element => c.type === 'element').map(text));
  const template = elements(words).find((e) => e.tagName === 'template')!;
  const templates = { start: String(template.properties.dataSayStart), say: String(template.properties.dataSay) };
  return { wire, data: decodeStepper(wire, { templates, twin }) };
}

const site = readSite('.');
// Every <ScenarioDiagram> of every lesson, in both languages: what the pages embed.
const uses = site.lessons.flatMap((lesson) =>
  lesson.outline.diagrams.map((d) => {
    const lang = d.lang ?? lesson.lang;
    if (!isLang(lang)) throw new Error(`${lesson.filePath}:${d.line}: bad lang ${lang}`);
    const drawn: RenderOptions = { from: d.from ?? 0, setup: d.setup ?? 'fold' };
    return { where: `${lesson.filePath}:${d.line}`, scenario: d.scenario, ...drawn, drawn, lang };
  }),
);

// Read from the model's trace here, not from the code under test: a step that only sets a socket up.
const setsUp = (st: TraceStep) =>
  'call' in st.step &&
  ['socket', 'bind', 'listen'].includes(st.step.op) &&
  (st.result as { ok?: boolean }).ok === true &&
  !st.step.note;

/**
 * What the stepper, the marks and the table twin must show of `trace` drawn as `drawn`, in order: for each
 * step, the trace step it ends at and the trace steps it covers (the folded set-up covers several).
 */
function expectedSteps(trace: Trace, drawn: RenderOptions): TraceStep[][] {
  const from = drawn.from ?? 0;
  let folded = 0;
  if (from === 0 && drawn.setup !== 'unfold')
    while (folded < trace.steps.length && setsUp(trace.steps[folded]!)) folded++;
  const rest = trace.steps.slice(Math.max(from, folded)).map((st) => [st]);
  return folded > 0 ? [trace.steps.slice(0, folded), ...rest] : rest;
}

/** The stepper data, the SVG marks and the table rows of `trace` drawn as `drawn` agree with its model trace. */
function expectAgreement(trace: Trace, lang: 'zh' | 'en', drawn: RenderOptions): void {
  const expected = expectedSteps(trace, drawn);
  const ends = expected.map((covered) => covered[covered.length - 1]!);
  const data = stepperData(trace, lang, drawn);
  expect(data.steps.map((s) => s.step)).toEqual(ends.map((st) => st.index));
  expect(data.start.states).toEqual(expected[0]![0]!.before);
  ends.forEach((st, i) => {
    const view = data.steps[i]!;
    expect(view.states).toEqual(st.after);
    for (const side of ['client', 'server'] as const) {
      const v = st.vars[side];
      expect(view.vars[side]).toEqual(v ? [v.sndUna, v.sndNxt, v.rcvNxt] : null);
    }
    expect(view.say).toContain(view.phone);
    expect(view.say).toContain(view.action);
  });
  // One table row per step, in the same order, saying what the stepper says.
  const { rows } = traceToTable(trace, lang, drawn);
  expect(rows.map((r) => r[0])).toEqual(
    expected.map((c) => (c.length === 1 ? String(c[0]!.index) : `${c[0]!.index}–${c[c.length - 1]!.index}`)),
  );
  expect(rows.map((r) => r[1])).toEqual(data.steps.map((s) => s.action));
  // The marks follow the drawn statements exactly; they name the steps in the same order, each at least once.
  const { source, marks } = traceToMarkedMermaid(trace, lang, drawn);
  expect(source).toBe(traceToMermaid(trace, lang, drawn));
  const drawnLines = source.split('\n').filter((l) => /^ {2}(Note over|[CS](->>|-x|--\))[CS]:)/.test(l));
  expect(marks.map((m) => m.el)).toEqual(drawnLines.map((l) => (l.startsWith('  Note') ? 'note' : 'message')));
  const marked = marks.flatMap((m) => (m.step === null ? [] : [m.step]));
  expect([...new Set(marked)]).toEqual(ends.map((st) => st.index));
  // The folded set-up is one note, and nothing else is drawn for the steps it covers.
  for (const covered of expected.filter((c) => c.length > 1))
    expect(marks.filter((m) => m.step === covered[covered.length - 1]!.index)).toEqual([
      { el: 'note', step: covered[covered.length - 1]!.index, kind: 'call' },
    ]);
}

describe('stepper data of every scenario diagram on a lesson page', () => {
  it('finds diagrams in both languages', () => {
    expect(uses.filter((u) => u.lang === 'zh').length).toBeGreaterThan(5);
    expect(uses.filter((u) => u.lang === 'en').length).toBe(uses.filter((u) => u.lang === 'zh').length);
  });

  it('folds the set-up by default and unfolds it where a lesson asks', () => {
    expect(uses.filter((u) => u.from === 0 && u.setup === 'fold').length).toBeGreaterThan(5);
    expect(uses.filter((u) => u.setup === 'unfold').map((u) => u.where)).toEqual([
      expect.stringMatching(/^content\/lessons\/en\/01-socket-phone\.mdx:/),
      expect.stringMatching(/^content\/lessons\/zh\/01-socket-phone\.mdx:/),
    ]);
  });

  it.each(uses)('$where ($scenario from $from, set-up $setup) equals the model trace', ({ scenario, drawn, lang }) => {
    const trace = runScenario(site.scenarios.get(scenario)!);
    expectAgreement(trace, lang, drawn);
    // What the browser reads from the page (the figure's JSON and table twin, the page's stepper words) is
    // exactly that data; the JSON leaves the states, actions and sentences to the twin and the words.
    const data = stepperData(trace, lang, drawn);
    const { table } = scenarioDiagramSource(trace, lang, drawn);
    const figure = figureHtml({
      lang,
      body: '<svg></svg>',
      table,
      kind: 'sequenceDiagram',
      extra: stepperExtra(lang, data, table),
    });
    const { wire, data: read } = readFromPage(figure, stepperWords(lang));
    expect(read).toEqual(data);
    expect(wire.a, 'states and actions the table twin does not give').toBeUndefined();
    expect(wire.y, 'sentences the templates do not give').toBeUndefined();
    const embedded = JSON.stringify(wire);
    for (const st of data.steps) expect(embedded).not.toContain(JSON.stringify(st.action));
    expect(embedded.length).toBeLessThan(embedJson(data).length * 0.4);
  });

  it.each(uses)('$where: the cached SVG takes the marks', ({ scenario, drawn, lang }) => {
    const trace = runScenario(site.scenarios.get(scenario)!);
    const { source, marks } = traceToMarkedMermaid(trace, lang, drawn);
    const svg = readCached(cacheKey(normalizeSource(source)));
    expect(svg, 'the diagram is in diagram-cache/').toBeDefined();
    const marked = markSteps(svg!, marks);
    for (const st of stepperData(trace, lang, drawn).steps) expect(marked).toContain(`data-step="${st.step}"`);
    expect(marked.match(/data-mark="state"/g)?.length).toBe(marks.filter((m) => m.kind === 'state').length);
  });
});

describe('stepper data of every scenario, set-up folded and unfolded', () => {
  const cases = [...site.scenarios.keys()].flatMap((scenario) =>
    (['fold', 'unfold'] as const).flatMap((setup) =>
      (['en', 'zh'] as const).map((lang) => ({ scenario, setup, lang })),
    ),
  );
  it.each(cases)(
    '$scenario, $setup, $lang: stepper, marks and table agree with the model trace',
    ({ scenario, setup, lang }) => {
      expectAgreement(runScenario(site.scenarios.get(scenario)!), lang, { setup });
    },
  );

  it('makes the set-up one step, in fewer steps than unfolded', () => {
    const trace = runScenario(site.scenarios.get('handshake')!);
    const [fold, unfold] = [stepperData(trace, 'en'), stepperData(trace, 'en', { setup: 'unfold' })];
    expect(unfold.steps).toHaveLength(trace.steps.length);
    expect(fold.steps).toHaveLength(trace.steps.length - 3);
    expect(fold.steps[0]).toMatchObject({
      step: 3,
      states: { client: 'CLOSED', server: 'LISTEN' },
      action: 'Server: socket(), bind(80), listen() → LISTEN · Client: socket()',
      phone: 'The server gets a phone and a number, plugs in the line and waits for calls. The client gets a phone.',
    });
    expect(fold.steps.slice(1)).toEqual(unfold.steps.slice(4).map((s, i) => ({ ...s, say: fold.steps[i + 1]!.say })));
    expect(stepperData(trace, 'zh').steps[0]).toMatchObject({
      say: '第 1 步，共 6 步：服务器：socket()、bind(80)、listen() → LISTEN；客户端：socket()。服务器装好电话、申请到号码、插上电话线，守在电话旁等人打来。客户端拿到一部电话。',
    });
  });
});

describe('markSteps', () => {
  it('refuses an SVG that does not match the trace', () => {
    expect(() => markSteps('<svg></svg>', [{ el: 'note', step: 0, kind: 'call' }])).toThrow(/0 notes/);
  });
});

describe('encodeStepper', () => {
  const trace = runScenario(site.scenarios.get(uses[0]!.scenario)!);
  const context = (lang: Lang, from = 0) => ({
    templates: sayTemplates(lang),
    twin: scenarioDiagramSource(trace, lang, { from }).table.rows,
  });

  it('reads the states and actions from the table twin, before the first step and after each', () => {
    const data = stepperData(trace, 'en');
    const twin = readTwin(context('en').twin);
    expect(twin.start).toEqual(data.start.states);
    expect(twin.steps).toEqual(data.steps.map(({ states, action }) => ({ states, action })));
    expect(readTwin([['3', 'Client: connect(80)', 'CLOSED → SYN_SENT', 'LISTEN', 'SYN seq=100']])).toEqual({
      start: { client: 'CLOSED', server: 'LISTEN' },
      steps: [{ states: { client: 'SYN_SENT', server: 'LISTEN' }, action: 'Client: connect(80)' }],
    });
  });

  it('carries sentences its templates do not give as they are, and only then', () => {
    const data = stepperData(trace, 'en');
    expect(encodeStepper(data, context('en')).y).toBeUndefined();
    data.steps[0]!.say += ' (worded otherwise)';
    const wire = encodeStepper(data, context('en'));
    expect(wire.y).toEqual([data.start.say, ...data.steps.map((s) => s.say)]);
    expect(decodeStepper(wire, context('en'))).toEqual(data);
    // Templates of the other language: every sentence travels as it is, and still decodes to the data.
    const other = stepperData(trace, 'en');
    const zhTemplates = { ...context('en'), templates: sayTemplates('zh') };
    expect(decodeStepper(encodeStepper(other, zhTemplates), zhTemplates)).toEqual(other);
  });

  it('carries the states and actions when no table twin gives them, or one that differs', () => {
    const data = stepperData(trace, 'en');
    // No twin and no templates at all: everything travels.
    const alone = encodeStepper(data);
    expect(alone.a?.k).toHaveLength(data.steps.length);
    expect(alone.y).toHaveLength(data.steps.length + 1);
    expect(decodeStepper(alone)).toEqual(data);
    // The twin of the same scenario drawn from step 1: its rows do not say this data, so the data says it.
    const wrong = { ...context('en'), twin: context('en', 1).twin };
    const wire = encodeStepper(data, wrong);
    expect(wire.a).toBeDefined();
    expect(decodeStepper(wire, wrong)).toEqual(data);
    // A twin whose one action differs: the same.
    const twin = context('en').twin.map((row) => [...row]);
    twin[2]![1] += '!';
    expect(encodeStepper(data, { ...context('en'), twin }).a).toBeDefined();
  });

  it('takes StepperData as it is (the capture page writes it so)', () => {
    const data = stepperData(trace, 'zh');
    expect(decodeStepper(JSON.parse(JSON.stringify(data)) as StepperData)).toEqual(data);
  });

  it('refuses to decode without the states, actions or sentences', () => {
    const data = stepperData(trace, 'en');
    const wire = encodeStepper(data, context('en'));
    expect(() => decodeStepper(wire, { templates: sayTemplates('en') })).toThrow(/0 table rows/);
    expect(() => decodeStepper(wire, { twin: context('en').twin })).toThrow();
    expect(() => decodeStepper(wire, { ...context('en'), twin: context('en').twin.slice(1) })).toThrow(/table rows/);
  });
});

describe('embedJson', () => {
  it('cannot close its script element', () => {
    expect(embedJson({ say: '</script><b>' })).not.toContain('<');
    expect(JSON.parse(embedJson({ say: '</script>' }))).toEqual({ say: '</script>' });
  });
});
