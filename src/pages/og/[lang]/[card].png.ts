/**
 * The sharing cards (Open Graph / Twitter image) as files of the build: `og/<lang>/<lesson slug>.png` for each
 * lesson and `og/<lang>/site.png` for the other pages, drawn in the page's language (src/online/card.ts).
 */
import type { APIRoute } from 'astro';
import { getLessons } from '~/content';
import { HTML_LANG, LANGS, t, type Lang } from '~/i18n';
import { cardPng } from '~/online/og-image';
import type { CardText } from '~/online/card';
import { SITE_CARD } from '~/online/social';

export async function getStaticPaths() {
  const paths: { params: { lang: Lang; card: string }; props: CardText }[] = [];
  for (const lang of LANGS) {
    const site = t(lang, 'site.title');
    const htmlLang = HTML_LANG[lang];
    paths.push({
      params: { lang, card: SITE_CARD },
      props: { htmlLang, site, kicker: '', title: t(lang, 'site.tagline') },
    });
    for (const lesson of await getLessons(lang)) {
      if (lesson.slug === SITE_CARD) throw new Error(`og: a lesson's slug is "${SITE_CARD}", the site card's name.`);
      const { title, order } = lesson.entry.data;
      paths.push({
        params: { lang, card: lesson.slug },
        props: { htmlLang, site, kicker: t(lang, 'lesson.number', { n: order }), title },
      });
    }
  }
  return paths;
}

export const GET: APIRoute = async ({ props }) => {
  const png = await cardPng(props as CardText);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
