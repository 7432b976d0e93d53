/** One run of an excerpt's text, and whether Pagefind marked it as matching the query. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };

/**
 * Splits a Pagefind excerpt ("the <mark>three-way</mark> handshake", HTML-escaped text with <mark> tags)
 * into plain-text runs, so the browser builds the result from text nodes and never parses index content
 * as HTML. Pure.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<\/?mark>)/i)) {
    const tag = piece.toLowerCase();
    if (tag === '<mark>' || tag === '</mark>') {
      marked = tag === '<mark>';
      continue;
    }
    const text = piece.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
      const known = ENTITIES[name.toLowerCase()];
      if (known) return known;
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
      return whole;
    });
    if (text) parts.push({ text, marked });
  }
  return parts;
}
