import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { MAP_LOCALE } from '../../src/i18n/map-locale';
import { DEFAULT_LANG, LANGS, parseLang, STRINGS, t } from '../../src/i18n/strings';

const CYRILLIC = /\p{Script=Cyrillic}/u;
// The language switch names the *other* language, in that language: "English" in the Ukrainian table.
const SWITCH_KEYS = new Set(['lang.switch', 'lang.switchLabel']);

const sortedKeys = (table: Record<string, string>) => Object.keys(table).sort();

/** The source of every module under src/ but the string tables and their lookup (i18n/strings*.ts). */
function appSources(): string[] {
  const root = new URL('../../src/', import.meta.url);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.tsx?$/.test(path) && !/^i18n[/\\]strings(?:-\w+)?\.ts$/.test(path))
    .map((path) => readFileSync(new URL(path, root), 'utf8'));
}

describe('STRINGS', () => {
  it('has the same keys in Ukrainian and English', () => {
    expect(sortedKeys(STRINGS.en)).toEqual(sortedKeys(STRINGS.uk));
  });

  it.each(LANGS)('has a non-empty text for every key in %s', (lang) => {
    const empty = Object.entries(STRINGS[lang]).filter(([, text]) => typeof text !== 'string' || text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('writes every Ukrainian text in Cyrillic, except the switch to English', () => {
    const latinOnly = Object.entries(STRINGS.uk).filter(([key, text]) => !SWITCH_KEYS.has(key) && !CYRILLIC.test(text));
    expect(latinOnly).toEqual([]);
  });

  it('writes no English text in Cyrillic, except the switch to Ukrainian', () => {
    const cyrillic = Object.entries(STRINGS.en).filter(([key, text]) => !SWITCH_KEYS.has(key) && CYRILLIC.test(text));
    expect(cyrillic).toEqual([]);
  });

  it('names the other language on the language switch, in that language', () => {
    expect(t('uk', 'lang.switch')).toBe('English');
    expect(CYRILLIC.test(t('en', 'lang.switch'))).toBe(true);
  });

  it('has no key that the app never asks for', () => {
    const code = appSources().join('\n');
    // Keys built at run time, e.g. `layers.${layer}`: any key under such a prefix counts as used.
    const prefixes = [...code.matchAll(/`([a-z][\w.]*\.)\$\{/g)].map(([, prefix = '']) => prefix);
    expect(prefixes).toContain('layers.');
    const quoted = (key: string) => ["'", '"', '`'].some((q) => code.includes(`${q}${key}${q}`));
    const unused = Object.keys(STRINGS.uk).filter(
      (key) => !quoted(key) && !prefixes.some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });

  it('has Ukrainian, the article’s language, as the default', () => {
    expect(DEFAULT_LANG).toBe('uk');
  });
});

describe('parseLang', () => {
  it.each(['uk', 'en'] as const)('accepts %s', (lang) => {
    expect(parseLang(lang)).toBe(lang);
  });

  it.each(['', 'EN', 'ru', 'uk-UA', ' en', null, undefined])('rejects %j', (value) => {
    expect(parseLang(value)).toBeUndefined();
  });
});

/** The keys of MapLibre's default locale, read from its type declarations (the keys `locale` may patch). */
function mapLibreLocaleKeys(): string[] {
  const require = createRequire(import.meta.url);
  const dts = readFileSync(require.resolve('maplibre-gl/dist/maplibre-gl.d.ts'), 'utf8');
  const block = /declare const defaultLocale: \{([^}]*)\}/.exec(dts)?.[1] ?? '';
  return [...block.matchAll(/"([\w.]+)": string;/g)].map(([, key = '']) => key);
}

describe('MAP_LOCALE', () => {
  it('has the same keys in Ukrainian and English', () => {
    expect(sortedKeys(MAP_LOCALE.en)).toEqual(sortedKeys(MAP_LOCALE.uk));
  });

  it.each(LANGS)('has a non-empty text for every key in %s', (lang) => {
    const empty = Object.entries(MAP_LOCALE[lang]).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('uses only keys MapLibre knows, so no translation is silently ignored', () => {
    const known = mapLibreLocaleKeys();
    expect(known.length).toBeGreaterThan(10);
    expect(sortedKeys(MAP_LOCALE.uk).filter((key) => !known.includes(key))).toEqual([]);
  });

  it('writes the Ukrainian control texts in Cyrillic', () => {
    const latinOnly = Object.entries(MAP_LOCALE.uk).filter(([, text]) => !CYRILLIC.test(text));
    expect(latinOnly).toEqual([]);
  });
});
