// Rewrites ASCII punctuation that touches Chinese text into its full-width form, in every file
// that holds Chinese prose. `npm run fix:zh`; the unit tests fail until it has been run.
import { readFileSync, writeFileSync } from 'node:fs';
import { fixZhPunctuation } from '../src/content/zh-punctuation.ts';
import { zhSourceFiles } from '../src/content/zh-sources.ts';

for (const file of zhSourceFiles('.')) {
  const before = readFileSync(file, 'utf8');
  const after = fixZhPunctuation(before);
  if (after !== before) {
    writeFileSync(file, after);
    console.log(`fixed ${file}`);
  }
}
