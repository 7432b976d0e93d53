/** A run of glossary text: plain, or code written between backticks. */
export interface InlinePiece {
  code: boolean;
  text: string;
}

/**
 * Splits "`connect()` returns" into code and plain pieces, so a page can render code without
 * trusting the text as HTML. An unmatched backtick is kept as plain text. Pure.
 */
export function splitInlineCode(text: string): InlinePiece[] {
  const pieces: InlinePiece[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) pieces.push({ code: false, text: text.slice(last, match.index) });
    pieces.push({ code: true, text: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ code: false, text: text.slice(last) });
  return pieces;
}
