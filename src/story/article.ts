/**
 * The article split for display: paragraphs of plain text and marked passages, where a passage is
 * a quote that one or more features cite. Pure; offsets are in UTF-16 code units of the article text.
 */

export interface ArticleSegment {
  text: string;
  /** Feature ids that quote this passage (empty for plain text). */
  ids: string[];
  /** The quote texts this passage covers (one, or more when quotes overlap). */
  quotes: string[];
}

export type ArticleParagraph = ArticleSegment[];

export interface CitedQuote {
  text: string;
  ids: string[];
}

/** Groups a quote table (feature id → quote texts) by quote text, keeping the table's feature order. */
export function citedQuotes(table: Record<string, readonly { uk: string }[]>): CitedQuote[] {
  const byText = new Map<string, string[]>();
  for (const [id, quotes] of Object.entries(table)) {
    for (const q of quotes) byText.set(q.uk, [...(byText.get(q.uk) ?? []), id]);
  }
  return [...byText].map(([text, ids]) => ({ text, ids }));
}

/** Splits the article into paragraphs (one per line) with every cited passage marked. */
export function segmentArticle(article: string, quotes: readonly CitedQuote[]): ArticleParagraph[] {
  const paragraphs: ArticleParagraph[] = [];
  let offset = 0;
  for (const line of article.split('\n')) {
    const start = offset;
    const end = start + line.length;
    offset = end + 1;
    if (line.trim() === '') continue;
    const ranges = quotes
      .map((q) => ({ q, at: line.indexOf(q.text) }))
      .filter((r) => r.at >= 0)
      .map((r) => ({ from: r.at, to: r.at + r.q.text.length, ids: r.q.ids, quotes: [r.q.text] }))
      .sort((a, b) => a.from - b.from || b.to - a.to);
    const merged: typeof ranges = [];
    for (const r of ranges) {
      const last = merged.at(-1);
      if (last && r.from < last.to) {
        last.to = Math.max(last.to, r.to);
        last.ids = [...new Set([...last.ids, ...r.ids])];
        last.quotes = [...last.quotes, ...r.quotes];
      } else merged.push({ ...r });
    }
    const segments: ArticleSegment[] = [];
    let cursor = 0;
    for (const r of merged) {
      if (r.from > cursor) segments.push({ text: line.slice(cursor, r.from), ids: [], quotes: [] });
      segments.push({ text: line.slice(r.from, r.to), ids: r.ids, quotes: r.quotes });
      cursor = r.to;
    }
    if (cursor < line.length) segments.push({ text: line.slice(cursor), ids: [], quotes: [] });
    paragraphs.push(segments);
  }
  return paragraphs;
}
