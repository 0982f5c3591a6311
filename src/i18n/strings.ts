/**
 * Every piece of UI text, in Ukrainian (the article's language, the default) and English.
 * The tables are strings-uk.ts and strings-en.ts; this module has the languages and the lookup.
 * `en` is typed from `uk`, so a key missing in either language fails the type check and the unit test.
 */
import { en } from './strings-en';
import { type StringKey, uk } from './strings-uk';

export type { StringKey };

export const LANGS = ['uk', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'uk';

export const STRINGS: Record<Lang, Record<StringKey, string>> = { uk, en };

/** The UI text for `key` in `lang`. */
export function t(lang: Lang, key: StringKey): string {
  return STRINGS[lang][key];
}

/** The UI text for `key` in `lang` with each `{name}` replaced by `values[name]`. */
export function tf(lang: Lang, key: StringKey, values: Record<string, string>): string {
  return t(lang, key).replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** `value` as a Lang when it is one, else undefined. */
export function parseLang(value: string | undefined | null): Lang | undefined {
  return value === 'uk' || value === 'en' ? value : undefined;
}
