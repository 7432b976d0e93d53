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

/** Where V8's JSON.parse message says the error is, as an offset, if it says. */
function errorOffset(message: string, text: string): number | undefined {
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) {
    const lines = text.split('\n').slice(0, Number(lineCol[1]) - 1);
    return lines.reduce((n, l) => n + l.length + 1, 0) + Number(lineCol[2]) - 1;
  }
  if (/end of (JSON )?input/i.test(message)) return text.length;
  return undefined;
}

/**
 * Parses `text` as JSON. Throws a DataFileError such as
 * `content/quizzes/lab.json:6:1: the file ends inside an object or array (is it cut short?). Fix: …`. Pure.
 */
export function parseJsonFile(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    const offset = errorOffset(message, text);
    const at =
      offset === undefined ? file : `${file}:${lineColumn(text, offset).line}:${lineColumn(text, offset).column}`;
    const truncated = offset !== undefined && text.slice(offset).trim() === '';
    const what = truncated
      ? 'the file ends inside an object or array (is it cut short?)'
      : `not valid JSON (${message.replace(/^JSON\.parse: /, '')})`;
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
