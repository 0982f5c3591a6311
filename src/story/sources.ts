/**
 * The source ledger (`geo/sources.json`): every source the story cites, once, with an id that features, events,
 * reported figures and claims use. Pure: validation, the Wayback link, and the count of independent sources.
 */
import { bilingualProblem, type DataError, isObject, isText, sourceProblem } from './parse-story';
import { SLUG } from './slug';
import type { Source } from './types';

type Json = unknown;

/** What kind of evidence a source is. */
export const SOURCE_KINDS = ['imagery-analysis', 'official-statement', 'news-report', 'state-media'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A source of the ledger: a `Source` with its id, kind, what it relays and its archived copy. */
export interface LedgerSource extends Source {
  id: string;
  kind: SourceKind;
  /** Ids of the sources it relays: a paper reporting RUSI's imagery is not a second witness. */
  derived_from: string[];
  /** The Wayback "closest capture" of `url` on the date it was cited (`archiveUrlFor`). */
  archive_url?: string;
  /** Why there is no archived copy, in each language. */
  no_archive_reason_uk?: string;
  no_archive_reason_en?: string;
}

export type SourceLedger = ReadonlyMap<string, LedgerSource>;

/**
 * The Wayback Machine's "closest capture" link for `url` as of `date` (`YYYY-MM-DD`, or `YYYY-MM`: the month's last
 * day, so that the capture is not asked for before the item appeared): `https://web.archive.org/web/YYYYMMDD/<url>`.
 */
export function archiveUrlFor(url: string, date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number | undefined];
  const day = d ?? new Date(Date.UTC(y, m, 0)).getUTCDate();
  const stamp = `${y}${String(m).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  return `https://web.archive.org/web/${stamp}/${url}`;
}

function ledgerSourceProblem(s: Record<string, Json>): string | undefined {
  if (typeof s.id !== 'string' || !SLUG.test(s.id)) return 'id as a lower-case slug';
  if (!(SOURCE_KINDS as readonly Json[]).includes(s.kind)) return `kind, one of ${SOURCE_KINDS.join(', ')}`;
  const base = sourceProblem(s);
  if (base) return base;
  if (!Array.isArray(s.derived_from) || !s.derived_from.every(isText)) return 'derived_from as a list of source ids';
  const reason = bilingualProblem(s, 'no_archive_reason', '', true);
  if (reason) return reason;
  const hasReason = s.no_archive_reason_uk !== undefined;
  if (s.archive_url === undefined) {
    return hasReason ? undefined : 'archive_url, or no_archive_reason_uk and _en saying why there is none';
  }
  if (hasReason) return 'either archive_url or no_archive_reason, not both';
  if (typeof s.url !== 'string') return 'a url for the archive_url to archive';
  const expected = archiveUrlFor(s.url, s.date as string);
  return s.archive_url === expected ? undefined : `archive_url ${expected} (built from url and date)`;
}

/** Checks `geo/sources.json` (already JSON-parsed): ids unique, every `derived_from` known, no cycle. Never throws. */
export function parseSourceLedger(
  file: string,
  value: Json,
): { sources: Map<string, LedgerSource>; errors: DataError[] } {
  const sources = new Map<string, LedgerSource>();
  if (!isObject(value) || !Array.isArray(value.sources)) {
    return { sources, errors: [{ file, message: 'expected { sources: [...] }' }] };
  }
  const errors: DataError[] = [];
  value.sources.forEach((s: Json, index: number) => {
    const label = isObject(s) && typeof s.id === 'string' ? s.id.slice(0, 64) : `#${index}`;
    const problem = isObject(s) ? ledgerSourceProblem(s) : 'a source object';
    if (problem) errors.push({ file, feature: label, message: `expected ${problem}` });
    else if (sources.has(label)) errors.push({ file, feature: label, message: 'expected a unique id' });
    else sources.set(label, s as unknown as LedgerSource);
  });
  for (const s of [...sources.values()]) {
    const unknown = s.derived_from.find((id) => !sources.has(id));
    if (unknown !== undefined) {
      errors.push({ file, feature: s.id, message: `expected derived_from naming known sources (no ${unknown})` });
      sources.delete(s.id);
    }
  }
  for (const s of sources.values()) {
    if (rootsOf(s.id, sources).has(s.id) && s.derived_from.length > 0) {
      errors.push({ file, feature: s.id, message: 'expected derived_from without a cycle' });
    }
  }
  return { sources, errors };
}

/** The sources at the root of `id`'s relay chain: itself when it relays nothing. */
export function rootsOf(id: string, ledger: SourceLedger): Set<string> {
  const roots = new Set<string>();
  const seen = new Set<string>();
  const walk = (at: string) => {
    if (seen.has(at)) {
      if (at === id) roots.add(id);
      return;
    }
    seen.add(at);
    const parents = ledger.get(at)?.derived_from ?? [];
    if (parents.length === 0) roots.add(at);
    for (const p of parents) walk(p);
  };
  walk(id);
  return roots;
}

/**
 * How many independent sources assert something: the largest number of the asserting sources no two of which share a
 * root of their `derived_from` chains. B relaying A, with C: 2; C relaying B relaying A: 1. A source relaying two
 * witnesses (an article citing RUSI and the White House) does not join them into one, nor count as a third.
 */
export function independentSourceCount(ids: readonly string[], ledger: SourceLedger): number {
  const roots = [...new Set(ids)].map((id) => rootsOf(id, ledger));
  const disjoint = (a: Set<string>, b: Set<string>) => ![...a].some((r) => b.has(r));
  // Exhaustive search: a claim has a handful of sources.
  const best = (from: number, chosen: Set<string>[]): number => {
    if (from === roots.length) return chosen.length;
    const skip = best(from + 1, chosen);
    const here = roots[from]!;
    return chosen.every((c) => disjoint(c, here)) ? Math.max(skip, best(from + 1, [...chosen, here])) : skip;
  };
  return best(0, []);
}

/**
 * A list of sources as cited in a file: each an id of the ledger (resolved to its source) or, in test fixtures, an
 * inline source. Returns the sources, or the problem naming `field` and the unknown id.
 */
export function resolveSources(
  list: Json,
  field: string,
  ledger: SourceLedger,
): { sources: Source[]; problem?: undefined } | { sources?: undefined; problem: string } {
  if (!Array.isArray(list) || list.length === 0) return { problem: `${field} as a non-empty list` };
  const sources: Source[] = [];
  for (const s of list) {
    const resolved = resolveSource(s, field, ledger);
    if (resolved.problem !== undefined) return { problem: resolved.problem };
    sources.push(resolved.source);
  }
  return { sources };
}

/** One cited source: an id of the ledger, or an inline source object (test fixtures). */
export function resolveSource(
  s: Json,
  field: string,
  ledger: SourceLedger,
): { source: Source; problem?: undefined } | { source?: undefined; problem: string } {
  if (typeof s === 'string') {
    const source = ledger.get(s);
    return source ? { source } : { problem: `${field} naming sources of geo/sources.json (no ${s.slice(0, 64)})` };
  }
  const problem = sourceProblem(s);
  return problem ? { problem: `${field}: ${problem}` } : { source: s as unknown as Source };
}
