/**
 * The claims as schema.org `Claim`s in JSON-LD, for the page's `<script type="application/ld+json">` (#27): each with
 * its text in both languages, its `author` (the asserting sources that relay no one) and every `appearance` (each
 * asserting source as a `CreativeWork`). Not `ClaimReview`: the story reports claims, it does not rate them. Pure.
 */
import { type Claim, parseClaims } from './claims';
import type { DataError } from './parse-story';
import { type LedgerSource, parseSourceLedger, type SourceLedger } from './sources';

const organisation = (s: LedgerSource) => ({ '@type': 'Organization', name: s.publisher_en });

function creativeWork(s: LedgerSource) {
  return {
    '@type': 'CreativeWork',
    ...(s.title ? { headline: s.title, inLanguage: s.title_lang } : { description: s.about_en }),
    datePublished: s.date,
    publisher: organisation(s),
    ...(s.url && { url: s.url }),
    ...(s.archive_url && { archivedAt: s.archive_url }),
  };
}

/** The JSON-LD document (`@graph` of `Claim`s) for `claims`, their sources looked up in `ledger`. */
export function claimsJsonLd(claims: readonly Claim[], ledger: SourceLedger): object {
  return {
    '@context': 'https://schema.org',
    '@graph': claims.map((c) => {
      const asserting = c.asserted_by.map((id) => ledger.get(id)).filter((s): s is LedgerSource => s !== undefined);
      const authors = asserting.filter((s) => s.derived_from.length === 0);
      return {
        '@type': 'Claim',
        '@id': `#claim-${c.id}`,
        text: [
          { '@value': c.text_uk, '@language': 'uk' },
          { '@value': c.text_en, '@language': 'en' },
        ],
        author: (authors.length > 0 ? authors : asserting).map(organisation),
        appearance: asserting.map(creativeWork),
      };
    }),
  };
}

/** The document as the text of a `<script>` element: `<` escaped so no data can close the element. */
export function jsonLdScriptText(doc: object): string {
  return JSON.stringify(doc).replaceAll('<', '\\u003c');
}

/** The JSON-LD script text for the ledger and claims files as parsed JSON, or the data errors that prevent it. */
export function claimsJsonLdFromFiles(
  sourcesJson: unknown,
  claimsJson: unknown,
): { text?: string; errors: DataError[] } {
  const ledger = parseSourceLedger('geo/sources.json', sourcesJson);
  const claims = parseClaims('geo/claims.json', claimsJson, { sources: ledger.sources });
  const errors = [...ledger.errors, ...claims.errors];
  return errors.length > 0
    ? { errors }
    : { text: jsonLdScriptText(claimsJsonLd(claims.claims, ledger.sources)), errors };
}
