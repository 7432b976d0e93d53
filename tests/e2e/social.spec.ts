import { test, expect } from './fixtures';
import { builtPages } from './pages';

// A shared link shows a card: every page but the 404 page carries the Open Graph and Twitter tags, and the
// picture they name is in the build, a PNG of the size they give.
const REQUIRED = [
  'og:type',
  'og:site_name',
  'og:title',
  'og:description',
  'og:url',
  'og:locale',
  'og:image',
  'og:image:width',
  'og:image:height',
  'og:image:alt',
  'twitter:card',
  'twitter:title',
  'twitter:description',
  'twitter:image',
  'twitter:image:alt',
];

/** The pages that are not lessons although they sit one level under a language. */
const NOT_LESSONS = /^(zh|en)\/(glossary|scenarios|teacher)\/$/;

for (const built of builtPages().filter((p) => p.path !== '404.html')) {
  const lesson = built.lesson && !NOT_LESSONS.test(built.path);
  test(`sharing card: /${built.path}`, async ({ page, baseURL }) => {
    await page.goto(built.path);
    const tags = await page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('meta[property], meta[name]')].map((m) => [
          m.getAttribute('property') ?? m.getAttribute('name'),
          m.getAttribute('content') ?? '',
        ]),
      ),
    );
    for (const name of REQUIRED) expect(tags[name], name).toBeTruthy();
    expect(tags['og:locale']).toBe(built.lang === 'en' ? 'en_US' : 'zh_CN');
    expect(tags['og:type']).toBe(lesson ? 'article' : 'website');
    expect(new URL(tags['og:url']!).pathname).toBe(new URL(built.path, baseURL).pathname);
    expect(tags['twitter:image']).toBe(tags['og:image']);
    if (lesson) {
      expect(tags['og:title']).toBe(await page.getByRole('heading', { level: 1 }).textContent());
      expect(tags['og:image']).toMatch(new RegExp(`/og/${built.path.replace(/\/$/, '')}\\.png$`));
    }

    // The picture, fetched from this build: where the site URL puts it, under the base path.
    const image = new URL(tags['og:image']!);
    const base = new URL(baseURL!).pathname;
    expect(image.pathname.startsWith(base)).toBe(true);
    const response = await page.request.get(image.pathname.slice(base.length));
    expect(response.status()).toBe(200);
    const png = await response.body();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
      Number(tags['og:image:width']),
      Number(tags['og:image:height']),
    ]);
  });
}
