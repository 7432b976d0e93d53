/**
 * The Open Graph and Twitter card tags of a page, from what the page already knows (its language, title,
 * description and canonical URL) and the card drawn for it at build (src/pages/og/[lang]/[card].png.ts). Pure.
 */
import type { Lang } from '../i18n';
import { CARD_SIZE } from './card';

/** The card of pages that are not lessons (home pages, glossary, teacher pages, scenarios). */
export const SITE_CARD = 'site';

/** Open Graph's locale for each language (language_TERRITORY, as og:locale wants). */
export const OG_LOCALE: Record<Lang, string> = { zh: 'zh_CN', en: 'en_US' };

/** What a page's tags say, e.g. { lang: 'en', other: 'zh', type: 'article', title: '…', url: 'https://…', image: 'https://…/og/en/socket-phone.png', … }. */
export interface SocialPage {
  lang: Lang;
  other: Lang;
  type: 'article' | 'website';
  siteName: string;
  title: string;
  description: string;
  url: string;
  image: string;
  imageAlt: string;
}

/**
 * The tags as [attribute, name, content]: Open Graph uses `property`, Twitter `name`. A Twitter (X) card reads
 * its title, description and image from the Open Graph tags when it has none of its own (X's card markup
 * reference), so only what Open Graph cannot say is repeated: the card type and the picture's text. Pure.
 */
export function socialTags(p: SocialPage): ['property' | 'name', string, string][] {
  return [
    ['property', 'og:type', p.type],
    ['property', 'og:site_name', p.siteName],
    ['property', 'og:title', p.title],
    ['property', 'og:description', p.description],
    ['property', 'og:url', p.url],
    ['property', 'og:locale', OG_LOCALE[p.lang]],
    ['property', 'og:locale:alternate', OG_LOCALE[p.other]],
    ['property', 'og:image', p.image],
    ['property', 'og:image:type', 'image/png'],
    ['property', 'og:image:width', String(CARD_SIZE.width)],
    ['property', 'og:image:height', String(CARD_SIZE.height)],
    ['property', 'og:image:alt', p.imageAlt],
    ['name', 'twitter:card', 'summary_large_image'],
    ['name', 'twitter:image:alt', p.imageAlt],
  ];
}
