import type { Lang } from '~/i18n';

/** Prefixes a site path ("/zh/…") with the configured base path (e.g. "/tcp/"). Pure. */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Site path of a lesson page, without the base. Pure. */
export function lessonPath(lang: Lang, slug: string): string {
  return `/${lang}/${slug}/`;
}

/** Site path of a language's home page, without the base. Pure. */
export function homePath(lang: Lang): string {
  return `/${lang}/`;
}
