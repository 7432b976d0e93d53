/**
 * Highlighted code with classes instead of Shiki's per-token inline styles: each token's colour in the light
 * theme becomes a class `l<n>` and its colour in the dark theme `d<n>` (n: the colour's place in the theme's
 * palette), or one class `c<n>` when both have the same place, which code-colours.css defines once for the
 * whole site. Shiki's per-line wrapper spans go too. A token in the block's own colours in
 * both themes needs neither and is plain text inside its line, and neighbours with the same classes merge. Anything else Shiki
 * writes on a token (a font style) stays inline, as before.
 *
 *   <span class="line"><span style="color:#CF222E;--shiki-dark:#FF7B72">return</span>…</span>   becomes   <span class="c2">return</span>…
 *
 * Used by Markdown code fences (astro.config.mjs) and <CodeFile>. Pure, apart from loading the two themes.
 */
import type { Element, ElementContent } from 'hast';
import type { ShikiTransformer } from 'shiki';
import { bundledThemes } from 'shiki/themes';
import { CODE_THEMES } from '../../site.config.mjs';

type Mode = keyof typeof CODE_THEMES;

/** A theme's colours: its foreground first, then every token colour in the order the theme lists them, lower-case. */
async function palette(name: string): Promise<string[]> {
  const theme = (await bundledThemes[name as keyof typeof bundledThemes]()).default;
  const colours = [theme.fg, theme.colors?.['editor.foreground']];
  for (const rule of theme.tokenColors ?? theme.settings ?? []) colours.push(rule.settings?.foreground);
  return [...new Set(colours.filter((c): c is string => typeof c === 'string').map((c) => c.toLowerCase()))];
}

/** The palette of each theme: `{ "light": ["#1f2328", "#6e7781", …], "dark": ["#e6edf3", …] }`. */
export const CODE_PALETTE: Record<Mode, string[]> = {
  light: await palette(CODE_THEMES.light),
  dark: await palette(CODE_THEMES.dark),
};

/** The class prefix of each mode, and of a token with the same place in both palettes (the GitHub pair is parallel). */
const PREFIX: Record<Mode, string> = { light: 'l', dark: 'd' };
const SAME = 'c';

/** code-colours.css as it must read: a class per palette colour, the dark ones on screens in the dark theme only. Pure. */
export function codeColoursCss(): string {
  const shared = Math.min(CODE_PALETTE.light.length, CODE_PALETTE.dark.length);
  const rules = (mode: Mode, indent: string, scope: string) =>
    CODE_PALETTE[mode]
      .map((c, i) => {
        const selector = [`${scope}.astro-code .${PREFIX[mode]}${i}`];
        if (i < shared) selector.push(`${scope}.astro-code .${SAME}${i}`);
        return `${indent}${selector.join(`,\n${indent}`)} {\n${indent}  color: ${c};\n${indent}}\n`;
      })
      .join('');
  return (
    `/* Token colours of highlighted code (src/styles/code-classes.ts writes the classes; its test keeps this file\n` +
    `   equal to the themes' palettes). Screen only for the dark theme: paper always gets the light colours. */\n` +
    rules('light', '', '') +
    `@media screen {\n` +
    rules('dark', '  ', "html[data-theme='dark'] ") +
    `}\n`
  );
}

/** A token span's style as classes, and what stays inline; undefined when a colour is not in the palette. */
function tokenClasses(style: string): { classes: string[]; rest: string } | undefined {
  const index: Partial<Record<Mode, number>> = {};
  const rest: string[] = [];
  for (const decl of style.split(';')) {
    const colon = decl.indexOf(':');
    if (colon < 0) continue;
    const prop = decl.slice(0, colon).trim();
    const value = decl.slice(colon + 1).trim();
    const mode: Mode | undefined = prop === 'color' ? 'light' : prop === '--shiki-dark' ? 'dark' : undefined;
    if (mode) {
      index[mode] = CODE_PALETTE[mode].indexOf(value.toLowerCase());
      if (index[mode] < 0) return undefined;
    } else rest.push(`${prop}:${value}`);
  }
  const { light = 0, dark = 0 } = index;
  // Both classes or none: a token in the light foreground may still have its own dark colour, and the reverse.
  const classes =
    light === dark ? (light === 0 ? [] : [`${SAME}${light}`]) : [`${PREFIX.light}${light}`, `${PREFIX.dark}${dark}`];
  return { classes, rest: rest.join(';') };
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

const sameSpan = (a: Element, b: Element) =>
  String(a.properties.className ?? '') === String(b.properties.className ?? '') &&
  Object.keys(a.properties).join() === Object.keys(b.properties).join() &&
  a.properties.style === b.properties.style;

/** The Shiki transformer (see the file comment). */
export const codeClasses: ShikiTransformer = {
  name: 'hello-tcp:code-classes',
  // Nothing styles or reads Shiki's per-line wrapper spans: the lines are the code's own newlines.
  code(code) {
    const out: ElementContent[] = [];
    for (const child of code.children) {
      const inner = child.type === 'element' && hasClass(child, 'line') ? child.children : [child];
      for (const c of inner) {
        const last = out[out.length - 1];
        if (c.type === 'text' && last?.type === 'text') last.value += c.value;
        else out.push(c);
      }
    }
    code.children = out;
  },
  line(line) {
    const out: ElementContent[] = [];
    for (const child of line.children) {
      if (child.type !== 'element' || child.tagName !== 'span' || typeof child.properties.style !== 'string') {
        out.push(child);
        continue;
      }
      const converted = tokenClasses(child.properties.style);
      if (!converted) {
        out.push(child);
        continue;
      }
      const { classes, rest } = converted;
      if (classes.length === 0 && rest === '') {
        // The block's own colours: plain text, joined to plain text before it.
        for (const c of child.children) {
          const last = out[out.length - 1];
          if (c.type === 'text' && last?.type === 'text') last.value += c.value;
          else out.push(c);
        }
        continue;
      }
      const span: Element = { ...child, properties: { ...(classes.length > 0 && { className: classes }) } };
      if (rest) span.properties.style = rest;
      const prev = out[out.length - 1];
      if (prev?.type === 'element' && prev.tagName === 'span' && sameSpan(prev, span))
        prev.children.push(...span.children);
      else out.push(span);
    }
    line.children = out;
  },
};
