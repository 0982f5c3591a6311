import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ArticleParagraph, type CitedQuote, citedQuotes, segmentArticle } from '../../src/story/article';
import { QUOTES } from '../../src/story/quotes';

const ARTICLE = readFileSync(
  fileURLToPath(new URL('../../src/article/ukrinform-2023-10-18.uk.txt', import.meta.url)),
  'utf8',
);
const CITED = citedQuotes(QUOTES);
const PARAGRAPHS = segmentArticle(ARTICLE, CITED);

const joined = (paragraph: ArticleParagraph) => paragraph.map((s) => s.text).join('');
const marked = (paragraphs: ArticleParagraph[]) => paragraphs.flat().filter((s) => s.ids.length > 0);

describe('citedQuotes', () => {
  it('lists each quote text once, with every feature that cites it in table order', () => {
    const quotes = citedQuotes({
      a: [{ uk: 'one' }, { uk: 'two' }],
      b: [{ uk: 'two' }],
      c: [{ uk: 'one' }],
    });
    expect(quotes).toEqual([
      { text: 'one', ids: ['a', 'c'] },
      { text: 'two', ids: ['a', 'b'] },
    ]);
  });

  it('groups the real quote table without losing a feature', () => {
    const ids = new Set(CITED.flatMap((q) => q.ids));
    expect([...ids].sort()).toEqual(Object.keys(QUOTES).sort());
    expect(new Set(CITED.map((q) => q.text)).size).toBe(CITED.length);
  });
});

describe('segmentArticle on the Ukrinform article', () => {
  const lines = ARTICLE.split('\n').filter((line) => line.trim() !== '');

  it('gives one paragraph per non-empty line', () => {
    expect(PARAGRAPHS).toHaveLength(lines.length);
  });

  it('gives back every line exactly when a paragraph’s segments are joined', () => {
    expect(PARAGRAPHS.map(joined)).toEqual(lines);
  });

  it('never returns an empty segment', () => {
    expect(PARAGRAPHS.flat().filter((s) => s.text === '')).toEqual([]);
  });

  it.each(CITED.map((q) => [q.text.slice(0, 50), q] as const))('marks the quote “%s…”', (_label, quote) => {
    const hit = marked(PARAGRAPHS).find((s) => s.text.includes(quote.text) && s.quotes.includes(quote.text));
    expect(hit).toBeDefined();
    for (const id of quote.ids) expect(hit?.ids).toContain(id);
  });

  it('leaves the unquoted text unmarked', () => {
    const plain = PARAGRAPHS.flat().filter((s) => s.ids.length === 0);
    expect(plain.length).toBeGreaterThan(0);
    for (const s of plain) expect(s.quotes).toEqual([]);
  });

  it('marks only text that some quote covers', () => {
    for (const s of marked(PARAGRAPHS)) {
      expect(s.quotes.length).toBeGreaterThan(0);
      for (const q of s.quotes) expect(s.text).toContain(q);
    }
  });
});

describe('segmentArticle on small texts', () => {
  const quote = (text: string, ...ids: string[]): CitedQuote => ({ text, ids });

  it('merges overlapping quotes into one marked passage carrying both quotes and all ids', () => {
    const paragraphs = segmentArticle('Start. Alpha beta gamma delta. End.', [
      quote('Alpha beta gamma', 'a'),
      quote('gamma delta.', 'b', 'a'),
    ]);
    expect(paragraphs).toEqual([
      [
        { text: 'Start. ', ids: [], quotes: [] },
        { text: 'Alpha beta gamma delta.', ids: ['a', 'b'], quotes: ['Alpha beta gamma', 'gamma delta.'] },
        { text: ' End.', ids: [], quotes: [] },
      ],
    ]);
  });

  it('folds a quote inside another into the longer one', () => {
    const [paragraph] = segmentArticle('One two three four.', [quote('two', 'inner'), quote('One two three', 'outer')]);
    expect(paragraph).toEqual([
      { text: 'One two three', ids: ['outer', 'inner'], quotes: ['One two three', 'two'] },
      { text: ' four.', ids: [], quotes: [] },
    ]);
  });

  it('keeps quotes that only touch as two passages', () => {
    const [paragraph] = segmentArticle('AB', [quote('A', 'a'), quote('B', 'b')]);
    expect(paragraph?.map((s) => [s.text, s.ids])).toEqual([
      ['A', ['a']],
      ['B', ['b']],
    ]);
  });

  it('marks nothing for a quote that is not in the text', () => {
    expect(segmentArticle('Nothing quoted here.', [quote('Not in the article.', 'x')])).toEqual([
      [{ text: 'Nothing quoted here.', ids: [], quotes: [] }],
    ]);
  });

  it('does not match a quote across a line break', () => {
    const paragraphs = segmentArticle('first half\nsecond half', [quote('half\nsecond', 'x')]);
    expect(marked(paragraphs)).toEqual([]);
  });

  it('skips blank and whitespace-only lines', () => {
    expect(segmentArticle('one\n\n   \ntwo\n', []).map(joined)).toEqual(['one', 'two']);
  });
});
