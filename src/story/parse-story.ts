/**
 * The one boundary where story GeoJSON enters the app: checks a parsed JSON value against the
 * data model and returns the valid features plus errors that name the file, the feature and what was expected.
 */
import {
  CONFIDENCES,
  FEATURE_KINDS,
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

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: Json): v is string => typeof v === 'string' && v.trim() !== '';
const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
const REPORTED_UNITS: readonly Json[] = ['km', 'containers', 'round-trips'];

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

function sourceProblem(s: Json): string | undefined {
  if (!isObject(s)) return 'a source object';
  if (!isText(s.title) || !isText(s.publisher) || !isText(s.date)) return 'a source with title, publisher and date';
  if (!/^\d{4}-\d{2}(-\d{2})?$/.test(s.date)) return `a source date as YYYY-MM-DD (got ${s.date})`;
  if (s.url !== undefined && !(typeof s.url === 'string' && /^https?:\/\/[^\s"<>]+$/.test(s.url))) {
    return 'a source url starting with http:// or https://';
  }
  return undefined;
}

function propertiesProblem(p: Json): string | undefined {
  if (!isObject(p)) return 'a properties object';
  if (typeof p.id !== 'string' || !SLUG.test(p.id)) return 'properties.id as a lower-case slug';
  for (const key of ['name_uk', 'name_en', 'summary_uk', 'summary_en'] as const) {
    if (!isText(p[key])) return `properties.${key} as non-empty text`;
  }
  if (!(FEATURE_KINDS as readonly Json[]).includes(p.kind))
    return `properties.kind, one of ${FEATURE_KINDS.join(', ')}`;
  if (!(CONFIDENCES as readonly Json[]).includes(p.confidence)) {
    return `properties.confidence, one of ${CONFIDENCES.join(', ')}`;
  }
  if (p.confidence !== 'reported' && !isText(p.placement_note)) {
    return 'properties.placement_note for an estimated or schematic feature';
  }
  if (!Array.isArray(p.sources) || p.sources.length === 0) return 'properties.sources as a non-empty list';
  for (const s of p.sources) {
    const problem = sourceProblem(s);
    if (problem) return `properties.sources: ${problem}`;
  }
  if (p.reported !== undefined) {
    if (!Array.isArray(p.reported)) return 'properties.reported as a list';
    for (const r of p.reported) {
      if (!isObject(r) || typeof r.value !== 'number' || !Number.isFinite(r.value) || !isText(r.by)) {
        return 'properties.reported entries with value, unit, by and source';
      }
      if (r.qualifier !== undefined && !['about', 'at-least', 'more-than'].includes(r.qualifier as string)) {
        return 'properties.reported qualifier, one of about, at-least, more-than';
      }
      if (!REPORTED_UNITS.includes(r.unit)) {
        return `properties.reported unit, one of ${REPORTED_UNITS.join(', ')}`;
      }
      const problem = sourceProblem(r.source);
      if (problem) return `properties.reported: ${problem}`;
    }
  }
  if (p.vessels !== undefined && !(Array.isArray(p.vessels) && p.vessels.every(isText))) {
    return 'properties.vessels as a list of names';
  }
  for (const key of ['period_uk', 'period_en', 'placement_note', 'from', 'to'] as const) {
    if (p[key] !== undefined && typeof p[key] !== 'string') return `properties.${key} as text`;
  }
  if (p.great_circle !== undefined && typeof p.great_circle !== 'boolean') return 'properties.great_circle as boolean';
  if (p.waypoints !== undefined) return 'no properties.waypoints (the loader sets it, files never do)';
  return undefined;
}

/** Checks one story layer file (already JSON-parsed) and keeps its valid features. Never throws. */
export function parseStoryLayer(file: string, value: Json): ParsedLayer {
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
    const problem = geometryProblem(f.geometry) ?? propertiesProblem(props);
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
        sources: properties.sources as Source[],
        reported: properties.reported as ReportedFigure[] | undefined,
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
