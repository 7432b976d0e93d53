import { en, type UiKey } from './en';
import { zh } from './zh';
import { fill } from './fill';

/** The site's languages, in the order the chooser lists them. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** BCP 47 tags for `<html lang>` and `hreflang`. */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-Hans', en: 'en' };

/** Every language's string table, keyed by language. */
export const STRINGS: Record<Lang, Record<UiKey, string>> = { zh, en };

/** True when `value` names one of the site's languages. Pure. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * The language of the page being built, from `Astro.currentLocale` (Astro takes it from the page's route,
 * /<base>/<lang>/…). Throws, naming the component, on a page outside the language trees. Pure.
 */
export function localeLang(locale: string | undefined, component: string): Lang {
  if (!isLang(locale))
    throw new Error(
      `<${component}>: the page has no language (Astro.currentLocale is ${JSON.stringify(locale)}); it belongs in a page under src/pages/[lang]/.`,
    );
  return locale;
}

/** The other language: the target of the language switcher. Pure. */
export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

/**
 * Looks up a UI string and fills `{name}` placeholders. Pure.
 * Throws on a missing placeholder value, so a template and its caller cannot drift apart.
 */
export function t(lang: Lang, key: UiKey, vars: Record<string, string | number> = {}): string {
  const template = STRINGS[lang][key];
  for (const [, name] of template.matchAll(/\{(\w+)\}/g))
    if (vars[name!] === undefined) throw new Error(`i18n: "${key}" needs a value for {${name}}`);
  return fill(template, vars);
}

export type { UiKey };
