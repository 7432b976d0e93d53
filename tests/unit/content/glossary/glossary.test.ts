import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGlossary } from '~/content/data';
import { glossaryByGroup, GLOSSARY_GROUPS, splitInlineCode, zhName } from '~/content/glossary';
import { findZhPunctuation } from '~/content/zh-punctuation';

const text = readFileSync('content/glossary.json', 'utf8');
const raw = JSON.parse(text) as unknown[];
const glossary = readGlossary(text, 'content/glossary.json');

describe('content/glossary.json', () => {
  it('is valid, with unique ids and both languages filled in', () => {
    expect(glossary.length).toBe(raw.length);
    expect(new Set(glossary.map((e) => e.id)).size).toBe(glossary.length);
    for (const entry of glossary) {
      for (const lang of ['en', 'zh'] as const) {
        expect(entry[lang].term.trim(), `${entry.id}.${lang}.term`).not.toBe('');
        expect(entry[lang].definition.trim(), `${entry.id}.${lang}.definition`).not.toBe('');
      }
    }
  });

  it('covers the terms the lessons rely on, including all eleven RFC 9293 states', () => {
    const ids = new Set(glossary.map((e) => e.id));
    const states = [
      'closed',
      'listen',
      'syn-sent',
      'syn-received',
      'established',
      'fin-wait-1',
      'fin-wait-2',
      'close-wait',
      'closing',
      'last-ack',
      'time-wait',
    ];
    const others = [
      'socket',
      'bind',
      'listen-call',
      'accept',
      'connect',
      'three-way-handshake',
      'four-way-close',
      'segment',
      'syn',
      'ack',
      'fin',
      'rst',
      'isn',
      'sequence-number',
      'acknowledgement-number',
      'msl',
      'half-close',
      'half-open',
      'simultaneous-open',
      'simultaneous-close',
      'backlog',
      'send-buffer',
      'receive-buffer',
      'port',
      'four-tuple',
      'econnrefused',
      'econnreset',
    ];
    for (const id of [...states, ...others]) expect(ids, id).toContain(id);
    expect(
      glossary
        .filter((e) => e.group === 'state')
        .map((e) => e.en.term)
        .sort(),
    ).toEqual([
      'CLOSED',
      'CLOSE_WAIT',
      'CLOSING',
      'ESTABLISHED',
      'FIN_WAIT_1',
      'FIN_WAIT_2',
      'LAST_ACK',
      'LISTEN',
      'SYN_RECEIVED',
      'SYN_SENT',
      'TIME_WAIT',
    ]);
  });

  it('keeps state names in English in Chinese, with a Chinese gloss', () => {
    for (const entry of glossary.filter((e) => e.group === 'state')) {
      expect(entry.zh.term, entry.id).toBe(entry.en.term);
      expect(entry.zh.gloss, entry.id).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('writes its Chinese with full-width punctuation', () => {
    const zhText = glossary.flatMap((e) => [e.zh.definition, e.zh.gloss ?? '', e.note]).join('\n');
    expect(findZhPunctuation(zhText)).toEqual([]);
  });
});

describe('glossaryByGroup', () => {
  it('keeps every entry once, in topic order, sorted within each group', () => {
    for (const lang of ['en', 'zh'] as const) {
      const groups = glossaryByGroup(glossary, lang);
      expect(groups.map((g) => g.group)).toEqual(GLOSSARY_GROUPS.filter((g) => glossary.some((e) => e.group === g)));
      expect(groups.flatMap((g) => g.entries).length).toBe(glossary.length);
    }
    const states = glossaryByGroup(glossary, 'en')
      .find((g) => g.group === 'state')!
      .entries.map((e) => e.en.term);
    expect(states.slice(0, 3)).toEqual(['CLOSE_WAIT', 'CLOSED', 'CLOSING']);
  });

  it('sorts Chinese terms by pinyin', () => {
    const api = glossaryByGroup(glossary, 'zh')
      .find((g) => g.group === 'api')!
      .entries.map((e) => e.zh.term);
    // 发送缓冲区 (fā) before 接收缓冲区 (jiē) before 套接字 (tào).
    expect(api.indexOf('发送缓冲区')).toBeLessThan(api.indexOf('接收缓冲区'));
    expect(api.indexOf('接收缓冲区')).toBeLessThan(api.indexOf('套接字'));
  });
});

describe('zhName', () => {
  it('writes the gloss once, after a term that keeps its English name', () => {
    const byId = new Map(glossary.map((e) => [e.id, zhName(e.zh)]));
    expect(byId.get('time-wait')).toBe('TIME_WAIT（时间等待）');
    expect(byId.get('isn')).toBe('ISN（初始序号）');
    expect(byId.get('msl')).toBe('MSL（最大报文段寿命）');
    expect(byId.get('tcb')).toBe('TCB（传输控制块）');
    expect(byId.get('socket')).toBe('套接字');
  });
});

describe('splitInlineCode', () => {
  it('splits backtick code from plain text', () => {
    expect(splitInlineCode('call `connect()` now')).toEqual([
      { code: false, text: 'call ' },
      { code: true, text: 'connect()' },
      { code: false, text: ' now' },
    ]);
    expect(splitInlineCode('a ` b')).toEqual([{ code: false, text: 'a ` b' }]);
  });
});
