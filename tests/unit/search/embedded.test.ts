import { describe, expect, it } from 'vitest';
import { buildEmbeddedIndex, queryWords, searchEmbedded, splitWords } from '~/search/embedded';
import { excerptParts } from '~/search/excerpt';

const body = (text: string) => ({ text, weight: 1 });

describe('the embedded search index', () => {
  it('splits Chinese into words with Intl.Segmenter, and English at spaces and punctuation', () => {
    const zh = splitWords('客户端发送 SYN，进入 SYN_SENT 状态。', 'zh-Hans');
    const words = zh.filter((_, i) => i % 2 === 1);
    expect(words).toContain('发送');
    expect(words).toContain('状态');
    expect(words).toContain('SYN_SENT');
    expect(zh.join('')).toBe('客户端发送 SYN，进入 SYN_SENT 状态。');
    expect(splitWords('The SYN, then ACK.', 'en')).toEqual(['', 'The', ' ', 'SYN', ', ', 'then', ' ', 'ACK', '.']);
    expect(queryWords('Ｓyn  三次握手', 'zh-Hans')).toEqual(['syn', '三次', '握手']);
    expect(queryWords('TIME_WAIT：RFC 9293 TIME_WAIT:RFC', 'zh-Hans')).toEqual([
      'time_wait',
      'rfc',
      '9293',
      'time_wait',
      'rfc',
    ]);
    expect(queryWords("TIME_WAIT's timer’s", 'en')).toEqual(['time_wait', 'timer']);
  });

  it('drops English plural endings on English pages only, as the first step of the Snowball stemmer does', () => {
    expect(queryWords('cookies timers gaps gas class bus ties', 'en')).toEqual([
      'cooki',
      'timer',
      'gap',
      'gas',
      'class',
      'bus',
      'tie',
    ]);
    expect(queryWords('cookies', 'zh-Hans')).toEqual(['cookies']);
  });

  const index = buildEmbeddedIndex('en', [
    { url: 'en/a/index.html', title: 'A', blocks: [body('The server answers with SYN and ACK.')] },
    { url: 'en/b/index.html', title: 'B', blocks: [body('SYN SYN SYN. The client sends SYN again.')] },
    { url: 'en/c/index.html', title: 'C', blocks: [{ text: 'Handshake', weight: 7 }, body('It takes three steps.')] },
    { url: 'en/d/index.html', title: 'D', blocks: [body('A handshake, and a handshakes page about the handshaking.')] },
  ]);

  it('finds pages holding every query word, as prefixes, and counts them', () => {
    expect(searchEmbedded(index, 'syn').hits.map((h) => h.url)).toEqual(['en/b/index.html', 'en/a/index.html']);
    expect(searchEmbedded(index, 'syn ack').hits.map((h) => h.url)).toEqual(['en/a/index.html']);
    expect(searchEmbedded(index, 'hands').count).toBe(2);
    expect(searchEmbedded(index, 'nothing').count).toBe(0);
    expect(searchEmbedded(index, '  ').count).toBe(0);
  });

  it('ranks a heading above body text, as Pagefind weights an h1', () => {
    expect(searchEmbedded(index, 'handshake').hits[0]!.url).toBe('en/c/index.html');
  });

  it('falls back to the longest indexed word a longer query word starts with', () => {
    expect(searchEmbedded(index, 'answersss').hits.map((h) => h.url)).toEqual(['en/a/index.html']);
  });

  it('returns at most `max` hits with the title and an excerpt that marks the matches', () => {
    const found = searchEmbedded(index, 'syn', 1);
    expect(found.count).toBe(2);
    expect(found.hits).toHaveLength(1);
    expect(found.hits[0]!.meta.title).toBe('B');
    expect(excerptParts(found.hits[0]!.excerpt).filter((p) => p.marked)).toHaveLength(4);
  });

  it('escapes the page text in excerpts', () => {
    const risky = buildEmbeddedIndex('en', [{ url: 'x', title: 'X', blocks: [body('a <b>FIN</b> & more')] }]);
    expect(searchEmbedded(risky, 'fin').hits[0]!.excerpt).toBe('a &#60;b&#62;<mark>FIN</mark>&#60;/b&#62; &#38; more');
  });

  it('finds a Chinese word inside a longer sentence and marks it', () => {
    const zh = buildEmbeddedIndex('zh-Hans', [
      {
        url: 'zh/a/index.html',
        title: '甲',
        blocks: [body('服务器收到 SYN 以后回复 SYN-ACK，进入 SYN_RECEIVED 状态。')],
      },
      { url: 'zh/b/index.html', title: '乙', blocks: [body('四次挥手由一端调用 close() 开始。')] },
    ]);
    const found = searchEmbedded(zh, '服务器');
    expect(found.hits.map((h) => h.url)).toEqual(['zh/a/index.html']);
    // ICU may split 服务器 into 服务 + 器; the query is split the same way, and every part is marked.
    const marked = excerptParts(found.hits[0]!.excerpt).filter((p) => p.marked);
    expect(marked.map((p) => p.text).join('')).toBe('服务器');
    expect(searchEmbedded(zh, '挥手').hits.map((h) => h.url)).toEqual(['zh/b/index.html']);
  });

  it('keeps the words of separate blocks apart', () => {
    const two = buildEmbeddedIndex('en', [{ url: 'x', title: 'X', blocks: [body('half'), body('close')] }]);
    expect(searchEmbedded(two, 'close').hits[0]!.excerpt).toBe('half <mark>close</mark>');
    expect(two.words).toEqual({ close: [0, 1, 1], half: [0, 1, 0] });
  });
});
