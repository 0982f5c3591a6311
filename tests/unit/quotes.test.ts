import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FEATURES_WITHOUT_QUOTE, QUOTES, quotesFor } from '../../src/story/quotes';

const ARTICLE_NAME = 'ukrinform-2023-10-18.uk.txt';
const ARTICLE_PATH = fileURLToPath(new URL(`../../src/article/${ARTICLE_NAME}`, import.meta.url));
// The shared research copy the repo's copy was taken from; absent outside the working setup.
const SHARED_ARTICLE_PATH = fileURLToPath(new URL(`../../../shared/article/${ARTICLE_NAME}`, import.meta.url));
/** `sha256sum ../shared/article/ukrinform-2023-10-18.uk.txt` (3709 bytes), taken from the research copy. */
const SHARED_ARTICLE_SHA256 = '626f8af69defe74bd8051c84f9fd338c5de50eac9540265fca2c76547563bfcd';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const GEO_DIR = fileURLToPath(new URL('../../geo/', import.meta.url));

const article = readFileSync(ARTICLE_PATH, 'utf8');
const featureIds: string[] = readdirSync(GEO_DIR)
  .filter((name) => name.endsWith('.geojson'))
  .flatMap((name) => JSON.parse(readFileSync(join(GEO_DIR, name), 'utf8')).features)
  .map((feature: { properties: { id: string } }) => feature.properties.id);

const allQuotes = Object.entries(QUOTES).flatMap(([id, quotes]) => quotes.map((quote) => [id, quote] as const));

describe('the article copy', () => {
  it('is the Ukrainian text with its typographic apostrophe', () => {
    expect(article).toContain('об’єднаних');
    expect(article.startsWith('Міністр закордонних справ Росії Сергій Лавров')).toBe(true);
  });

  it('is byte-identical to the shared research copy (its SHA-256, pinned here, so the check runs in any clone)', () => {
    expect(sha256(readFileSync(ARTICLE_PATH))).toBe(SHARED_ARTICLE_SHA256);
    // In the working setup, the pin is checked against the research copy itself.
    if (existsSync(SHARED_ARTICLE_PATH)) expect(sha256(readFileSync(SHARED_ARTICLE_PATH))).toBe(SHARED_ARTICLE_SHA256);
  });
});

describe('QUOTES', () => {
  it.each(allQuotes)('%s: the Ukrainian text is verbatim from the article', (_id, quote) => {
    expect(quote.uk.trim()).toBe(quote.uk);
    expect(quote.uk.length).toBeGreaterThan(0);
    expect(article.includes(quote.uk), quote.uk).toBe(true);
  });

  it.each(allQuotes)('%s: has an English translation', (_id, quote) => {
    expect(quote.en.trim().length).toBeGreaterThan(0);
  });

  it('covers every feature in geo/ except those deliberately left without a quote', () => {
    const missing = featureIds.filter((id) => !FEATURES_WITHOUT_QUOTE.includes(id) && quotesFor(id).length === 0);
    expect(missing).toEqual([]);
  });

  it('is keyed only by real feature ids', () => {
    expect(Object.keys(QUOTES).filter((id) => !featureIds.includes(id))).toEqual([]);
  });

  it('leaves out only real features that indeed have no quote', () => {
    for (const id of FEATURES_WITHOUT_QUOTE) {
      expect(featureIds, id).toContain(id);
      expect(quotesFor(id), id).toEqual([]);
    }
  });
});

describe('quotesFor', () => {
  it('returns the quotes of a feature (the depot: the one sentence on the depot, as an editor placed it)', () => {
    expect(quotesFor('tikhoretsk-depot').map((q) => q.uk.slice(0, 60))).toEqual([
      'Хоча за супутниковими зображеннями неможливо встановити, яки',
    ]);
  });

  it('returns an empty list for unknown ids, including inherited object keys', () => {
    expect(quotesFor('atlantis')).toEqual([]);
    expect(quotesFor('constructor')).toEqual([]);
    expect(quotesFor('__proto__')).toEqual([]);
  });
});

// Which sentence goes where is an editor's call, written out here from the article rather than read from the table.
const ARRIVAL = 'Міністр закордонних справ Росії Сергій Лавров прибув до Пхеньяна';
const DENIAL = 'Пхеньян і Москва заперечують угоду про зброю';
const US_MISSION = 'постійне представництво США при ООН заявило';
const startsWith = (id: string) => quotesFor(id).map((q) => q.uk.slice(0, 40));

describe('where the article’s sentences sit', () => {
  it('gives Sunan airport the arrival sentence, not the one about Beijing', () => {
    expect(quotesFor('pyongyang-sunan').map((q) => q.uk.startsWith(ARRIVAL))).toEqual([true]);
  });

  it('gives Pyongyang the denial as well as Moscow', () => {
    expect(quotesFor('pyongyang').some((q) => q.uk.startsWith(DENIAL))).toBe(true);
    expect(quotesFor('moscow').some((q) => q.uk.startsWith(DENIAL))).toBe(true);
  });

  it("keeps the US Mission's total of North Korea's containers off the Angara and Maria shuttle", () => {
    expect(
      quotesFor('angara-maria-shuttle').some((q) => q.uk.includes(US_MISSION)),
      `${startsWith('angara-maria-shuttle')}`,
    ).toBe(false);
    expect(quotesFor('rajin-port').some((q) => q.uk.includes(US_MISSION))).toBe(true);
  });

  it('translates the article’s "after" and "interaction", and "the arms deal"', () => {
    const after = quotesFor('kim-trip-sep-2023').find((q) => q.uk.startsWith('Після цього візиту'));
    expect(after?.en).toMatch(/^After this visit .* interaction/);
    expect(quotesFor('moscow')[0]?.en).toContain('deny the arms deal');
  });
});
