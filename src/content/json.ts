/**
 * Reading a JSON data file so that a mistake names the file, the line and the column, and says how
 * to fix it (JSON.parse alone says "Unexpected end of JSON input" or "at position 132"). Pure.
 */

/** A data file that cannot be read; the message names the file and where. */
export class DataFileError extends Error {
  override name = 'DataFileError';
}

/** 1-based line and column of a character offset in `text`. Pure. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}

/**
 * The offset of the first character that makes `text` invalid JSON (RFC 8259), found by a small
 * recursive-descent scan, since some of V8's JSON.parse messages give no position. Pure.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    for (const c of word) if (text[i++] !== c) (i--, fail());
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i]! < ' ') fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) ((i += k), fail());
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m || !m[0]) fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return number();
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
  } catch (offset) {
    return offset as number;
  }
  return text.length;
}

/**
 * Parses `text` as JSON. Throws a DataFileError such as
 * `content/quizzes/lab.json:6:1: the file ends inside an object or array (is it cut short?). Fix: …`. Pure.
 */
export function parseJsonFile(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const offset = jsonErrorOffset(text);
    const { line, column } = lineColumn(text, offset);
    const at = `${file}:${line}:${column}`;
    const truncated = text.slice(offset).trim() === '';
    const what = truncated
      ? 'the file ends inside an object or array (is it cut short?)'
      : `not valid JSON: unexpected ${JSON.stringify(text.slice(offset, offset + 1))}`;
    throw new DataFileError(
      `${at}: ${what}. Fix: check the brackets, quotes and commas around that place (JSON allows no trailing commas or comments).`,
    );
  }
}

/** Formats a zod issue path such as ["steps", 3, "op"] as `steps[3].op`. Pure. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}
