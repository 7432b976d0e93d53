// Code colours in the stylesheet (src/styles/code-classes.ts): every visible character of every lesson's code
// gets the same light and dark colours as Shiki's inline styles gave it, and code-colours.css defines every
// element and class used.
import { readFileSync } from 'node:fs';
import type { Element, ElementContent, Root } from 'hast';
import { codeToHast } from 'shiki';
import { describe, expect, it } from 'vitest';
import { CODE_BLOCK, CODE_PALETTE, codeClasses, codeColoursCss, tokenPlace } from '~/styles/code-classes';
import { CODE_THEMES } from '../../support/code-themes';
import { lessonCodeBlocks, lessonFiles } from '../../support/lessons';

const blocks = lessonFiles().flatMap((l) => lessonCodeBlocks(l.file));
const highlight = (code: string, lang: string, transformers = [codeClasses]) =>
  // No time limit per line: under load, Shiki would otherwise leave the rest of a slow line plain in one
  // run and not the other, and the comparison would see two different highlightings.
  codeToHast(code, { lang, themes: CODE_THEMES, defaultColor: 'light', transformers, tokenizeTimeLimit: 60_000 });

/**
 * [light, dark] colour of each visible character of the code, as the page would draw it: inline styles first,
 * then the stylesheet's (the block's own colours, a `<c-n>` element, `l<n>`/`d<n>` classes). Whitespace has no
 * ink, so the colour it is given cannot show and is not compared. Pure.
 */
function colours(root: Root): string[] {
  const pre = root.children[0] as Element;
  const style = (el: Element) =>
    Object.fromEntries(
      String(el.properties.style ?? '')
        .split(';')
        .filter((d) => d.includes(':'))
        .map((d) => [
          d.slice(0, d.indexOf(':')).trim(),
          d
            .slice(d.indexOf(':') + 1)
            .trim()
            .toLowerCase(),
        ]),
    );
  const out: string[] = [];
  const visit = (node: ElementContent | Element, light: string, dark: string) => {
    if (node.type === 'text') {
      for (const ch of node.value) if (ch.trim() !== '') out.push(`${ch} ${light} ${dark}`);
      return;
    }
    if (node.type !== 'element') return;
    const s = style(node);
    let [l, d] = [s.color ?? light, s['--shiki-dark'] ?? dark];
    const place = tokenPlace(node.tagName);
    if (place !== undefined)
      [l, d] = [CODE_PALETTE.light[place] ?? `no c-${place}`, CODE_PALETTE.dark[place] ?? `no c-${place}`];
    for (const c of (node.properties.className as string[] | undefined) ?? []) {
      const m = /^([ld])(\d+)$/.exec(c);
      if (m) {
        const [light, dark] = [CODE_PALETTE.light[Number(m[2])], CODE_PALETTE.dark[Number(m[2])]];
        if (m[1] === 'l') l = light ?? `no ${c}`;
        else d = dark ?? `no ${c}`;
      }
    }
    for (const child of node.children) visit(child, l, d);
  };
  visit(pre, CODE_BLOCK.light.fg, CODE_BLOCK.dark.fg);
  return out;
}

describe('code colours as classes', () => {
  it('code-colours.css is what the palettes give (regenerate it from codeColoursCss() when the themes change)', () => {
    const squash = (css: string) => css.replace(/\s+/g, ' ').trim();
    expect(squash(readFileSync('src/styles/code-colours.css', 'utf8'))).toBe(squash(codeColoursCss()));
    expect(CODE_PALETTE.light.length).toBeGreaterThan(5);
    expect(CODE_PALETTE.dark.length).toBeGreaterThan(5);
  });

  it('finds the lessons’ code blocks', () => {
    expect(blocks.length).toBeGreaterThan(5);
  });

  it.each(blocks)('$source ($lang): same colours per character, no colour left inline', async ({ code, lang }) => {
    const inline = await highlight(code, lang, []);
    const classed = await highlight(code, lang);
    expect(colours(classed)).toEqual(colours(inline));
    const elements: Element[] = [];
    const walk = (n: ElementContent | Element | Root) => {
      if (n.type === 'element') elements.push(n);
      if ('children' in n) for (const c of n.children) walk(c as ElementContent);
    };
    walk(classed);
    // Neither the block nor any token keeps an inline colour, and no line wrapper is left.
    for (const e of elements)
      expect(String(e.properties.style ?? '')).not.toMatch(
        /(?:^|;)\s*(?:color|background-color|--shiki-dark(?:-bg)?)\s*:/,
      );
    expect(elements.filter((e) => /\bline\b/.test(String(e.properties.className ?? e.properties.class)))).toEqual([]);
    const tokens = elements.filter((e) => tokenPlace(e.tagName) !== undefined);
    // Plain text is one colour: nothing inside <code> but the text itself.
    if (lang === 'text') expect(elements.map((e) => e.tagName)).toEqual(['pre', 'code']);
    else expect(tokens.length).toBeGreaterThan(0);
    // Every token element holds text of its own colour, and never sits next to one of the same colour with
    // only whitespace between them (they would have merged).
    const html = (await import('hast-util-to-html')).toHtml(classed);
    expect(html).not.toMatch(/<\/(c-\d+)>\s*<\1>/);
  });

  it('writes fewer bytes than inline styles', async () => {
    const { toHtml } = await import('hast-util-to-html');
    let before = 0;
    let after = 0;
    for (const { code, lang } of blocks) {
      before += toHtml(await highlight(code, lang, [])).length;
      after += toHtml(await highlight(code, lang)).length;
    }
    expect(after).toBeLessThan(before * 0.4);
  });
});
