// Code colours, checked once here instead of on every page: each token of every code block the lessons show,
// highlighted with the site's two Shiki themes, against the block's background (WCAG 2 AA, 4.5:1 for text).
// The page-level accessibility pass leaves the code blocks out of axe's contrast run on this promise;
// tests/e2e/html.spec.ts checks that every highlighted block in the build uses these themes and that each
// lesson page has the blocks found here.
import { describe, expect, it } from 'vitest';
import { codeToTokens } from 'shiki';
import { CODE_THEMES } from '../../support/code-themes';
import { lessonCodeBlocks, lessonFiles } from '../../support/lessons';

/** sRGB "#rgb", "#rrggbb" or "#rrggbbaa" as [r, g, b, alpha], channels 0–255 and alpha 0–1. Pure. */
function rgba(hex: string): [number, number, number, number] {
  let h = hex.replace('#', '');
  if (h.length <= 4) h = [...h].map((c) => c + c).join('');
  const [r, g, b, a = 255] = (h.match(/../g) ?? []).map((x) => parseInt(x, 16));
  return [r!, g!, b!, a / 255];
}

/** WCAG 2 contrast ratio of `fg` drawn on the opaque `bg` (a translucent fg is blended onto it first). Pure. */
function contrast(fg: string, bg: string): number {
  const back = rgba(bg);
  const front = rgba(fg);
  const mixed = front.slice(0, 3).map((c, i) => c * front[3] + back[i]! * (1 - front[3]));
  const luminance = (rgb: number[]) => {
    const [r, g, b] = rgb.map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(mixed), luminance(back.slice(0, 3))].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const blocks = lessonFiles().flatMap((l) => lessonCodeBlocks(l.file));

describe('colours of highlighted code', () => {
  it('the contrast sum is right on known pairs', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrast('#00000080', '#ffffff')).toBeCloseTo(contrast('#7f7f7f', '#ffffff'), 2);
  });

  it('the lessons show code blocks in both languages, fences and whole files alike', () => {
    expect(CODE_THEMES.light).toBeTruthy();
    expect(CODE_THEMES.dark).toBeTruthy();
    for (const lang of ['en', 'zh']) {
      const mine = blocks.filter((b) => b.source.startsWith(`content/lessons/${lang}/`));
      expect(mine.length, lang).toBeGreaterThan(0);
    }
    expect(new Set(blocks.map((b) => b.lang))).toContain('c');
    expect(new Set(blocks.map((b) => b.lang))).toContain('sh');
  });

  for (const mode of ['light', 'dark'] as const) {
    it(`every token of every lesson's code is at least 4.5:1 on the ${mode} code background`, async () => {
      const faint = new Set<string>();
      let tokens = 0;
      for (const block of blocks) {
        const result = await codeToTokens(block.code, { lang: block.lang as 'text', theme: CODE_THEMES[mode] });
        const bg = result.bg!;
        for (const token of result.tokens.flat()) {
          if (token.content.trim() === '') continue;
          tokens++;
          const ink = token.color ?? result.fg!;
          const ratio = contrast(ink, bg);
          if (ratio < 4.5)
            faint.add(`${block.source} (${block.lang}): "${token.content}" ${ink} on ${bg} is ${ratio.toFixed(2)}:1`);
        }
      }
      expect(tokens, 'tokens checked').toBeGreaterThan(1000);
      expect([...faint]).toEqual([]);
    });
  }
});
