/**
 * The last step before a diagram's SVG goes into a page: what every diagram repeats moves out, and
 * what nothing reads is dropped, with no change to what the reader sees (tests/unit/diagrams/
 * svg-optimize.test.ts compares screenshots of the SVG before and after).
 *
 * - Mermaid's `<style>`, the same in every diagram of a kind apart from the `#id` it is scoped to,
 *   is served once in mermaid.css, scoped to the kind instead (see MERMAID_CSS_PREFIX); a rule
 *   mermaid.css lacks stays in the diagram.
 * - Rules of that `<style>` that need a class no element of the diagram has (Mermaid writes rules for
 *   every feature of a kind: animated edges, error icons…).
 * - Symbols, markers, gradients and element ids nothing refers to, Mermaid's bookkeeping attributes
 *   (`data-id`, `data-from`, `name`…), empty groups, and the `xmlns` an inline SVG and the HTML of its
 *   labels do not need.
 * - Presentation attributes a stylesheet rule overrides anyway (a note's `fill` under `.note{fill:…}`),
 *   inline fonts that diagrams.css overrides with `!important`, and the text alignment every label of
 *   a class shares, which mermaid.css then sets once (TEXT_DEFAULTS).
 * - In a sequence diagram, what the page's CSS does for every label: a label's `dy="1em"` joins its `y`,
 *   a lone `<tspan>` gives way to its words, a note's box and label lose their classes (mermaid.css
 *   finds them as the rect and text of their note group), and classes nothing reads go (UNREAD_CLASSES).
 * - Numbers rounded to two decimals.
 *
 * Each diagram keeps its own arrowhead `<marker>`: a url(#…) may point into another SVG of the page, but a
 * marker's contents inherit their style from the marker's ancestors, not from the line that uses it (SVG
 * painting, markers; WPT svg/painting/marker-002.svg), so one marker shared by the page would not follow a
 * figure's projector or print colours, and would vanish with the figure that holds it whenever
 * content-visibility skips that figure (diagrams.css). `context-stroke` would follow the line, but also turn
 * the current step's arrowhead to the highlight colour: a visible change.
 *
 * Applied to the cached SVG (after svg-theme.ts, before the stepper marks), so diagram-cache/ keeps
 * the SVG as rendered and its keys do not change. Pure; the stylesheet is passed in.
 */

/** An element of the SVG tree; text is kept as written (already escaped). */
interface Element {
  name: string;
  attrs: Map<string, string>;
  children: (Element | string)[];
}

/** Where the shared rules of a diagram kind apply: `:is()` keeps the id-level specificity of Mermaid's `#id` scope. */
export function mermaidCssPrefix(kind: string): string {
  return `:is(#mermaid-${kind},svg[aria-roledescription='${kind}'])`;
}

/**
 * Label alignment that every text of a class in a sequence diagram shares: dropped from each label
 * and set once in mermaid.css (a label that differs keeps its own value as an inline style, which
 * beats the shared rule).
 */
export const TEXT_DEFAULTS: Record<string, Record<string, string>> = {
  noteText: { 'text-anchor': 'middle', 'dominant-baseline': 'middle', 'alignment-baseline': 'middle' },
  messageText: { 'text-anchor': 'middle', 'dominant-baseline': 'middle', 'alignment-baseline': 'middle' },
  actor: { 'text-anchor': 'middle', 'dominant-baseline': 'central', 'alignment-baseline': 'central' },
};

/**
 * The size of every diagram label: diagrams.css sets `font-size: 16px !important` on each, so a label's
 * `dy="1em"` is 16 units of the SVG, added to its `y` instead (tests/unit/diagrams/svg-optimize.test.ts
 * reads diagrams.css to hold the two together).
 */
export const LABEL_PX = 16;

/**
 * Classes of a sequence diagram that no stylesheet and no script reads (the test checks the site's CSS):
 * dropped. A note's `note` and `noteText` go too (NOTE_PARTS): mermaid.css styles a note group's parts.
 */
export const UNREAD_CLASSES = new Set(['actor-top', 'actor-bottom', 'actor-box', '200']);

/** The class of each part of a sequence diagram's note group, which mermaid.css finds by its place instead. */
const NOTE_PARTS: Record<string, string> = { rect: 'note', text: 'noteText' };

/** Inline font declarations diagrams.css overrides with `!important` on every diagram label. */
const OVERRIDDEN_FONT = new Set(['font-family', 'font-size']);
/** Kept on these elements because the stepper marks (stepper/marks.ts) find notes by it. */
const KEEP_DATA_ET = 'note';
const BOOKKEEPING = /^(?:data-(?:id|from|to|type|et|edge|points|look)|name)$/;
const GEOMETRY = new Set(['x', 'y', 'x1', 'y1', 'x2', 'y2', 'width', 'height', 'd', 'transform', 'viewBox', 'points']);
const PRESENTATION = new Set(['fill', 'stroke', 'stroke-width', 'stroke-dasharray']);
const VOID = new Set(['br']);

const ENTITIES: Record<string, string> = { gt: '>', lt: '<', quot: '"', apos: "'", amp: '&' };
const decodeEntities = (text: string) =>
  !text.includes('&')
    ? text
    : text.replace(
        /&(?:(gt|lt|quot|apos|amp)|#(\d+)|#x([0-9a-fA-F]+));/g,
        (_, name?: string, dec?: string, hex?: string) =>
          name ? (ENTITIES[name] as string) : String.fromCodePoint(dec ? Number(dec) : parseInt(hex as string, 16)),
      );

// ---------------------------------------------------------------------------------------------
// A minimal parser for the SVG Mermaid serialises (every attribute double-quoted, `<br>` in labels)

const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:.-]*)((?:\s+[^\s=/>]+="[^"]*")*)\s*(\/?)>|[^<]+/g;
const ATTR = /([^\s=/>]+)="([^"]*)"/g;

/** Parses the SVG into a tree; throws on a tag it cannot match. Pure. */
export function parseSvg(svg: string): Element {
  const root: Element = { name: '#root', attrs: new Map(), children: [] };
  const stack = [root];
  for (const m of svg.matchAll(TOKEN)) {
    const [whole, close, name, attrText, selfClose] = m;
    const top = stack[stack.length - 1] as Element;
    if (whole.startsWith('<!--')) continue;
    if (name === undefined) {
      if (whole.startsWith('<')) throw new Error(`cannot read the SVG at ${m.index}: ${whole.slice(0, 40)}`);
      top.children.push(whole);
    } else if (close) {
      if (top.name !== name) throw new Error(`cannot read the SVG: </${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const el: Element = { name, attrs: new Map(), children: [] };
      for (const a of (attrText ?? '').matchAll(ATTR)) el.attrs.set(a[1] as string, decodeEntities(a[2] as string));
      top.children.push(el);
      if (!selfClose && !VOID.has(name)) stack.push(el);
    }
  }
  if (stack.length !== 1) throw new Error(`cannot read the SVG: <${(stack.pop() as Element).name}> is not closed`);
  const svgEl = root.children.find((c): c is Element => typeof c !== 'string' && c.name === 'svg');
  if (!svgEl) throw new Error('cannot read the SVG: no <svg> element');
  return svgEl;
}

/** The markup of a tree: empty SVG elements self-close; HTML inside a foreignObject keeps its end tags. Pure. */
export function serializeSvg(el: Element, html = false): string {
  const attrs = [...el.attrs].map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join('');
  if (VOID.has(el.name)) return `<${el.name}${attrs}>`;
  const inner = el.children
    .map((c) => (typeof c === 'string' ? c : serializeSvg(c, html || el.name === 'foreignObject')))
    .join('');
  if (inner === '' && !html) return `<${el.name}${attrs}/>`;
  return `<${el.name}${attrs}>${inner}</${el.name}>`;
}

// ---------------------------------------------------------------------------------------------
// Stylesheets

/** One rule at the top level of a stylesheet, whitespace-normalised: `sel{decl;decl}` or `@keyframes x{…}`. */
function canonicalRule(rule: string): string {
  return rule
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/"/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .replace(/:\s+/g, ':')
    .replace(/\s*!important/g, '!important')
    .trim();
}

/** The top-level rules of a stylesheet, canonical (see canonicalRule). Pure. */
export function cssRules(css: string): string[] {
  const rules: string[] = [];
  let depth = 0;
  let start = 0;
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) {
      rules.push(canonicalRule(text.slice(start, i + 1)));
      start = i + 1;
    }
  }
  return rules.filter((r) => r !== '');
}

/** Rules Mermaid writes that never apply to this site's diagrams (the "neo" look, a `:root` under an id). */
const NEVER_APPLIES = /data-look='neo'|:root/;

/**
 * Whether a canonical rule can match anything in a diagram whose elements carry the classes `present`: a
 * selector that needs a class no element has matches nothing (Mermaid writes rules for every feature of a
 * kind, animated edges and error icons included). Classes inside a functional pseudo-class (`:not(.a)`,
 * `:is(.a,.b)`) are not required, so they do not count; @-rules are kept (see usedKeyframes). Pure.
 */
export function canMatch(rule: string, present: Set<string>): boolean {
  if (rule.startsWith('@')) return true;
  const selectors = rule.slice(0, rule.indexOf('{'));
  // Commas inside :is()/:not() do not separate selectors: drop those parts first, then split.
  const plain = selectors.replace(/:[\w-]+\([^()]*\)/g, '');
  return plain.split(',').some((sel) => [...sel.matchAll(/\.([\w-]+)/g)].every((m) => present.has(m[1] as string)));
}

/** `rules` less the `@keyframes` no other of them animates with (Mermaid's edge animations, once their rules go). Pure. */
function usedKeyframes(rules: string[]): string[] {
  const animations = rules.filter((r) => !r.startsWith('@')).join('');
  return rules.filter((r) => {
    const name = /^@keyframes\s+([\w-]+)/.exec(r)?.[1];
    return name === undefined || new RegExp(`animation(?:-name)?:[^;}]*\\b${name}\\b`).test(animations);
  });
}

/**
 * Simple rules of the shared sheet (`PREFIX .class`, `PREFIX tag`, `PREFIX tag.class`) and the
 * properties each sets: a presentation attribute of a matching element is overridden by it.
 */
function simpleRules(shared: Set<string>, prefix: string): { tag?: string; cls?: string; props: Set<string> }[] {
  const out: { tag?: string; cls?: string; props: Set<string> }[] = [];
  const canonPrefix = canonicalRule(prefix);
  for (const rule of shared) {
    const brace = rule.indexOf('{');
    const props = new Set(
      rule
        .slice(brace + 1, -1)
        .split(';')
        .map((d) => d.slice(0, d.indexOf(':'))),
    );
    for (const sel of rule.slice(0, brace).split(canonPrefix).join('§').split(',')) {
      if (!sel.startsWith('§ ')) continue;
      const m = /^([a-z]+)?(?:\.([\w-]+))?$/.exec(sel.slice(2));
      if (m && (m[1] || m[2])) out.push({ ...(m[1] && { tag: m[1] }), ...(m[2] && { cls: m[2] }), props });
    }
  }
  return out;
}

// The shared sheet read once per build, not once per diagram.
let parsed: { css: string; shared: Set<string>; simple: Map<string, ReturnType<typeof simpleRules>> } | undefined;
function sheet(css: string, prefix: string): { shared: Set<string>; simple: ReturnType<typeof simpleRules> } {
  if (parsed?.css !== css) parsed = { css, shared: new Set(cssRules(css)), simple: new Map() };
  let simple = parsed.simple.get(prefix);
  if (!simple) parsed.simple.set(prefix, (simple = simpleRules(parsed.shared, prefix)));
  return { shared: parsed.shared, simple };
}

// ---------------------------------------------------------------------------------------------

const styleDecls = (style: string) =>
  style
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => {
      const colon = d.indexOf(':');
      return [d.slice(0, colon).trim(), d.slice(colon + 1).trim()] as [string, string];
    });

const round = (value: string) =>
  value.includes('.') ? value.replace(/-?\d*\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100 || 0)) : value;

function walk(el: Element, visit: (el: Element, parent: Element | undefined) => void, parent?: Element): void {
  visit(el, parent);
  for (const c of el.children) if (typeof c !== 'string') walk(c, visit, el);
}

/**
 * A sequence diagram's label made lighter, with no change on screen: `dy="1em"` added to its `y` (see
 * LABEL_PX), and a lone `<tspan>` at the label's own `x` (Mermaid wraps each line in one) replaced by its
 * words, which the label's own rules then style (mermaid.css).
 */
function unwrapLabel(text: Element): void {
  const y = text.attrs.get('y');
  if (text.attrs.get('dy') === '1em' && y !== undefined && Number.isFinite(Number(y))) {
    text.attrs.set('y', String(Number(y) + LABEL_PX));
    text.attrs.delete('dy');
  }
  const [only, ...rest] = text.children;
  if (rest.length > 0 || only === undefined || typeof only === 'string' || only.name !== 'tspan') return;
  const own = [...only.attrs].filter(([name, value]) => !(name === 'dy' && value === '0'));
  const atLabel = own.length === 1 && own[0]![0] === 'x' && own[0]![1] === text.attrs.get('x');
  if (atLabel && only.children.every((c) => typeof c === 'string')) text.children = only.children;
}

/** The result of optimizeSvg: the SVG, and the Mermaid rules the shared sheet lacked (kept in the SVG). */
export interface Optimized {
  svg: string;
  /** Canonical rules left in the diagram's own `<style>`: empty when mermaid.css has them all. */
  unsharedRules: string[];
}

/**
 * Optimises one themed SVG whose every id contains `id` (see pageSvg), given the shared stylesheet
 * (mermaid.css). Pure.
 */
export function optimizeSvg(svg: string, id: string, sharedCss: string): Optimized {
  const root = parseSvg(svg);
  const kind = root.attrs.get('aria-roledescription') ?? '';
  const prefix = mermaidCssPrefix(kind);
  const { shared, simple } = sheet(sharedCss, prefix);
  const unsharedRules: string[] = [];
  // Ids that something refers to: url(#…), href="#…", aria-labelledby/-describedby.
  const referenced = new Set<string>();
  const note = (text: string) => {
    for (const m of text.matchAll(/url\(#([^)]+)\)|^#(.+)$/g)) referenced.add((m[1] ?? m[2]) as string);
  };

  // 1. Mermaid's stylesheet: the rules mermaid.css holds go, and those that can match nothing here; the others stay.
  const present = new Set<string>();
  walk(root, (el) => {
    for (const c of (el.attrs.get('class') ?? '').split(/\s+/)) if (c) present.add(c);
  });
  walk(root, (el) => {
    el.children = el.children.filter((c) => {
      if (typeof c === 'string' || c.name !== 'style') return true;
      const css = decodeEntities(c.children.join('')).split(`#${id}`).join(prefix);
      const left = usedKeyframes(
        cssRules(css).filter((r) => !shared.has(r) && !NEVER_APPLIES.test(r) && canMatch(r, present)),
      );
      unsharedRules.push(...left);
      if (left.length === 0) return false;
      c.children = [left.join('').split(prefix).join(`#${id}`).replace(/>/g, '&gt;')];
      return true;
    });
  });
  for (const rule of unsharedRules) note(rule);

  // 2. Per element: attributes nothing reads, overridden presentation attributes, inline fonts.
  walk(root, (el, parent) => {
    const classes = (el.attrs.get('class') ?? '').split(/\s+/).filter(Boolean);
    // An inline SVG needs no namespace, nor does the HTML of a label: inside <foreignObject> the page's HTML
    // parser makes HTML elements anyway.
    if ((el.name === 'svg' && !parent) || parent?.name === 'foreignObject') el.attrs.delete('xmlns');
    for (const name of [...el.attrs.keys()]) {
      if (BOOKKEEPING.test(name) && !(name === 'data-et' && el.attrs.get(name) === KEEP_DATA_ET)) el.attrs.delete(name);
    }
    for (const name of PRESENTATION) {
      if (!el.attrs.has(name)) continue;
      const overridden = simple.some(
        (r) => r.props.has(name) && (!r.tag || r.tag === el.name) && (!r.cls || classes.includes(r.cls)),
      );
      if (overridden) el.attrs.delete(name);
    }
    if (el.name === 'tspan' && el.attrs.get('dy') === '0') el.attrs.delete('dy');
    if (el.name === 'text' && kind === 'sequence') unwrapLabel(el);
    // Inline styles: fonts diagrams.css overrides on text, a line's fill (a line has no inside),
    // the label alignment its class shares; the rest stays inline.
    const style = new Map(styleDecls(el.attrs.get('style') ?? ''));
    if (el.name === 'text') for (const p of OVERRIDDEN_FONT) style.delete(p);
    if (el.name === 'line') style.delete('fill');
    if (el.name === 'text' && kind === 'sequence') {
      // mermaid.css sets font-weight:400!important on sequence text, as Mermaid's inline style did.
      if (style.get('font-weight') === '400') style.delete('font-weight');
      else if (style.has('font-weight')) style.set('font-weight', `${style.get('font-weight')}!important`);
      const defaults = classes.map((c) => TEXT_DEFAULTS[c]).find(Boolean);
      if (defaults) {
        for (const [prop, value] of Object.entries(defaults)) {
          const own = style.get(prop) ?? el.attrs.get(prop);
          el.attrs.delete(prop);
          style.delete(prop);
          if (own !== undefined && own !== value) style.set(prop, own);
        }
      }
    }
    if (kind === 'sequence' && el.attrs.has('class')) {
      // What CSS finds without a class: a note's box and label are the rect and text of its note group (mermaid.css).
      const inNote = parent?.name === 'g' && parent.attrs.get('data-et') === KEEP_DATA_ET;
      const byPlace = inNote ? NOTE_PARTS[el.name] : undefined;
      const kept = classes.filter((c) => !UNREAD_CLASSES.has(c) && c !== byPlace);
      if (kept.length === 0) el.attrs.delete('class');
      else if (kept.length < classes.length) el.attrs.set('class', kept.join(' '));
    }
    if (el.attrs.has('style')) {
      if (style.size === 0) el.attrs.delete('style');
      else el.attrs.set('style', [...style].map(([k, v]) => `${k}:${v}`).join(';'));
    }
    for (const [name, value] of el.attrs) {
      if (name !== 'id' && value.includes('#')) note(value);
      if (name === 'aria-labelledby' || name === 'aria-describedby')
        for (const r of value.split(/\s+/)) referenced.add(r);
    }
  });

  // 3. A state diagram's labels and edges repeat the same inline styling: shared, it moves to the diagram's stylesheet.
  if (kind === 'stateDiagram') {
    const rules = hoistShared(root, id);
    const style = root.children.find((c): c is Element => typeof c !== 'string' && c.name === 'style');
    if (rules.length > 0 && style) {
      style.children.push(rules.join(''));
      unsharedRules.push(...rules);
      for (const rule of rules) note(rule);
    }
  }

  // 4. Drop what nothing refers to: ids, then defs entries without an id left, then empty groups.
  walk(root, (el, parent) => {
    if (parent && el.attrs.has('id') && !referenced.has(el.attrs.get('id') as string)) el.attrs.delete('id');
  });
  const prune = (el: Element): (Element | string)[] => {
    el.children = el.children.flatMap((c) => (typeof c === 'string' ? [c] : prune(c)));
    if (['symbol', 'marker', 'linearGradient', 'radialGradient', 'filter'].includes(el.name) && !el.attrs.has('id'))
      return [];
    if ((el.name === 'g' || el.name === 'defs') && el.children.length === 0) return [];
    // A group with no attributes left draws its children as they are.
    if (el.name === 'g' && el.attrs.size === 0) return el.children;
    return [el];
  };
  root.children = root.children.flatMap((c) => (typeof c === 'string' ? [c] : prune(c)));
  walk(root, (el) => {
    for (const [name, value] of el.attrs) if (GEOMETRY.has(name)) el.attrs.set(name, round(value));
  });
  // One <defs> for the markers left.
  const defs = root.children.filter((c): c is Element => typeof c !== 'string' && c.name === 'defs');
  if (defs.length > 1) {
    const first = defs[0] as Element;
    first.children = defs.flatMap((d) => d.children);
    root.children = root.children.filter((c) => typeof c === 'string' || c.name !== 'defs' || c === first);
  }
  return { svg: serializeSvg(root), unsharedRules };
}

/** Presentation attributes of an SVG element that a stylesheet can set (a marker as `marker-end: url(#…)`). */
const HOISTABLE_ATTRS = new Set(['marker-end', 'marker-start']);

/**
 * The declarations that every element of a kind shares, moved from the elements to a rule of the diagram's own
 * stylesheet: a state diagram's edges all carry `style="fill:none"` and the same arrowhead, and its labels' HTML
 * the same layout style (only the widths differ). A kind is the element's name and classes (or `:not([class])`),
 * with `foreignObject` before it for a label's HTML; the rule's selector, `#id` then the kind, outranks Mermaid's class rules as the
 * inline style did (diagrams.css sets only fonts here, with !important). Returns the rules; changes `root`. Pure.
 */
function hoistShared(root: Element, id: string): string[] {
  const kinds = new Map<string, Element[]>();
  walk(root, (el, parent) => {
    if (el.name === 'style' || el.name === 'svg') return;
    const classes = (el.attrs.get('class') ?? '').split(/\s+/).filter(Boolean);
    const html = parent?.name === 'foreignObject';
    if (classes.length === 0 && !html) return;
    // A kind without a class must not match the elements of a kind with one.
    const cls = classes.length > 0 ? classes.map((c) => `.${c}`).join('') : ':not([class])';
    const key = `${html ? 'foreignObject ' : ''}${el.name}${cls}`;
    kinds.set(key, [...(kinds.get(key) ?? []), el]);
  });
  const rules: string[] = [];
  for (const [key, els] of kinds) {
    if (els.length < 2) continue;
    const declsOf = (el: Element) => {
      const decls = new Map(styleDecls(el.attrs.get('style') ?? ''));
      for (const a of HOISTABLE_ATTRS) if (el.attrs.has(a)) decls.set(a, el.attrs.get(a) as string);
      return decls;
    };
    const [first, ...rest] = els.map(declsOf) as [Map<string, string>, ...Map<string, string>[]];
    const shared = [...first].filter(([k, v]) => rest.every((d) => d.get(k) === v));
    if (shared.length === 0) continue;
    for (const el of els) {
      const decls = declsOf(el);
      for (const [k] of shared) {
        decls.delete(k);
        el.attrs.delete(k);
      }
      const inline = [...decls].filter(([k]) => !HOISTABLE_ATTRS.has(k));
      if (inline.length === 0) el.attrs.delete('style');
      else el.attrs.set('style', inline.map(([k, v]) => `${k}:${v}`).join(';'));
    }
    rules.push(`#${id} ${key}{${shared.map(([k, v]) => `${k}:${v}`).join(';')}}`);
  }
  return rules;
}

/** The height of an SVG's viewBox, rounded up (diagrams.css sizes an off-screen figure by it), or undefined. Pure. */
export function svgHeight(svg: string): number | undefined {
  const box = /^<svg[^>]*\sviewBox="[-\d.]+ [-\d.]+ [\d.]+ ([\d.]+)"/.exec(svg);
  return box ? Math.ceil(Number(box[1])) : undefined;
}
