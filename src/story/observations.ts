/**
 * Satellite observations (`geo/observations.json`, #27 item 4): what was seen from orbit and when, apart from what was
 * reported. Each says who took the images, who analysed them and its hedge, in both languages. Pure: the validating
 * boundary, like parse-timeline's.
 */
import { bilingualProblem, type DataError, isObject, isText } from './parse-story';
import { SLUG } from './slug';
import { resolveSources, type SourceLedger } from './sources';
import { storySources } from './story-sources';
import { dayOf } from './timeline';
import type { Source } from './types';

type Json = unknown;

export interface Observation {
  id: string;
  /** First and last day of the images, `YYYY-MM-DD`. */
  start: string;
  end?: string;
  /** `day`: the sources give the days; `approximate`: the window is the reported one, not the images' own dates. */
  precision: 'day' | 'approximate';
  title_uk: string;
  title_en: string;
  /** Who took the images ("Planet Labs"; "not named" when no source says). */
  taken_by_uk: string;
  taken_by_en: string;
  /** Who read them. */
  analysed_by_uk: string;
  analysed_by_en: string;
  /** What the images do and do not show, attributed. */
  hedge_uk: string;
  hedge_en: string;
  features: string[];
  sources: Source[];
}

function observationProblem(
  o: Record<string, Json>,
  range: readonly [number, number],
  featureIds: ReadonlySet<string>,
  ledger: SourceLedger,
): string | undefined {
  if (typeof o.id !== 'string' || !SLUG.test(o.id)) return 'id as a lower-case slug';
  const start = typeof o.start === 'string' ? dayOf(o.start) : undefined;
  if (start === undefined) return 'start as a calendar date YYYY-MM-DD';
  const end = o.end === undefined ? start : typeof o.end === 'string' ? dayOf(o.end) : undefined;
  if (end === undefined || end < start) return 'end as a calendar date on or after start';
  if (start < range[0] || end > range[1]) return 'dates inside the timeline';
  if (o.precision !== 'day' && o.precision !== 'approximate') return 'precision, one of day, approximate';
  for (const stem of ['title', 'taken_by', 'analysed_by', 'hedge']) {
    const problem = bilingualProblem(o, stem, '');
    if (problem) return problem;
  }
  if (!Array.isArray(o.features) || o.features.length === 0 || !o.features.every(isText)) {
    return 'features as a non-empty list of ids';
  }
  const unknown = o.features.find((id) => !featureIds.has(id));
  if (unknown !== undefined) return `features naming known features (no ${unknown})`;
  return resolveSources(o.sources, 'sources', ledger).problem;
}

/**
 * Checks `geo/observations.json` (already JSON-parsed) against the timeline's days (`[first, last]`, days since
 * 1970-01-01) and the feature ids, resolving source ids against the ledger. Never throws.
 */
export function parseObservations(
  file: string,
  value: Json,
  known: { range: readonly [number, number]; features: ReadonlySet<string> },
  ledger: SourceLedger = storySources(),
): { observations: Observation[]; errors: DataError[] } {
  if (!isObject(value) || !Array.isArray(value.observations)) {
    return { observations: [], errors: [{ file, message: 'expected { observations: [...] }' }] };
  }
  const observations: Observation[] = [];
  const errors: DataError[] = [];
  value.observations.forEach((o: Json, index: number) => {
    const label = isObject(o) && typeof o.id === 'string' ? o.id.slice(0, 64) : `#${index}`;
    const problem = isObject(o) ? observationProblem(o, known.range, known.features, ledger) : 'an observation object';
    if (problem) errors.push({ file, feature: label, message: `expected ${problem}` });
    else if (observations.some((x) => x.id === label))
      errors.push({ file, feature: label, message: 'expected a unique id' });
    else {
      const sources = resolveSources((o as { sources: Json }).sources, 'sources', ledger).sources as Source[];
      observations.push({ ...(o as unknown as Observation), sources });
    }
  });
  return { observations, errors };
}

/** The first and last day of an observation's images (days since 1970-01-01). */
export function daysOfObservation(o: Observation): [number, number] {
  const start = dayOf(o.start)!;
  return [start, o.end === undefined ? start : dayOf(o.end)!];
}

/** The observations whose days include `day` (days since 1970-01-01). */
export function observationsOn(day: number, observations: readonly Observation[]): Observation[] {
  return observations.filter((o) => {
    const [start, end] = daysOfObservation(o);
    return start <= day && day <= end;
  });
}
