import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { glossaryTable, replaceTable } from '../../../../scripts/glossary-table.mjs';

const entries = JSON.parse(readFileSync('content/glossary.json', 'utf8')) as unknown[];

/** The rows of the first Markdown table in `md`, as trimmed cells, header and rule excluded. */
function rows(md: string): string[][] {
  return md
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .slice(2)
    .map((l) =>
      l
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );
}

describe('translation glossary in CONTRIBUTING.md', () => {
  it('lists every term of content/glossary.json, in order (run `npm run glossary:table`)', () => {
    const doc = readFileSync('CONTRIBUTING.md', 'utf8');
    const block = doc.slice(doc.indexOf('<!-- glossary:start -->'), doc.indexOf('<!-- glossary:end -->'));
    expect(rows(block)).toEqual(rows(glossaryTable(entries)));
    expect(rows(block)).toHaveLength(entries.length);
  });

  it('gives a Chinese gloss next to a term that stays in English', () => {
    const table = glossaryTable([
      { en: { term: 'TIME_WAIT' }, zh: { term: 'TIME_WAIT', gloss: '时间等待' }, note: 'a | b' },
    ]) as string;
    expect(rows(table)).toEqual([['TIME_WAIT', 'TIME_WAIT\uFF08时间等待\uFF09', 'a \\| b']]);
  });

  it('gives each gloss once, also where the Chinese term is an English abbreviation (ISN, MSL, TCB)', () => {
    for (const [en, zh] of rows(glossaryTable(entries))) expect(zh, en).not.toMatch(/（([^（）]+)）.*（\1）/);
  });

  it('refuses a document without the markers', () => {
    expect(() => replaceTable('# no markers', '')).toThrow(/glossary:start/);
  });
});
