/**
 * Taking a lesson rendered with the worksheet components apart (src/teacher/collect.ts). The page-level
 * checks of the printed worksheets and keys live in tests/e2e/teacher.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { collectSheet } from '~/teacher/collect';

/** What SheetQuestion.astro renders for one question: its worksheet half and its key half. */
const question = (id: string, type = 'choice') =>
  `<sheet-question><li class="sheet-question" id="ws-${id}" data-question-id="${id}" data-type="${type}" data-part="worksheet"><h3 class="sheet-number"></h3><div class="sheet-prompt"><p>Ask ${id} &amp; more</p></div></li>` +
  `<li class="sheet-question" id="key-${id}" data-question-id="${id}" data-type="${type}" data-part="key"><h3 class="sheet-number"></h3><p class="sheet-answer" data-answer="B"><strong>Answer: B</strong></p></li></sheet-question>`;

describe('collecting a worksheet from the rendered lesson', () => {
  const html = [
    '<h2>The handshake</h2><p>Prose the worksheet does not print.</p>',
    question('hs-why-three'),
    '<section><p>More prose.</p>',
    question('hs-ack-of-synack', 'number'),
    '</section>',
    '<pre><code>&lt;sheet-question&gt; shown as text</code></pre>',
  ].join('\n');
  const sheet = collectSheet(html, (n) => `Question ${n}`);

  it('keeps only the questions, in page order, wherever they sit', () => {
    expect(sheet.ids).toEqual(['hs-why-three', 'hs-ack-of-synack']);
    expect(sheet.worksheet).not.toContain('Prose');
    expect(sheet.key).not.toContain('Prose');
    expect(sheet.worksheet).not.toContain('shown as text');
    expect(sheet.worksheet).not.toContain('<sheet-question');
  });

  it('puts each half in its list, numbered from 1, without the part marker', () => {
    const li = (part: string) => [...part.matchAll(/<li\b[^>]*?\sid="([^"]+)"[^>]*>\s*<h3[^>]*>([^<]*)<\/h3>/g)];
    expect(li(sheet.worksheet).map((m) => [m[1], m[2]])).toEqual([
      ['ws-hs-why-three', 'Question 1'],
      ['ws-hs-ack-of-synack', 'Question 2'],
    ]);
    expect(li(sheet.key).map((m) => [m[1], m[2]])).toEqual([
      ['key-hs-why-three', 'Question 1'],
      ['key-hs-ack-of-synack', 'Question 2'],
    ]);
    expect(sheet.worksheet).not.toContain('data-part');
    expect(sheet.key).not.toContain('data-part');
    expect(sheet.worksheet).not.toContain('Answer: B');
    expect(sheet.key).toContain('data-answer="B"');
    expect(sheet.worksheet).toContain('data-question-id="hs-ack-of-synack" data-type="number"');
    // Entities survive the round trip through the tree.
    expect(sheet.worksheet).toContain('Ask hs-why-three &amp; more');
  });

  it('is empty for a lesson without questions', () => {
    expect(collectSheet('<p>Only prose.</p>', String)).toEqual({ ids: [], worksheet: '', key: '' });
  });
});
