import { describe, expect, it } from 'vitest';
import { readSite } from '~/content/site';
import { isLang } from '~/i18n';
import { runScenario, type Trace, type TraceStep } from '~/tcp';
import { cacheKey, normalizeSource, readCached } from '~/diagrams/cache';
import { markSteps } from '~/diagrams/stepper/marks';
import { embedJson, sayTemplates, stepperData } from '~/diagrams/stepper/steps';
import { decodeStepper, encodeStepper, type StepperWire } from '~/diagrams/stepper/wire';
import { traceToMarkedMermaid, traceToMermaid, traceToTable, type RenderOptions } from '~/diagrams/trace-to-mermaid';

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
    // What the browser decodes from the page is exactly that data, and the compact form is smaller.
    const data = stepperData(trace, lang, drawn);
    const embedded = embedJson(encodeStepper(data, sayTemplates(lang)));
    expect(decodeStepper(JSON.parse(embedded) as StepperWire)).toEqual(data);
    expect(embedded.length).toBeLessThan(embedJson(data).length * 0.6);
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
  it('carries sentences its templates do not give as they are, and only then', () => {
    const trace = runScenario(site.scenarios.get(uses[0]!.scenario)!);
    const data = stepperData(trace, 'en');
    expect(encodeStepper(data, sayTemplates('en')).y).toBeUndefined();
    data.steps[0]!.say += ' (worded otherwise)';
    const wire = encodeStepper(data, sayTemplates('en'));
    expect(wire.y).toEqual([data.start.say, ...data.steps.map((s) => s.say)]);
    expect(decodeStepper(wire)).toEqual(data);
    // Templates of the other language: every sentence travels as it is, and still decodes to the data.
    const other = stepperData(trace, 'en');
    expect(decodeStepper(encodeStepper(other, sayTemplates('zh')))).toEqual(other);
    // No templates at all (the capture page, which words its own): the same.
    expect(encodeStepper(other).y).toHaveLength(other.steps.length + 1);
    expect(decodeStepper(encodeStepper(other))).toEqual(other);
  });
});

describe('embedJson', () => {
  it('cannot close its script element', () => {
    expect(embedJson({ say: '</script><b>' })).not.toContain('<');
    expect(JSON.parse(embedJson({ say: '</script>' }))).toEqual({ say: '</script>' });
  });
});
