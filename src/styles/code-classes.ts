/**
 * Highlighted code without Shiki's inline styles. A token whose colour has the same place n in both themes'
 * palettes (all of them with the GitHub pair, which is parallel) becomes a `<c-n>` element, coloured by
 * code-colours.css, which this file also writes; a token in the block's own colours in both themes needs no
 * element and is plain text. Neighbouring tokens of one colour merge into one element, across whitespace and
 * line ends (whitespace has no ink, so its colour cannot show). The block's own colours move from the
 * <pre>'s style to the stylesheet too, and Shiki's per-line wrapper spans go.
 *
 *   <span class="line"><span style="color:#CF222E;--shiki-dark:#FF7B72">return</span>…</span>   becomes   <c-2>return</c-2>…
 *
 * Why an element rather than `<span class="c2">`: a lesson's listings hold thousands of tokens (lesson 1:
 * about 2,000), and per token `<c-2>…</c-2>` is 11 bytes where the span is 24. A name with a hyphen is a
 * valid custom element that no script defines: inline, with no meaning, to the browser and to assistive
 * technology exactly what a span is. The rare token whose two colours have different places keeps a span
 * with one class per theme (`l<n> d<m>`), and anything else Shiki writes on a token (a font style) stays
 * inline on a span, as before.
 *
 * Used by Markdown code fences (astro.config.mjs) and <CodeFile>. Pure, apart from loading the two themes.
 */
import type { Element, ElementContent } from 'hast';
import type { ShikiTransformer } from 'shiki';
import { normalizeTheme } from 'shiki/core';
import { bundledThemes } from 'shiki/themes';
import { CODE_THEMES } from '../../site.config.mjs';
import { tokenTag } from './code-tokens';

export { tokenPlace, tokenTag } from './code-tokens';

type Mode = keyof typeof CODE_THEMES;

const theme = async (name: string) =>
  normalizeTheme((await bundledThemes[name as keyof typeof bundledThemes]()).default);

/** A theme's colours: its foreground first, then every token colour in the order the theme lists them, lower-case. */
async function palette(name: string): Promise<string[]> {
  const raw = (await bundledThemes[name as keyof typeof bundledThemes]()).default;
  const colours = [raw.fg, raw.colors?.['editor.foreground']];
  for (const rule of raw.tokenColors ?? raw.settings ?? []) colours.push(rule.settings?.foreground);
  return [...new Set(colours.filter((c): c is string => typeof c === 'string').map((c) => c.toLowerCase()))];
}

/** The palette of each theme: `{ "light": ["#1f2328", "#6e7781", …], "dark": ["#e6edf3", …] }`. */
export const CODE_PALETTE: Record<Mode, string[]> = {
  light: await palette(CODE_THEMES.light),
  dark: await palette(CODE_THEMES.dark),
};

/** A code block's own colours in each theme, as Shiki writes them on the <pre>: `{ "light": { "fg": "#1f2328", "bg": "#ffffff" }, … }`. */
export const CODE_BLOCK: Record<Mode, { fg: string; bg: string }> = Object.fromEntries(
  await Promise.all(
    (Object.keys(CODE_THEMES) as Mode[]).map(async (mode) => {
      const { fg, bg } = await theme(CODE_THEMES[mode]);
      return [mode, { fg: fg.toLowerCase(), bg: bg.toLowerCase() }];
    }),
  ),
) as Record<Mode, { fg: string; bg: string }>;

/** The class prefix of each mode, for a token whose colours have different places in the two palettes. */
const PREFIX: Record<Mode, string> = { light: 'l', dark: 'd' };

/** code-colours.css as it must read: the blocks' colours and one rule per palette colour, dark ones on screens only. Pure. */
export function codeColoursCss(): string {
  const shared = Math.min(CODE_PALETTE.light.length, CODE_PALETTE.dark.length);
  const block = (mode: Mode, indent: string, scope: string) =>
    `${indent}${scope}.astro-code {\n${indent}  background-color: ${CODE_BLOCK[mode].bg};\n${indent}  color: ${CODE_BLOCK[mode].fg};\n${indent}}\n`;
  const rules = (mode: Mode, indent: string, scope: string) =>
    CODE_PALETTE[mode]
      .map((c, i) => {
        const selector = [`${scope}.astro-code .${PREFIX[mode]}${i}`];
        if (i < shared) selector.push(`${scope}.astro-code ${tokenTag(i)}`);
        return `${indent}${selector.join(`,\n${indent}`)} {\n${indent}  color: ${c};\n${indent}}\n`;
      })
      .join('');
  return (
    `/* Colours of highlighted code (src/styles/code-classes.ts writes the elements and classes; its test keeps\n` +
    `   this file equal to the themes). Screen only for the dark theme: paper always gets the light colours. */\n` +
    block('light', '', '') +
    rules('light', '', '') +
    `@media screen {\n` +
    block('dark', '  ', "html[data-theme='dark'] ") +
    rules('dark', '  ', "html[data-theme='dark'] ") +
    `}\n`
  );
}

/** A style attribute as [property, value] pairs. Pure. */
const declarations = (style: string) =>
  style
    .split(';')
    .filter((d) => d.includes(':'))
    .map((d) => [d.slice(0, d.indexOf(':')).trim(), d.slice(d.indexOf(':') + 1).trim()] as const);

/** A token span's style as an element, or undefined when a colour is not in the palette (it then stays as it is). */
function tokenElement(style: string, children: ElementContent[]): Element | ElementContent[] | undefined {
  const index: Partial<Record<Mode, number>> = {};
  const rest: string[] = [];
  for (const [prop, value] of declarations(style)) {
    const mode: Mode | undefined = prop === 'color' ? 'light' : prop === '--shiki-dark' ? 'dark' : undefined;
    if (mode) {
      index[mode] = CODE_PALETTE[mode].indexOf(value.toLowerCase());
      if (index[mode] < 0) return undefined;
    } else rest.push(`${prop}:${value}`);
  }
  const { light = 0, dark = 0 } = index;
  // The block's own colours: plain text.
  if (light === 0 && dark === 0 && rest.length === 0) return children;
  if (light === dark && rest.length === 0)
    return { type: 'element', tagName: tokenTag(light), properties: {}, children };
  // A span then, with both classes or none: a token in the light foreground may still have its own dark
  // colour, and the reverse.
  const className = light === 0 && dark === 0 ? [] : [`${PREFIX.light}${light}`, `${PREFIX.dark}${dark}`];
  const properties: Element['properties'] = {};
  if (className.length > 0) properties.className = className;
  if (rest.length > 0) properties.style = rest.join(';');
  return { type: 'element', tagName: 'span', properties, children };
}

// Shiki names the property `class`; other hast tools write `className`.
const hasClass = (el: Element, name: string) => {
  const cls = el.properties.className ?? el.properties.class;
  return Array.isArray(cls)
    ? cls.includes(name)
    : String(cls ?? '')
        .split(/\s+/)
        .includes(name);
};

const sameToken = (a: Element, b: Element) =>
  a.tagName === b.tagName &&
  JSON.stringify(a.properties) === JSON.stringify(b.properties) &&
  // A styled span may underline or strike through: its whitespace shows, so it never absorbs any.
  a.properties.style === undefined;

const isBlank = (node: ElementContent | undefined) => node?.type === 'text' && node.value.trim() === '';

/** Appends `node` to `out`, joining text to text and a token to the same token before it, across whitespace. */
function append(out: ElementContent[], node: ElementContent): void {
  const last = out[out.length - 1];
  if (node.type === 'text') {
    if (last?.type === 'text') last.value += node.value;
    else out.push(node);
    return;
  }
  if (node.type === 'element') {
    const gap = isBlank(last) ? (last as { value: string }).value : '';
    const before = out[out.length - (gap ? 2 : 1)];
    if (before?.type === 'element' && sameToken(before, node)) {
      if (gap) {
        out.pop();
        append(before.children, { type: 'text', value: gap });
      }
      for (const c of node.children) append(before.children, c);
      return;
    }
  }
  out.push(node);
}

/** The Shiki transformer (see the file comment). */
export const codeClasses: ShikiTransformer = {
  name: 'hello-tcp:code-classes',
  pre(pre) {
    // The block's colours are the stylesheet's (codeColoursCss); `overflow-x: auto` is every <pre>'s (global.css).
    const style = String(pre.properties.style ?? '');
    const kept: string[] = [];
    for (const [prop, value] of declarations(style)) {
      const mode: Mode = prop.startsWith('--shiki-dark') ? 'dark' : 'light';
      const expected = { color: 'fg', 'background-color': 'bg', '--shiki-dark': 'fg', '--shiki-dark-bg': 'bg' }[
        prop
      ] as 'fg' | 'bg' | undefined;
      if (expected) {
        if (value.toLowerCase() !== CODE_BLOCK[mode][expected])
          throw new Error(
            `code-classes: a code block drawn with ${prop}:${value}, not the ${CODE_THEMES[mode]} theme's ${CODE_BLOCK[mode][expected]}; highlight it with CODE_THEMES (site.config.mjs).`,
          );
      } else if (!(prop === 'overflow-x' && value === 'auto')) kept.push(`${prop}:${value}`);
    }
    if (kept.length > 0) pre.properties.style = kept.join(';');
    else delete pre.properties.style;
  },
  // Nothing styles or reads Shiki's per-line wrapper spans: the lines are the code's own newlines.
  code(code) {
    const out: ElementContent[] = [];
    for (const child of code.children) {
      const inner = child.type === 'element' && hasClass(child, 'line') ? child.children : [child];
      for (const c of inner) append(out, c);
    }
    code.children = out;
  },
  line(line) {
    const out: ElementContent[] = [];
    for (const child of line.children) {
      if (child.type !== 'element' || child.tagName !== 'span') {
        append(out, child);
        continue;
      }
      // Plain text has bare spans (no colour, no style): they draw nothing.
      if (Object.keys(child.properties).length === 0) {
        for (const c of child.children) append(out, c);
        continue;
      }
      if (typeof child.properties.style !== 'string') {
        append(out, child);
        continue;
      }
      const converted = tokenElement(child.properties.style, child.children);
      if (converted === undefined) out.push(child);
      else if (Array.isArray(converted)) for (const c of converted) append(out, c);
      else append(out, converted);
    }
    line.children = out;
  },
};
