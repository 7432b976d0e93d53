/** Every check across files, run once on the whole site (src/content/checks/index.ts). */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { siteProblems } from '~/content/checks';
import { readSite } from '~/content/site';
import { LANGS } from '~/i18n';

/** Each lesson's front matter order, by collection id, as the lessons loader passes them. */
const ordersOf = (root: string, site: ReturnType<typeof readSite>) =>
  new Map(
    site.lessons.map((l) => [
      l.id,
      Number(/^order:\s*(\d+)\s*$/m.exec(readFileSync(join(root, l.filePath), 'utf8'))?.[1] ?? NaN),
    ]),
  );

describe('the committed site', () => {
  const site = readSite('.');

  it('has no problem', () => {
    expect(site.lessons.length).toBeGreaterThan(0);
    expect(siteProblems(site, LANGS, ordersOf('.', site))).toEqual([]);
  });

  it('draws the TCP behaviour of lessons 2–4 from the model', () => {
    for (const f of ['02-three-way-handshake', '03-four-way-close', '04-state-machine']) {
      const lesson = site.lessons.find((l) => l.id === `en/${f}`)!;
      expect(lesson.outline.diagrams.length, f).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('a broken site', () => {
  const root = mkdtempSync(join(tmpdir(), 'site-checks-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };

  it('names the file and line of every problem: data files, MDX syntax, misplaced tags, parity', () => {
    const front = '---\ntitle: T\norder: 1\n---\n';
    write('content/scenarios/handshake.json', readFileSync('content/scenarios/handshake.json', 'utf8'));
    write('content/quizzes/hs.json', '{\n  "why": {\n    "type": "choice",\n');
    write('content/lessons/en/02-hs.mdx', `${front}\n<Option id="a">x</Option>\n`);
    write('content/lessons/zh/02-hs.mdx', `${front}\n<Choice id="why">\n`);
    write('content/lessons/en/03-only.mdx', `${front.replace('1', '2')}Prose.\n`);
    const site = readSite(root);
    const problems = siteProblems(site, ['zh', 'en'], ordersOf(root, site));
    expect(problems).toContain(
      'content/quizzes/hs.json:4:1: the file ends inside an object or array (is it cut short?). Fix: check the brackets, quotes and commas around that place (JSON allows no trailing commas or comments).',
    );
    expect(problems).toContain(
      'content/lessons/en/02-hs.mdx:6: <Option> must sit inside a question (<Choice>, <Order>…).',
    );
    expect(problems.some((p) => /^content\/lessons\/zh\/02-hs\.mdx:\d+: the MDX does not parse: /.test(p))).toBe(true);
    expect(problems.some((p) => p.startsWith('content/lessons/en/03-only.mdx: this lesson exists in "en" only.'))).toBe(
      true,
    );
  });
});
