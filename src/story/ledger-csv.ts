/**
 * The source ledger and the claims as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, a quote or a line break), both languages side by side, for a reader to download and check. Pure.
 */
import { csvField } from '../text/escape';
import { type Claim, independentAssertions } from './claims';
import type { SourceLedger } from './sources';

/** Rows (the first is the header) as CSV text. */
export function csvOf(rows: readonly (readonly (string | number | undefined)[])[]): string {
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export const SOURCE_CSV_HEADER = [
  'id',
  'kind',
  'publisher_uk',
  'publisher_en',
  'title',
  'about_uk',
  'about_en',
  'date',
  'url',
  'archive_url',
  'no_archive_reason_en',
  'derived_from',
] as const;

/** Every source of the ledger, one a row, `derived_from` ids joined with a space. */
export function sourcesCsv(ledger: SourceLedger): string {
  return csvOf([
    SOURCE_CSV_HEADER,
    ...[...ledger.values()].map((s) => [
      s.id,
      s.kind,
      s.publisher_uk,
      s.publisher_en,
      s.title,
      s.about_uk,
      s.about_en,
      s.date,
      s.url,
      s.archive_url,
      s.no_archive_reason_en,
      s.derived_from.join(' '),
    ]),
  ]);
}

export const CLAIM_CSV_HEADER = [
  'id',
  'text_uk',
  'text_en',
  'measure',
  'qualifier',
  'value',
  'unit',
  'asserted_by',
  'denied_by',
  'independent_sources',
  'evidence',
  'features',
  'events',
] as const;

/** Every claim, one a row, with the number of independent asserting sources; id lists joined with a space. */
export function claimsCsv(claims: readonly Claim[], ledger: SourceLedger): string {
  return csvOf([
    CLAIM_CSV_HEADER,
    ...claims.map((c) => [
      c.id,
      c.text_uk,
      c.text_en,
      c.measure,
      c.qualifier,
      c.value,
      c.unit,
      c.asserted_by.join(' '),
      c.denied_by.join(' '),
      independentAssertions(c, ledger),
      c.evidence,
      c.features.join(' '),
      c.events.join(' '),
    ]),
  ]);
}
