/**
 * The one boundary where story GeoJSON enters the app: checks a parsed JSON value against the
 * data model and returns the valid features plus errors that name the file, the feature and what was expected.
 */

import { SLUG } from './slug';
import { resolveSource, resolveSources, type SourceLedger } from './sources';
import { storySources } from './story-sources';
import { dayOf } from './timeline';
import {
  CONFIDENCES,
  FEATURE_KINDS,
  MEASURES,
  QUALIFIERS,
  REPORTED_UNITS,
  type ReportedFigure,
  type Source,
  type StoryFeature,
  type StoryGeometry,
  type StoryProperties,
} from './types';

export interface DataError {
  file: string;
  /** The feature's id, or `#index` when it has none; undefined for file-level errors. */
  feature?: string;
  message: string;
}

export interface ParsedLayer {
  features: StoryFeature[];
  errors: DataError[];
}

type Json = unknown;

export const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const isText = (v: Json): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * A reader-facing text given in both languages: `${stem}_uk` and `${stem}_en` are both present and non-empty, or (when
 * `optional`) both absent. Returns the problem naming the missing field, or undefined.
 */
export function bilingualProblem(
  o: Record<string, Json>,
  stem: string,
  where: string,
  optional = false,
): string | undefined {
  const uk = o[`${stem}_uk`];
  const en = o[`${stem}_en`];
  if (optional && uk === undefined && en === undefined) return undefined;
  if (!isText(uk)) return `${where}${stem}_uk as non-empty text (every reader-facing text is given in Ukrainian)`;
  if (!isText(en)) return `${where}${stem}_en as non-empty text (every reader-facing text is given in English)`;
  return undefined;
}

function positionProblem(p: Json): string | undefined {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) return 'a position [lon, lat]';
  const [lon, lat] = p as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return 'numeric [lon, lat]';
  }
  if (lon < -180 || lon > 180) return `longitude within ±180 (got ${lon})`;
  if (lat < -90 || lat > 90) return `latitude within ±90 (got ${lat})`;
  return undefined;
}

function lineProblem(line: Json): string | undefined {
  if (!Array.isArray(line) || line.length < 2) return 'a line of at least 2 positions';
  for (let i = 0; i < line.length; i++) {
    const problem = positionProblem(line[i]);
    if (problem) return `${problem} at position ${i}`;
    if (i > 0) {
      const jump = Math.abs((line[i] as number[])[0]! - (line[i - 1] as number[])[0]!);
      if (jump > 180) return `no segment jumping the antimeridian (position ${i})`;
    }
  }
  return undefined;
}

function geometryProblem(g: Json): string | undefined {
  if (!isObject(g)) return 'a geometry object';
  switch (g.type) {
    case 'Point':
      return positionProblem(g.coordinates);
    case 'LineString':
      return lineProblem(g.coordinates);
    case 'MultiLineString':
      if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return 'a non-empty MultiLineString';
      for (const line of g.coordinates) {
        const problem = lineProblem(line);
        if (problem) return problem;
      }
      return undefined;
    default:
      return `geometry type Point, LineString or MultiLineString (got ${String(g.type)})`;
  }
}

export function sourceProblem(s: Json): string | undefined {
  if (!isObject(s)) return 'a source object';
  const publisher = bilingualProblem(s, 'publisher', 'source ');
  if (publisher) return publisher;
  if (s.title !== undefined && !isText(s.title)) return 'source title (the headline as published) as non-empty text';
  if (
    s.title !== undefined &&
    !(typeof s.title_lang === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(s.title_lang))
  ) {
    return "source title_lang, the headline's language as a BCP 47 tag (e.g. en)";
  }
  const about = bilingualProblem(s, 'about', 'source ', true);
  if (about) return about;
  if (s.title === undefined && s.about_uk === undefined) {
    return 'a source with a title (the headline as published) or about_uk and about_en (our description)';
  }
  if (!isText(s.date)) return 'a source date';
  if (!isSourceDate(s.date)) return `a source date as YYYY-MM-DD (got ${s.date})`;
  if (s.url !== undefined && !(typeof s.url === 'string' && /^https?:\/\/[^\s"<>]+$/.test(s.url))) {
    return 'a source url starting with http:// or https://';
  }
  return undefined;
}

/** A real calendar day `YYYY-MM-DD`, or a month `YYYY-MM` (01–12) for a source dated only to the month. */
function isSourceDate(text: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text) || dayOf(text) !== undefined;
}

function propertiesProblem(p: Json, ledger: SourceLedger): string | undefined {
  if (!isObject(p)) return 'a properties object';
  if (typeof p.id !== 'string' || !SLUG.test(p.id)) return 'properties.id as a lower-case slug';
  for (const stem of ['name', 'summary'] as const) {
    const problem = bilingualProblem(p, stem, 'properties.');
    if (problem) return problem;
  }
  if (!(FEATURE_KINDS as readonly Json[]).includes(p.kind))
    return `properties.kind, one of ${FEATURE_KINDS.join(', ')}`;
  if (!(CONFIDENCES as readonly Json[]).includes(p.confidence)) {
    return `properties.confidence, one of ${CONFIDENCES.join(', ')}`;
  }
  if (p.placement_note !== undefined || p.vessels !== undefined) {
    return `properties.${p.placement_note !== undefined ? 'placement_note' : 'vessels'} split into _uk and _en`;
  }
  const placement = bilingualProblem(p, 'placement_note', 'properties.', p.confidence === 'reported');
  if (placement) return `${placement}, saying how an estimated or schematic feature was placed`;
  for (const stem of ['period'] as const) {
    const problem = bilingualProblem(p, stem, 'properties.', true);
    if (problem) return problem;
  }
  const cited = resolveSources(p.sources, 'properties.sources', ledger);
  if (cited.problem) return cited.problem;
  if (p.reported !== undefined) {
    if (!Array.isArray(p.reported)) return 'properties.reported as a list';
    for (const r of p.reported) {
      if (!isObject(r) || typeof r.value !== 'number' || !Number.isFinite(r.value)) {
        return 'properties.reported entries with measure, value, unit, what, by and source';
      }
      if (!(MEASURES as readonly Json[]).includes(r.measure)) {
        return `properties.reported measure, one of ${MEASURES.join(', ')}`;
      }
      for (const stem of ['what', 'by'] as const) {
        const problem = bilingualProblem(r, stem, 'properties.reported ');
        if (problem) return problem;
      }
      if (r.qualifier !== undefined && !(QUALIFIERS as readonly Json[]).includes(r.qualifier)) {
        return `properties.reported qualifier, one of ${QUALIFIERS.join(', ')}`;
      }
      if (!(REPORTED_UNITS as readonly Json[]).includes(r.unit)) {
        return `properties.reported unit, one of ${REPORTED_UNITS.join(', ')}`;
      }
      const source = resolveSource(r.source, 'properties.reported source', ledger);
      if (source.problem) return source.problem;
    }
  }
  if (p.vessels_uk !== undefined || p.vessels_en !== undefined) {
    const names = (v: Json) => Array.isArray(v) && v.length > 0 && v.every(isText);
    if (!names(p.vessels_uk)) return 'properties.vessels_uk as a list of names (every name is given in Ukrainian)';
    if (!names(p.vessels_en)) return 'properties.vessels_en as a list of names (every name is given in English)';
    if ((p.vessels_uk as Json[]).length !== (p.vessels_en as Json[]).length) {
      return 'properties.vessels_uk and vessels_en naming the same ships in the same order';
    }
  }
  if (
    p.track_km_estimate !== undefined &&
    !(typeof p.track_km_estimate === 'number' && Number.isFinite(p.track_km_estimate) && p.track_km_estimate > 0)
  ) {
    return 'properties.track_km_estimate as a positive number of km';
  }
  for (const key of ['from', 'to'] as const) {
    if (p[key] !== undefined && typeof p[key] !== 'string') return `properties.${key} as text`;
  }
  if (p.great_circle !== undefined && typeof p.great_circle !== 'boolean') return 'properties.great_circle as boolean';
  if (p.waypoints !== undefined) return 'no properties.waypoints (the loader sets it, files never do)';
  return undefined;
}

/**
 * Checks one story layer file (already JSON-parsed) and keeps its valid features, their source ids resolved against
 * the ledger (`geo/sources.json` unless given). Never throws.
 */
export function parseStoryLayer(file: string, value: Json, ledger: SourceLedger = storySources()): ParsedLayer {
  const errors: DataError[] = [];
  if (!isObject(value) || value.type !== 'FeatureCollection' || !Array.isArray(value.features)) {
    return { features: [], errors: [{ file, message: 'expected a GeoJSON FeatureCollection with a features list' }] };
  }
  const features: StoryFeature[] = [];
  value.features.forEach((f: Json, index: number) => {
    const props = isObject(f) ? f.properties : undefined;
    const label = isObject(props) && typeof props.id === 'string' ? props.id.slice(0, 64) : `#${index}`;
    if (!isObject(f) || f.type !== 'Feature') {
      errors.push({ file, feature: label, message: 'expected a GeoJSON Feature' });
      return;
    }
    const problem = geometryProblem(f.geometry) ?? propertiesProblem(props, ledger);
    if (problem) {
      errors.push({ file, feature: label, message: `expected ${problem}` });
      return;
    }
    const properties = props as unknown as StoryProperties;
    features.push({
      type: 'Feature',
      id: properties.id,
      geometry: f.geometry as unknown as StoryGeometry,
      properties: {
        ...properties,
        sources: resolveSources(properties.sources, '', ledger).sources as Source[],
        reported: (properties.reported as ReportedFigure[] | undefined)?.map((r) => ({
          ...r,
          source: resolveSource(r.source, '', ledger).source as Source,
        })),
      },
    });
  });
  return { features, errors };
}

/** Drops features whose id another file already used, reporting each duplicate. */
export function dedupeIds(layers: { file: string; parsed: ParsedLayer }[]): DataError[] {
  const seen = new Map<string, string>();
  const errors: DataError[] = [];
  for (const { file, parsed } of layers) {
    parsed.features = parsed.features.filter((f) => {
      const id = f.properties.id;
      const first = seen.get(id);
      if (first !== undefined) {
        errors.push({ file, feature: id, message: `expected a unique id (already used in ${first})` });
        return false;
      }
      seen.set(id, file);
      return true;
    });
  }
  return errors;
}
