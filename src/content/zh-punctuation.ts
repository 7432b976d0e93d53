/**
 * Chinese text takes full-width punctuation (U+FF0C, not an ASCII comma, after 连接建立后).
 * ASCII commas, colons and parentheses next to Chinese characters are easy to type and hard to
 * spot, so the tests check every Chinese lesson and string with these functions. Pure.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’]/;

/** Punctuation that becomes full-width when it touches Chinese text. */
// Written as escapes: some editors and tools silently turn full-width forms back into ASCII.
const FULL: Record<string, string> = { ',': '\uFF0C', ':': '\uFF1A', ';': '\uFF1B', '!': '\uFF01', '?': '\uFF1F' };
const OPEN = '\uFF08';
const CLOSE = '\uFF09';

/** One place where ASCII punctuation touches Chinese text. */
export interface PunctuationIssue {
  line: number;
  column: number;
  found: string;
  expected: string;
}

/** Fixes one line of prose (no code): returns the corrected line. Pure. */
function fixProse(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const prev = out.trimEnd().at(-1) ?? '';
    const next = text.slice(i + 1).trimStart()[0] ?? '';
    if (ch in FULL && CJK.test(prev) && !(ch === ':' && text.startsWith('//', i + 1))) {
      out = out.trimEnd() + FULL[ch];
      while (text[i + 1] === ' ') i++;
    } else if (ch in FULL && CJK.test(next) && /[\w)`*_\ue000-\uf8ff]/.test(prev)) {
      // "*k*,却" and "**SYN_SENT**:号": ASCII after a term, emphasis or code, before Chinese.
      out = out.trimEnd() + FULL[ch];
      while (text[i + 1] === ' ') i++;
    } else if (',;:'.includes(ch) && /[^\s\d/]/.test(text[i + 1] ?? ' ') && !/^\s*$/.test(prev)) {
      // "ESTABLISHED,`connect()`", "SYN-RECEIVED;Linux": English puts a space after these, so a
      // comma, semicolon or colon glued to the next word is Chinese punctuation typed in ASCII.
      out = out.trimEnd() + FULL[ch];
    } else if (ch === '(') {
      const close = text.indexOf(')', i);
      const inner = close > i ? text.slice(i + 1, close) : '';
      if (close > i && (CJK.test(prev) || CJK.test(inner)) && !/^\s*$/.test(inner)) {
        out = out.trimEnd() + OPEN + fixProse(inner).trim() + CLOSE;
        i = close;
        while (text[i + 1] === ' ' && CJK.test(text.slice(i + 1).trimStart()[0] ?? '')) i++;
      } else out += ch;
    } else out += ch;
  }
  return out;
}

/**
 * Fixes the prose of one line. Code spans, URLs, JSX expressions and link targets are swapped for
 * private-use placeholders first, so "电话(`socket()`)" still sees its parentheses as a pair. Pure.
 */
function fixLine(line: string): string {
  if (/^\s*(import|export)\s/.test(line)) return line;
  const kept: string[] = [];
  const masked = line.replace(/`[^`]*`|https?:\/\/[^\s)]+|\{[^}]*\}|\]\([^)]*\)|<[^>]*>/g, (piece) => {
    kept.push(piece);
    return String.fromCharCode(0xe000 + kept.length - 1);
  });
  return fixProse(masked).replace(/[\ue000-\uf8ff]/g, (ch) => kept[ch.charCodeAt(0) - 0xe000] ?? ch);
}

/** Returns the Markdown/MDX source with full-width punctuation in its Chinese prose; code blocks untouched. Pure. */
export function fixZhPunctuation(source: string): string {
  let inFence = false;
  let inFrontMatter = false;
  return source
    .split('\n')
    .map((line, index) => {
      if (index === 0 && line === '---') inFrontMatter = true;
      else if (inFrontMatter && line === '---') inFrontMatter = false;
      if (/^\s*(```|~~~)/.test(line)) {
        inFence = !inFence;
        return line;
      }
      if (inFence) return line;
      if (inFrontMatter) {
        const m = /^(\s*(?:-\s+|[\w]+:\s+))(.*)$/.exec(line);
        return m ? m[1] + fixLine(m[2]!) : line;
      }
      return fixLine(line);
    })
    .join('\n');
}

/** Lists every place where the source differs from its fixed form, by line. Pure. */
export function findZhPunctuation(source: string): PunctuationIssue[] {
  const fixed = fixZhPunctuation(source).split('\n');
  return source.split('\n').flatMap((line, index) => {
    const good = fixed[index] ?? line;
    if (good === line) return [];
    let column = 0;
    while (line[column] === good[column]) column++;
    return [
      {
        line: index + 1,
        column: column + 1,
        found: line.slice(column, column + 12),
        expected: good.slice(column, column + 12),
      },
    ];
  });
}
