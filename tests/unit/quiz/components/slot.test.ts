import { describe, expect, test } from 'vitest';
import { inlinePrompt, parseSlot, unwrapParagraph } from '~/quiz/components/slot';

describe('parseSlot', () => {
  test('takes options, feedback and explanation out of the prompt', () => {
    const parts = parseSlot(
      '<p>Why <code>x</code>?\n<quiz-item data-id="a">A <strong>b</strong><quiz-feedback>no &amp; <em>x</em></quiz-feedback></quiz-item>\n<quiz-item data-id="b">B</quiz-item></p><quiz-explanation><p>E</p></quiz-explanation>',
    );
    expect(parts.prompt).toBe('<p>Why <code>x</code>?</p>');
    expect(parts.items).toEqual([
      { id: 'a', html: 'A <strong>b</strong>', feedback: 'no &amp; <em>x</em>' },
      { id: 'b', html: 'B' },
    ]);
    expect(parts.explanation).toBe('<p>E</p>');
  });
  test('a prompt of several blocks keeps them, and a paragraph emptied by its options goes', () => {
    const parts = parseSlot('<p>One</p><pre><code>x</code></pre><p>\n<quiz-item data-id="a">A</quiz-item>\n</p>');
    expect(parts.prompt).toBe('<p>One</p><pre><code>x</code></pre>');
    expect(parts.explanation).toBeUndefined();
  });
  test('a tag shown as text is not an item', () => {
    expect(parseSlot('<p>&lt;quiz-item data-id="x"&gt;</p>').items).toEqual([]);
  });
});

test('unwrapParagraph and inlinePrompt', () => {
  expect(unwrapParagraph('<p>a <em>b</em></p>')).toBe('a <em>b</em>');
  expect(unwrapParagraph('<p>a</p><p>b</p>')).toBe('<p>a</p><p>b</p>');
  expect(inlinePrompt('<p>Which?</p>')).toBe('Which?');
  expect(inlinePrompt('<p>Which?</p><ul><li>x</li></ul>')).toBeNull();
});
