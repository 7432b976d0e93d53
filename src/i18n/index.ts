import { en, type UiKey } from './en';
import { zh } from './zh';

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

/** The other language: the target of the language switcher. Pure. */
export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

/**
 * Looks up a UI string and fills `{name}` placeholders. Pure.
 * Throws on a missing placeholder value, so a template and its caller cannot drift apart.
 */
export function t(lang: Lang, key: UiKey, vars: Record<string, string | number> = {}): string {
  return STRINGS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`i18n: "${key}" needs a value for {${name}}`);
    return String(value);
  });
}

export type { UiKey };
