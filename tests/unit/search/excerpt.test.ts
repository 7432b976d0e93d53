import { describe, expect, it } from 'vitest';
import { excerptParts } from '~/search/excerpt';

describe('search result excerpts', () => {
  it('splits Pagefind’s marked excerpt into plain-text runs, decoding entities and never keeping tags', () => {
    expect(excerptParts('the <mark>three-way</mark> handshake &amp; <b>close</b> &#39;x&#x27;')).toEqual([
      { text: 'the ', marked: false },
      { text: 'three-way', marked: true },
      { text: " handshake & <b>close</b> 'x'", marked: false },
    ]);
  });

  it('leaves unknown entities as written', () => {
    expect(excerptParts('a &nbsp; b')).toEqual([{ text: 'a &nbsp; b', marked: false }]);
  });
});
