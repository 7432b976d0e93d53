import { describe, expect, it } from 'vitest';
import { readSite } from '~/content/site';
import { isLang } from '~/i18n';
import { runScenario } from '~/tcp';
import { cacheKey, normalizeSource, readCached } from '~/diagrams/cache';
import { markSteps } from '~/diagrams/stepper/marks';
import { embedJson, sayTemplates, stepperData } from '~/diagrams/stepper/steps';
import { decodeStepper, encodeStepper, type StepperWire } from '~/diagrams/stepper/wire';
import { traceToMarkedMermaid, traceToMermaid } from '~/diagrams/trace-to-mermaid';

const site = readSite('.');
// Every <ScenarioDiagram> of every lesson, in both languages: what the pages embed.
const uses = site.lessons.flatMap((lesson) =>
  lesson.outline.diagrams.map((d) => {
    const lang = d.lang ?? lesson.lang;
    if (!isLang(lang)) throw new Error(`${lesson.filePath}:${d.line}: bad lang ${lang}`);
    return { where: `${lesson.filePath}:${d.line}`, scenario: d.scenario, from: d.from ?? 0, lang };
  }),
);

describe('stepper data of every scenario diagram on a lesson page', () => {
  it('finds diagrams in both languages', () => {
    expect(uses.filter((u) => u.lang === 'zh').length).toBeGreaterThan(5);
    expect(uses.filter((u) => u.lang === 'en').length).toBe(uses.filter((u) => u.lang === 'zh').length);
  });

  it.each(uses)('$where ($scenario from $from) equals the model trace', ({ scenario, from, lang }) => {
    const trace = runScenario(site.scenarios.get(scenario)!);
    const data = stepperData(trace, lang, { from });
    const shown = trace.steps.slice(from);
    expect(data.steps.map((s) => s.step)).toEqual(shown.map((s) => s.index));
    expect(data.start.states).toEqual(shown[0]!.before);
    shown.forEach((st, i) => {
      const view = data.steps[i]!;
      expect(view.states).toEqual(st.after);
      for (const side of ['client', 'server'] as const) {
        const v = st.vars[side];
        expect(view.vars[side]).toEqual(v ? [v.sndUna, v.sndNxt, v.rcvNxt] : null);
      }
      expect(view.say).toContain(view.phone);
      expect(view.say).toContain(view.action);
    });
    // What the browser decodes from the page is exactly that data, and the compact form is smaller.
    const embedded = embedJson(encodeStepper(data, sayTemplates(lang)));
    expect(decodeStepper(JSON.parse(embedded) as StepperWire)).toEqual(data);
    expect(embedded.length).toBeLessThan(embedJson(data).length * 0.6);
    // The marks follow the drawn statements exactly, and every step draws something.
    const { source, marks } = traceToMarkedMermaid(trace, lang, { from });
    expect(source).toBe(traceToMermaid(trace, lang, { from }));
    const drawn = source.split('\n').filter((l) => /^ {2}(Note over|[CS](->>|-x|--\))[CS]:)/.test(l));
    expect(marks.map((m) => m.el)).toEqual(drawn.map((l) => (l.startsWith('  Note') ? 'note' : 'message')));
    for (const st of shown) expect(marks.some((m) => m.step === st.index)).toBe(true);
  });

  it.each(uses)('$where: the cached SVG takes the marks', ({ scenario, from, lang }) => {
    const trace = runScenario(site.scenarios.get(scenario)!);
    const { source, marks } = traceToMarkedMermaid(trace, lang, { from });
    const svg = readCached(cacheKey(normalizeSource(source)));
    expect(svg, 'the diagram is in diagram-cache/').toBeDefined();
    const marked = markSteps(svg!, marks);
    for (const st of trace.steps.slice(from)) expect(marked).toContain(`data-step="${st.index}"`);
    expect(marked.match(/data-mark="state"/g)?.length).toBe(marks.filter((m) => m.kind === 'state').length);
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
