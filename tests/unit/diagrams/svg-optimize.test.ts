// The optimised SVG a page carries (src/diagrams/svg-optimize.ts) against the cached one it came from:
// what it keeps (names, descriptions, step marks), what it drops, and, in Chromium, that it looks the same.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSite } from '~/content/site';
import { runScenario } from '~/tcp';
import { cacheKey, DEFAULT_CACHE_DIR, readCached } from '~/diagrams/cache';
import { CHROMIUM_ARGS, findChromium } from '~/diagrams/chromium';
import { markSteps } from '~/diagrams/stepper/marks';
import {
  canMatch,
  cssRules,
  LABEL_PX,
  mermaidCssPrefix,
  optimizeSvg,
  parseSvg,
  serializeSvg,
  TEXT_DEFAULTS,
  UNREAD_CLASSES,
} from '~/diagrams/svg-optimize';
import { traceToMarkedMermaid } from '~/diagrams/trace-to-mermaid';

const MERMAID_CSS = readFileSync('src/diagrams/mermaid.css', 'utf8');
const DIAGRAMS_CSS = readFileSync('src/diagrams/diagrams.css', 'utf8');
const STEPPER_CSS = readFileSync('src/diagrams/stepper/stepper.css', 'utf8');
const cached = readdirSync(DEFAULT_CACHE_DIR)
  .filter((f) => f.endsWith('.svg'))
  .map((f) => {
    const svg = readCached(f.slice(0, -4)) as string;
    return { file: f, svg, id: /^<svg id="([^"]+)"/.exec(svg)?.[1] as string };
  });
const optimize = (svg: string, id: string) => optimizeSvg(svg, id, MERMAID_CSS);
const kindOf = (svg: string) => /aria-roledescription="(\w+)"/.exec(svg)?.[1];

describe('optimizeSvg on every cached diagram', () => {
  it('finds diagrams of both kinds', () => {
    expect(cached.filter((c) => kindOf(c.svg) === 'sequence').length).toBeGreaterThan(10);
    expect(cached.some((c) => kindOf(c.svg) === 'stateDiagram')).toBe(true);
  });

  it.each(cached)('$file keeps its name, description and text, and loses most of its bytes', ({ svg, id }) => {
    const out = optimize(svg, id).svg;
    // A sequence diagram's stylesheet moves to mermaid.css; a state diagram keeps its own.
    expect(out.length).toBeLessThan(svg.length * (kindOf(svg) === 'sequence' ? 0.3 : 0.8));
    const root = /^<svg[^>]*>/.exec(out)?.[0] ?? '';
    expect(root).toContain(`id="${id}"`);
    expect(root).toContain('role="img"');
    expect(root).toContain(`aria-labelledby="chart-title-${id}"`);
    expect(root).toContain(`aria-describedby="chart-desc-${id}"`);
    expect(root).not.toContain('xmlns=');
    expect(out).toContain(`<title id="chart-title-${id}">`);
    expect(out).toContain(`<desc id="chart-desc-${id}">`);
    // Every word drawn stays, in order (the page's find-in-page and text selection read these).
    const words = (s: string) => [...s.matchAll(/>([^<]+)</g)].map((m) => (m[1] as string).trim()).filter(Boolean);
    const textOnly = (s: string) => words(s.replace(/<style>[\s\S]*?<\/style>/, ''));
    expect(textOnly(out)).toEqual(textOnly(svg));
    // Every reference points at something still there.
    const ids = new Set([...out.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    for (const m of out.matchAll(/url\(#([^)]+)\)/g)) expect(ids, `url(#${m[1]})`).toContain(m[1]);
    expect(out).not.toMatch(/<symbol|data-(?:id|from|to|points)=|\sname=/);
  });

  it('moves each sequence diagram’s stylesheet to mermaid.css, rule for rule', () => {
    for (const { file, svg, id } of cached.filter((c) => kindOf(c.svg) === 'sequence')) {
      const { svg: out, unsharedRules } = optimize(svg, id);
      // A newly rendered diagram whose Mermaid writes a rule mermaid.css lacks: copy these into mermaid.css.
      expect(unsharedRules, `${file}: rules to add to src/diagrams/mermaid.css`).toEqual([]);
      expect(out).not.toContain('<style>');
    }
  });

  it('serves in mermaid.css only rules that some sequence diagram can use', () => {
    const classes = new Set(
      cached
        .filter((c) => kindOf(c.svg) === 'sequence')
        .flatMap((c) => [...c.svg.matchAll(/\sclass="([^"]+)"/g)].flatMap((m) => (m[1] as string).split(/\s+/))),
    );
    // A rule for a feature no diagram draws (a loop, an activation bar…) is dropped from a diagram that lacks its
    // class, so mermaid.css need not serve it; one drawn later shows up in the test above, to be copied in.
    const unusable = cssRules(MERMAID_CSS).filter((r) => r.startsWith('@keyframes') || !canMatch(r, classes));
    expect(unusable).toEqual([]);
  });

  it('drops the @keyframes no rule of a diagram animates with', () => {
    const svg =
      '<svg id="d" aria-roledescription="stateDiagram"><style>@keyframes dash{to{stroke-dashoffset:0}}' +
      '@keyframes spin{to{opacity:0}}#d .here{animation:dash 5s linear}#d .gone{animation:spin 1s}</style>' +
      '<g class="here"><rect/></g></svg>';
    const style = /<style>([\s\S]*?)<\/style>/.exec(optimize(svg, 'd').svg)?.[1];
    expect(style).toBe('@keyframes dash{to{stroke-dashoffset:0}}#d .here{animation:dash 5s linear}');
  });

  it('keeps the rules mermaid.css lacks in the diagram, scoped to it as Mermaid wrote them', () => {
    const state = cached.find((c) => kindOf(c.svg) === 'stateDiagram')!;
    const { svg: out, unsharedRules } = optimize(state.svg, state.id);
    expect(unsharedRules.length).toBeGreaterThan(10);
    const style = /<style>([\s\S]*?)<\/style>/.exec(out)?.[1] ?? '';
    expect(style).toContain(`#${state.id} .transition{`);
    expect(style).not.toContain(mermaidCssPrefix('stateDiagram'));
    expect(style).not.toContain("data-look='neo'");
  });

  it('drops the rules of a diagram’s own stylesheet that need a class none of its elements has', () => {
    const svg =
      '<svg id="d" aria-roledescription="stateDiagram"><style>#d .here{fill:red}#d .gone{fill:blue}' +
      '#d .here:not(.gone){stroke:red}#d .gone,#d g.here{opacity:.5}#d .gone .here{fill:green}</style>' +
      '<g class="here"><rect/></g></svg>';
    const style = /<style>([\s\S]*?)<\/style>/.exec(optimize(svg, 'd').svg)?.[1];
    expect(style).toBe('#d .here{fill:red}#d .here:not(.gone){stroke:red}#d .gone,#d g.here{opacity:.5}');
  });

  it('moves what every edge and every label of a state diagram shares from each to one rule', () => {
    const svg =
      '<svg id="d" aria-roledescription="stateDiagram"><style>#d .t{stroke:red}</style>' +
      '<defs><marker id="d-end"><path d="M0 0"/></marker></defs>' +
      '<path d="M0 0" class="t" style="fill:none" marker-end="url(#d-end)"/>' +
      '<path d="M1 1" class="t" style="fill:none;stroke-width:2" marker-end="url(#d-end)"/>' +
      '<foreignObject width="1"><div class="b" style="display:table;max-width:9px"><p>A</p></div></foreignObject>' +
      '<foreignObject width="2"><div class="b" style="display:table;max-width:8px"><p>B</p></div></foreignObject>' +
      '<foreignObject width="3"><div style="display:block;width:3px"><p>D</p></div></foreignObject>' +
      '<foreignObject width="3"><div style="display:block;width:4px"><p>E</p></div></foreignObject>' +
      '<text class="lone" style="fill:blue">C</text></svg>';
    expect(optimize(svg, 'd').svg).toBe(
      '<svg id="d" aria-roledescription="stateDiagram"><style>#d .t{stroke:red}' +
        '#d path.t{fill:none;marker-end:url(#d-end)}#d foreignObject div.b{display:table}' +
        '#d foreignObject div:not([class]){display:block}</style>' +
        '<defs><marker id="d-end"><path d="M0 0"/></marker></defs>' +
        '<path d="M0 0" class="t"/><path d="M1 1" class="t" style="stroke-width:2"/>' +
        '<foreignObject width="1"><div class="b" style="max-width:9px"><p>A</p></div></foreignObject>' +
        '<foreignObject width="2"><div class="b" style="max-width:8px"><p>B</p></div></foreignObject>' +
        '<foreignObject width="3"><div style="width:3px"><p>D</p></div></foreignObject>' +
        '<foreignObject width="3"><div style="width:4px"><p>E</p></div></foreignObject>' +
        '<text class="lone" style="fill:blue">C</text></svg>',
    );
    // On the real one: no edge or label keeps the styling they all share.
    const state = cached.find((c) => kindOf(c.svg) === 'stateDiagram')!;
    const out = optimize(state.svg, state.id).svg;
    expect(out).not.toMatch(/<path[^>]*marker-end=|style="fill:none"|style="[^"]*display:table/);
  });

  it('drops the namespace of the HTML in a label: the page’s parser makes it HTML inside <foreignObject>', () => {
    const svg =
      '<svg id="d" aria-roledescription="stateDiagram"><foreignObject width="1"><div xmlns="http://www.w3.org/1999/xhtml"><p>CLOSED</p></div></foreignObject></svg>';
    expect(optimize(svg, 'd').svg).toBe(
      '<svg id="d" aria-roledescription="stateDiagram"><foreignObject width="1"><div><p>CLOSED</p></div></foreignObject></svg>',
    );
  });

  it('sets in mermaid.css the label alignment it removes from each label', () => {
    const rules = cssRules(MERMAID_CSS).join('\n');
    const prefix = mermaidCssPrefix('sequence');
    for (const [cls, props] of Object.entries(TEXT_DEFAULTS)) {
      const rule = new RegExp(
        `^${prefix.replace(/[()[\]|.*+?^$\\]/g, '\\$&')} [^{]*text\\.${cls}(?=[,){])[^{]*\\{([^}]*)\\}`,
        'm',
      );
      const body = rule.exec(rules)?.[1] ?? '';
      for (const [prop, value] of Object.entries(props)) expect(body, `.${cls} ${prop}`).toContain(`${prop}:${value}`);
    }
    expect(rules).toContain(`${prefix} text{font-weight:400!important}`);
  });

  it('keeps a label whose alignment differs from its class, as an inline style that beats the shared rule', () => {
    const svg =
      '<svg id="d" aria-roledescription="sequence"><text x="1" class="noteText" text-anchor="start" dominant-baseline="middle" style="font-size: 17px; font-weight: 700;">a</text></svg>';
    const out = optimize(svg, 'd').svg;
    expect(out).toBe(
      '<svg id="d" aria-roledescription="sequence"><text x="1" class="noteText" style="font-weight:700!important;text-anchor:start">a</text></svg>',
    );
  });

  it('leaves a sequence diagram’s labels what the page’s CSS cannot do: their words, at their place', () => {
    const sequences = cached.filter((c) => kindOf(c.svg) === 'sequence');
    for (const { file, svg, id } of sequences) {
      const out = optimize(svg, id).svg;
      // No dy="1em" (added to y), no lone <tspan>, no class on a note's box or label, no class nothing reads.
      expect(out, file).not.toMatch(/\sdy="1em"|<tspan|class="note(?:Text)?"/);
      for (const cls of UNREAD_CLASSES) expect(out, file).not.toMatch(new RegExp(`class="[^"]*\\b${cls}\\b`));
      // Every label moved down by exactly 1em, in document order.
      const ys = (s: string, dy: boolean) =>
        [...s.matchAll(/<text\s[^>]*>/g)].map((m) => {
          const y = Number(/\sy="([^"]+)"/.exec(m[0])?.[1]);
          return Math.round((dy && m[0].includes('dy="1em"') ? y + LABEL_PX : y) * 100) / 100;
        });
      expect(ys(out, false), file).toEqual(ys(svg, true));
    }
    // A label that a lone <tspan> does not explain keeps it: two lines, or a tspan elsewhere than the label.
    const two =
      '<svg id="d" aria-roledescription="sequence"><text x="1" y="2" dy="1em"><tspan x="1">a</tspan><tspan x="1" dy="1em">b</tspan></text></svg>';
    expect(optimize(two, 'd').svg).toBe(
      '<svg id="d" aria-roledescription="sequence"><text x="1" y="18"><tspan x="1">a</tspan><tspan x="1" dy="1em">b</tspan></text></svg>',
    );
    const aside = '<svg id="d" aria-roledescription="sequence"><text x="1" y="2"><tspan x="5">a</tspan></text></svg>';
    expect(optimize(aside, 'd').svg).toBe(aside);
  });

  it('adds to each label the 1em that diagrams.css makes 16 px, and drops only classes no stylesheet or script reads', () => {
    const labels = cssRules(DIAGRAMS_CSS).find((r) => r.startsWith('.diagram svg text,'));
    expect(labels).toContain(`font-size:${LABEL_PX}px!important`);
    // Nothing in the site's stylesheets selects them, and no script names them (as a selector or a class).
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? sources(join(dir, e.name)) : /\.(css|ts|astro|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
      );
    const files = sources('src').filter((f) => !f.endsWith('svg-optimize.ts'));
    const read = (ext: RegExp) =>
      files
        .filter((f) => ext.test(f))
        .map((f) => readFileSync(f, 'utf8'))
        .join('\n');
    const css = read(/\.css$/);
    const scripts = read(/\.(ts|astro|mjs)$/);
    const inCss = (cls: string) => new RegExp(`\\.${cls}(?![\\w-])|class[~*|^$]?=['"]?[^\\]]*\\b${cls}\\b`);
    const inScript = (cls: string) =>
      new RegExp(`\\.${cls}(?![\\w-])|class(?:Name|List)?\\W{0,20}['"\`][^'"\`]*\\b${cls}\\b`);
    // The checks find a class that is read.
    expect(css).toMatch(inCss('actor-line'));
    expect(scripts).toMatch(inScript('stepper-data'));
    for (const cls of UNREAD_CLASSES) {
      expect(css, cls).not.toMatch(inCss(cls));
      expect(scripts, cls).not.toMatch(inScript(cls));
    }
  });

  it('parses and writes back the markup unchanged, HTML labels in a foreignObject included', () => {
    const svg =
      '<svg id="d"><foreignObject width="1"><div xmlns="http://www.w3.org/1999/xhtml"><span class="x"></span>a<br>b &amp; c</div></foreignObject><g/></svg>';
    expect(serializeSvg(parseSvg(svg))).toBe(svg.replace('<br>', '<br>'));
    expect(() => parseSvg('<svg><g></svg>')).toThrow(/closes <g>/);
  });
});

describe('step marks on the optimised SVG', () => {
  const site = readSite('.');
  const uses = site.lessons.flatMap((lesson) =>
    lesson.outline.diagrams.map((d) => ({
      lang: (d.lang ?? lesson.lang) as 'zh' | 'en',
      scenario: d.scenario,
      from: d.from ?? 0,
    })),
  );
  it('marks the same notes and messages as on the cached SVG', () => {
    expect(uses.length).toBeGreaterThan(5);
    for (const { lang, scenario, from } of uses) {
      const { source, marks } = traceToMarkedMermaid(runScenario(site.scenarios.get(scenario)!), lang, { from });
      const key = cacheKey(source);
      const svg = readCached(key);
      if (!svg) continue; // the stepper tests report a missing cache file
      const out = markSteps(optimize(svg, `mmd-${key}`).svg, marks);
      const count = (s: string) => [...s.matchAll(/data-step="(\d+)"/g)].map((m) => m[1]);
      expect(count(out), `${scenario} ${lang}`).toEqual(count(markSteps(svg, marks)));
    }
  });
});

/**
 * Screenshots of `svg` in a diagram figure of a page styled as the site is, in the given theme and media;
 * `shared` adds mermaid.css (the optimised SVG needs it; the cached one carries its own stylesheet).
 * `stepping` fades the steps after the second and highlights the second, as the stepper does.
 */
async function shoot(
  page: import('playwright-core').Page,
  svg: string,
  opts: { shared: boolean; theme: 'light' | 'dark'; print?: boolean; stepping?: boolean },
): Promise<string> {
  const css = (opts.shared ? MERMAID_CSS : '') + DIAGRAMS_CSS.replace(/@import[^;]*;/, '') + STEPPER_CSS;
  await page.emulateMedia({ media: opts.print ? 'print' : 'screen' });
  await page.setContent(
    `<!doctype html><html data-theme="${opts.theme}"><head><style>body{margin:0;background:#888}${css}</style></head>` +
      `<body><figure class="diagram${opts.stepping ? ' stepping' : ''}"><div class="diagram-scroll">${svg}</div></figure></body></html>`,
  );
  if (opts.stepping)
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('svg [data-step]')) {
        const step = Number((el as HTMLElement).dataset.step);
        el.classList.add(step === 2 ? 'step-now' : step > 2 ? 'step-future' : 'step-past');
      }
    });
  await page.evaluate(() => document.fonts.ready);
  return (await page.locator('svg').first().screenshot()).toString('base64');
}

/** Pixels of two PNG screenshots that differ by more than a little anti-aliasing, as a share of the pixels. */
async function differingShare(page: import('playwright-core').Page, a: string, b: string): Promise<number> {
  return page.evaluate(
    async ([a, b]) => {
      const load = async (png: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${png}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, img.width, img.height);
      };
      const [x, y] = await Promise.all([load(a as string), load(b as string)]);
      if (x.width !== y.width || x.height !== y.height) return 1;
      let differ = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        let d = 0;
        for (let c = 0; c < 3; c++) d = Math.max(d, Math.abs((x.data[i + c] as number) - (y.data[i + c] as number)));
        if (d > 48) differ++;
      }
      return differ / (x.width * x.height);
    },
    [a, b],
  );
}

describe.skipIf(!findChromium())('the optimised SVG looks the same in Chromium', () => {
  const site = readSite('.');
  // Scenario diagrams with their step marks (the stepper styles them), and the hand-written state diagram.
  const scenarioCase = (scenario: string, lang: 'zh' | 'en') => {
    const { source, marks } = traceToMarkedMermaid(runScenario(site.scenarios.get(scenario)!), lang, { from: 0 });
    const key = cacheKey(source);
    const svg = readCached(key);
    if (!svg) throw new Error(`${scenario} (${lang}) is not in diagram-cache/: run npm run build`);
    return {
      name: `${scenario} ${lang}`,
      before: markSteps(svg, marks),
      after: markSteps(optimize(svg, `mmd-${key}`).svg, marks),
    };
  };
  const state = cached.find((c) => kindOf(c.svg) === 'stateDiagram')!;
  const cases = [
    scenarioCase('handshake', 'en'),
    scenarioCase('simultaneous-close', 'zh'),
    { name: 'state diagram', before: state.svg, after: optimize(state.svg, state.id).svg },
  ];

  it('in both themes, in print, and while stepping', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 800 } });
      for (const c of cases) {
        const views = [
          { theme: 'light' as const },
          { theme: 'dark' as const },
          { theme: 'dark' as const, print: true },
          { theme: 'light' as const, stepping: true },
        ];
        for (const view of views) {
          const before = await shoot(page, c.before, { ...view, shared: false });
          const after = await shoot(page, c.after, { ...view, shared: true });
          const share = await differingShare(page, before, after);
          expect(share, `${c.name} ${JSON.stringify(view)}`).toBeLessThan(0.001);
        }
      }
      // The comparison can fail: a diagram drawn without mermaid.css differs.
      const bare = await shoot(page, cases[0]!.after, { theme: 'light', shared: false });
      const right = await shoot(page, cases[0]!.after, { theme: 'light', shared: true });
      expect(await differingShare(page, bare, right)).toBeGreaterThan(0.001);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
