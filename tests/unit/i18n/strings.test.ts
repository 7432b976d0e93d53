import { describe, expect, it } from 'vitest';
import { en } from '~/i18n/en';
import { zh } from '~/i18n/zh';
import { LANGS, STRINGS, t } from '~/i18n';

describe('UI strings', () => {
  it('every language has exactly the English keys', () => {
    for (const lang of LANGS) {
      expect(Object.keys(STRINGS[lang]).sort(), lang).toEqual(Object.keys(en).sort());
    }
  });

  it('no string is empty, and placeholders match across languages', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zh[key].trim(), key).not.toBe('');
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fills placeholders and refuses a missing value', () => {
    expect(t('en', 'lesson.number', { n: 3 })).toBe('Lesson 3');
    expect(t('zh', 'lesson.number', { n: 3 })).toBe('第 3 课');
    expect(() => t('en', 'lesson.number')).toThrow(/needs a value for \{n\}/);
  });
});
