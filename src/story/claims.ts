/**
 * The story's central claims (`geo/claims.json`): what is claimed, in both languages, with its figure where it has
 * one, who asserts it, who denies it, the kind of evidence, and the features and events it concerns. Pure.
 */
import { bilingualProblem, type DataError, isObject, isText } from './parse-story';
import { SLUG } from './slug';
import { independentSourceCount, type SourceLedger } from './sources';
import { MEASURES, type Measure, QUALIFIERS, type Qualifier, REPORTED_UNITS, type ReportedUnit } from './types';

type Json = unknown;

/** What the claim rests on. */
export const CLAIM_EVIDENCE = ['satellite-imagery', 'official-statement', 'news-report'] as const;
export type ClaimEvidence = (typeof CLAIM_EVIDENCE)[number];

export interface Claim {
  id: string;
  text_uk: string;
  text_en: string;
  /** The figure, for a claim that is a number: the same measure, value, unit and qualifier as the reported figures. */
  measure?: Measure;
  value?: number;
  unit?: ReportedUnit;
  qualifier?: Qualifier;
  /** Source ids (geo/sources.json) that make the claim, and that deny it. */
  asserted_by: string[];
  denied_by: string[];
  evidence: ClaimEvidence;
  /** Story features and timeline events it concerns. */
  features: string[];
  events: string[];
}

/** The ids a claims file may name: sources always; features and events when they are known. */
export interface ClaimRefs {
  sources: SourceLedger;
  features?: ReadonlySet<string>;
  events?: ReadonlySet<string>;
}

function idsProblem(value: Json, field: string, known: { has(id: string): boolean } | undefined, empty = false) {
  if (!Array.isArray(value) || (!empty && value.length === 0) || !value.every(isText)) {
    return `${field} as a ${empty ? '' : 'non-empty '}list of ids`;
  }
  const unknown = known && value.find((id) => !known.has(id));
  return unknown === undefined ? undefined : `${field} naming known ids (no ${unknown})`;
}

function claimProblem(c: Record<string, Json>, refs: ClaimRefs): string | undefined {
  if (typeof c.id !== 'string' || !SLUG.test(c.id)) return 'id as a lower-case slug';
  const text = bilingualProblem(c, 'text', '');
  if (text) return text;
  if (c.measure !== undefined || c.value !== undefined) {
    if (!(MEASURES as readonly Json[]).includes(c.measure)) return `measure, one of ${MEASURES.join(', ')}`;
    if (typeof c.value !== 'number' || !Number.isFinite(c.value)) return 'value as a number';
    if (!(REPORTED_UNITS as readonly Json[]).includes(c.unit)) return `unit, one of ${REPORTED_UNITS.join(', ')}`;
    if (c.qualifier !== undefined && !(QUALIFIERS as readonly Json[]).includes(c.qualifier)) {
      return `qualifier, one of ${QUALIFIERS.join(', ')}`;
    }
  }
  const problem =
    idsProblem(c.asserted_by, 'asserted_by', refs.sources) ??
    idsProblem(c.denied_by, 'denied_by', refs.sources, true) ??
    idsProblem(c.features, 'features', refs.features) ??
    idsProblem(c.events, 'events', refs.events, true);
  if (problem) return problem;
  const both = (c.asserted_by as string[]).find((id) => (c.denied_by as string[]).includes(id));
  if (both !== undefined) return `no source both asserting and denying the claim (${both} does both)`;
  if (!(CLAIM_EVIDENCE as readonly Json[]).includes(c.evidence)) return `evidence, one of ${CLAIM_EVIDENCE.join(', ')}`;
  return undefined;
}

/** Checks `geo/claims.json` (already JSON-parsed) against the ids it may name; keeps the valid claims. Never throws. */
export function parseClaims(file: string, value: Json, refs: ClaimRefs): { claims: Claim[]; errors: DataError[] } {
  if (!isObject(value) || !Array.isArray(value.claims)) {
    return { claims: [], errors: [{ file, message: 'expected { claims: [...] }' }] };
  }
  const claims: Claim[] = [];
  const errors: DataError[] = [];
  value.claims.forEach((c: Json, index: number) => {
    const label = isObject(c) && typeof c.id === 'string' ? c.id.slice(0, 64) : `#${index}`;
    const problem = isObject(c) ? claimProblem(c, refs) : 'a claim object';
    if (problem) errors.push({ file, feature: label, message: `expected ${problem}` });
    else if (claims.some((x) => x.id === label)) errors.push({ file, feature: label, message: 'expected a unique id' });
    else claims.push(c as unknown as Claim);
  });
  return { claims, errors };
}

/** The number of independent sources asserting `claim` (see `independentSourceCount`). */
export function independentAssertions(claim: Claim, ledger: SourceLedger): number {
  return independentSourceCount(claim.asserted_by, ledger);
}

/** The claims that concern a feature, in the file's order. */
export function claimsFor(featureId: string, claims: readonly Claim[]): Claim[] {
  return claims.filter((c) => c.features.includes(featureId));
}
