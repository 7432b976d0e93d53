/** Reading JSON data files so that a mistake names the file, the line and the column (src/content/json.ts). */
import { describe, expect, it } from 'vitest';
import { DataFileError, fieldPath, jsonErrorOffset, lineColumn, parseJsonFile } from '~/content/json';

describe('parseJsonFile', () => {
  it('returns the data of a valid file', () => {
    expect(parseJsonFile('{ "a": [1, 2] }', 'x.json')).toEqual({ a: [1, 2] });
  });

  it('names the file, line and column where a cut-short file ends, and says it is cut short', () => {
    const text = '{\n  "q": {\n    "type": "choice",\n';
    expect(() => parseJsonFile(text, 'content/quizzes/lab.json')).toThrow(DataFileError);
    expect(() => parseJsonFile(text, 'content/quizzes/lab.json')).toThrow(
      /^content\/quizzes\/lab\.json:4:1: the file ends inside an object or array \(is it cut short\?\)\. Fix: /,
    );
  });

  it('names the line and column of a character that does not belong', () => {
    // A second closing brace on line 4.
    expect(() => parseJsonFile('{\n  "a": 1\n}\n}', 'g.json')).toThrow(/^g\.json:4:1: not valid JSON: unexpected "\}"/);
    // A line break inside a string on line 2, column 10.
    expect(() => parseJsonFile('{\n  "a": "x\n}', 'g.json')).toThrow(/^g\.json:2:10: not valid JSON: unexpected "\\n"/);
  });

  it('names the line and column even where the parser gives no position, and the usual culprits', () => {
    expect(() => parseJsonFile('[\n 1,\n 2,\n]', 'g.json')).toThrow(
      /^g\.json:4:1: not valid JSON: unexpected "\]"[\s\S]*no trailing commas/,
    );
    expect(() => parseJsonFile('{"a": tru}', 'g.json')).toThrow(/^g\.json:1:10: not valid JSON: unexpected "\}"/);
  });

  it('finds no error in valid JSON of every kind', () => {
    for (const ok of ['{"a":[1,2.5e3,"x\\n\\u00e9",true,false,null,{}]}', ' [] ', '"s"', '-0.5'])
      expect(jsonErrorOffset(ok), ok).toBe(ok.length);
  });
});

describe('lineColumn and fieldPath', () => {
  it('turn an offset into a 1-based line and column', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd', 99)).toEqual({ line: 2, column: 3 });
  });

  it('write a zod issue path as a field', () => {
    expect(fieldPath(['steps', 3, 'op'])).toBe('steps[3].op');
    expect(fieldPath(['en', 'definition'])).toBe('en.definition');
    expect(fieldPath([])).toBe('');
  });
});
