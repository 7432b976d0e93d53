import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findZhPunctuation, fixZhPunctuation } from '~/content/zh-punctuation';
import { zhSourceFiles } from '~/content/zh-sources';

const FW_COMMA = '\uFF0C';
const FW_COLON = '\uFF1A';
const FW_OPEN = '\uFF08';
const FW_CLOSE = '\uFF09';

describe('Chinese punctuation', () => {
  it.each([
    ['连接建立后,双方', `连接建立后${FW_COMMA}双方`],
    ['有部电话(`socket()`),再拨号', `有部电话${FW_OPEN}\`socket()\`${FW_CLOSE}${FW_COMMA}再拨号`],
    ['三次握手(three-way handshake)的步骤:', `三次握手${FW_OPEN}three-way handshake${FW_CLOSE}的步骤${FW_COLON}`],
    ['进入 TIME_WAIT, 然后', `进入 TIME_WAIT${FW_COMMA}然后`],
    ['序号为 *k*,却', `序号为 *k*${FW_COMMA}却`],
    ['进入 **SYN_SENT**:号已拨出', `进入 **SYN_SENT**${FW_COLON}号已拨出`],
    ['进入 ESTABLISHED,`connect()` 返回', `进入 ESTABLISHED${FW_COMMA}\`connect()\` 返回`],
    ['初始序号(initial sequence number,ISN)', `初始序号${FW_OPEN}initial sequence number${FW_COMMA}ISN${FW_CLOSE}`],
  ])('fixes %s', (input, expected) => {
    expect(fixZhPunctuation(input)).toBe(expected);
  });

  it.each([
    'English only, (really): yes',
    `共 1,000 个字节${FW_COMMA}10:30 开始`,
    'see https://www.rfc-editor.org/rfc/rfc9293#section-3.6,ok',
    '代码 `a, b: c` 不动',
    '```c\nint fd = socket(AF_INET, SOCK_STREAM, 0); /* 装电话, */\n```',
    "import { Quiz } from '~/components/lesson';",
  ])('leaves code, URLs and English alone: %s', (input) => {
    expect(fixZhPunctuation(input)).toBe(input);
  });

  it('reports the line and column of each problem', () => {
    expect(findZhPunctuation('第一行\n连接建立后,双方')).toEqual([
      { line: 2, column: 6, found: ',双方', expected: `${FW_COMMA}双方` },
    ]);
  });

  it('every Chinese source uses full-width punctuation (run `npm run fix:zh` to fix)', () => {
    const problems = zhSourceFiles('.').flatMap((file) =>
      findZhPunctuation(readFileSync(file, 'utf8')).map(
        (p) => `${file}:${p.line}:${p.column}: "${p.found}" → "${p.expected}"`,
      ),
    );
    expect(problems).toEqual([]);
  });
});
