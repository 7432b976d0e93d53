import { describe, expect, it } from 'vitest';
import { cardHtml } from '~/online/card';
import { cardKey } from '~/online/og-image';
import { socialTags } from '~/online/social';

describe('the sharing tags', () => {
  const tags = socialTags({
    lang: 'zh',
    other: 'en',
    type: 'article',
    siteName: '喂，TCP',
    title: '三次握手',
    description: '…',
    url: 'https://tcp.example/zh/three-way-handshake/',
    image: 'https://tcp.example/og/zh/three-way-handshake.png',
    imageAlt: '三次握手：分享卡片',
  });
  const get = (name: string) => tags.filter(([, n]) => n === name).map(([, , content]) => content);

  it('say the page, its language and its picture with size and text alternative, for Open Graph and Twitter', () => {
    expect(get('og:locale')).toEqual(['zh_CN']);
    expect(get('og:locale:alternate')).toEqual(['en_US']);
    expect(get('og:image:width')).toEqual(['1200']);
    expect(get('og:image:height')).toEqual(['630']);
    expect(get('twitter:card')).toEqual(['summary_large_image']);
    // Title, description and image come from Open Graph: a second copy would only weigh on every page.
    for (const name of ['twitter:title', 'twitter:description', 'twitter:image']) expect(get(name)).toEqual([]);
    expect(get('twitter:image:alt')).toEqual(['三次握手：分享卡片']);
  });

  it('use `property` for Open Graph and `name` for Twitter', () => {
    for (const [attribute, name] of tags) expect(attribute).toBe(name.startsWith('og:') ? 'property' : 'name');
  });
});

describe('the card', () => {
  const text = { htmlLang: 'en', site: 'Hello, TCP', kicker: 'Lesson 2', title: 'SYN <and> ACK & more' };

  it("is in the page's language, with the title escaped", () => {
    const html = cardHtml(text);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>SYN &lt;and&gt; ACK &amp; more</h1>');
    expect(html).toContain('Lesson 2');
    expect(cardHtml({ ...text, kicker: '' })).not.toContain('class="kicker"');
  });

  it('has a cache key of its own for each title and language', () => {
    const key = cardKey(cardHtml(text));
    expect(cardKey(cardHtml({ ...text, title: 'Other' }))).not.toBe(key);
    expect(cardKey(cardHtml({ ...text, htmlLang: 'zh-Hans' }))).not.toBe(key);
    expect(cardKey(cardHtml(text))).toBe(key);
  });
});
