// Writes the translation glossary table in CONTRIBUTING.md from content/glossary.json, between the
// <!-- glossary:start --> and <!-- glossary:end --> markers. `npm run glossary:table`; a unit test fails
// when the two disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zhName } from '../src/content/glossary/label.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const START = '<!-- glossary:start -->';
const END = '<!-- glossary:end -->';

/** A table cell: pipes escaped, line breaks flattened. Pure. */
const cell = (s) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** The Markdown table of `entries` (English term, Chinese term, note). Pure. */
export function glossaryTable(entries) {
  const rows = entries.map((e) => `| ${cell(e.en.term)} | ${cell(zhName(e.zh))} | ${cell(e.note)} |`);
  return ['| English | 中文 | note |', '| --- | --- | --- |', ...rows].join('\n');
}

/** `doc` with the table between the markers replaced. Throws when a marker is missing. Pure. */
export function replaceTable(doc, table) {
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`CONTRIBUTING.md: put ${START} and ${END} around the glossary table.`);
  return `${doc.slice(0, a + START.length)}\n\n${table}\n\n${doc.slice(b)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const entries = JSON.parse(readFileSync(`${root}content/glossary.json`, 'utf8'));
  const file = `${root}CONTRIBUTING.md`;
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(file)) ?? {};
  const next = await prettier.format(replaceTable(readFileSync(file, 'utf8'), glossaryTable(entries)), {
    ...options,
    filepath: file,
  });
  writeFileSync(file, next);
  console.log(`CONTRIBUTING.md: glossary table of ${entries.length} terms written`);
}
