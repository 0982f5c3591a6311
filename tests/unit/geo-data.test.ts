import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { along, bbox, booleanPointInPolygon, distance, flatten, length, lineString } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import {
  CONFIDENCES,
  FEATURE_KINDS,
  type FeatureKind,
  type ReportedFigure,
  STORY_LAYERS,
  type StoryProperties,
} from '../../src/story/types';

const GEO_DIR = fileURLToPath(new URL('../../geo/', import.meta.url));

// Every story place lies in Eurasia between Ukraine's border and the Sea of Japan: a feature outside this box has
// its coordinates swapped (lat, lon) or mistyped.
const STORY_BBOX = { minLon: 30, maxLon: 140, minLat: 35, maxLat: 60 };
// The vessel route is sampled this often and may touch land only this close to a pier (the 1:10m coastline is
// coarser than the harbours).
const SAMPLE_STEP_KM = 0.5;
const PIER_ZONE_KM = 2;

// Which geometry each kind takes; `satisfies` makes a kind added to types.ts fail the type check until listed here.
const SHAPE_OF_KIND: Readonly<Record<string, 'point' | 'line'>> = {
  capital: 'point',
  airport: 'point',
  port: 'point',
  'naval-facility': 'point',
  'ammunition-depot': 'point',
  'rail-junction': 'point',
  'visit-site': 'point',
  'vessel-route': 'line',
  'rail-route': 'line',
  trip: 'line',
} satisfies Record<FeatureKind, 'point' | 'line'>;
// Runtime lists of `ReportedFigure['unit']` and of the `StoryProperties` keys; `satisfies` keeps them in step with
// src/story/types.ts (a key added or removed there fails the type check here). `false`: set by the loader at run
// time, never written in the files.
const REPORTED_UNITS = new Set(
  Object.keys({ km: true, containers: true, 'round-trips': true, ships: true } satisfies Record<
    ReportedFigure['unit'],
    true
  >),
);
const PROPERTY_KEYS: Readonly<Record<string, boolean>> = {
  id: true,
  name_uk: true,
  name_en: true,
  kind: true,
  summary_uk: true,
  summary_en: true,
  sources: true,
  confidence: true,
  placement_note_uk: true,
  placement_note_en: true,
  period_uk: true,
  period_en: true,
  vessels_uk: true,
  vessels_en: true,
  reported: true,
  track_km_estimate: true,
  great_circle: true,
  waypoints: false,
  from: true,
  to: true,
} satisfies Record<keyof StoryProperties, boolean>;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

// Loaded as untyped JSON on purpose: the tests are what establish the shape.
// biome-ignore lint/suspicious/noExplicitAny: raw parsed JSON under test
type Json = any;

interface LoadedFeature {
  file: string;
  feature: Json;
}

const files = readdirSync(GEO_DIR)
  .filter((name) => name.endsWith('.geojson'))
  .sort();
const collections = new Map<string, Json>(
  files.map((name) => [name, JSON.parse(readFileSync(join(GEO_DIR, name), 'utf8'))]),
);
const allFeatures: LoadedFeature[] = [...collections].flatMap(([file, fc]) =>
  Array.isArray(fc?.features) ? fc.features.map((feature: Json) => ({ file, feature })) : [],
);
const byId = new Map<string, Json>(allFeatures.map(({ feature }) => [feature?.properties?.id, feature]));

/** Every position of a geometry, whatever its type. */
function positionsOf(geometry: Json): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'LineString':
    case 'MultiPoint':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    default:
      throw new Error(`unexpected geometry type ${geometry.type}`);
  }
}

/** The consecutive-position sequences (lines and rings) of a geometry. */
function pathsOf(geometry: Json): Position[][] {
  switch (geometry.type) {
    case 'LineString':
      return [geometry.coordinates];
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates;
    case 'MultiPolygon':
      return geometry.coordinates.flat();
    default:
      return [];
  }
}

/** Signed area of a lon/lat ring by the shoelace formula: positive when counter-clockwise. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i] as Position;
    const [x2, y2] = ring[i + 1] as Position;
    sum += (x1 as number) * (y2 as number) - (x2 as number) * (y1 as number);
  }
  return sum / 2;
}

const LEDGER = new Map<string, Json>(
  JSON.parse(readFileSync(join(GEO_DIR, 'sources.json'), 'utf8')).sources.map((s: Json) => [s.id, s]),
);

/** A cited source is an id of geo/sources.json; the ledger's entry must carry a Source. */
function sourceProblems(id: Json, where: string): string[] {
  if (typeof id !== 'string') return [`${where}: an id of geo/sources.json, not an inline source`];
  const source = LEDGER.get(id);
  if (source === undefined) return [`${where}: ${id} is not in geo/sources.json`];
  const problems: string[] = [];
  const text = (v: Json) => typeof v === 'string' && v.trim() !== '';
  if (!text(source?.publisher_uk) || !text(source?.publisher_en)) problems.push(`${where}: publisher_uk and _en`);
  if (source?.title !== undefined ? !text(source.title_lang) : !text(source?.about_uk) || !text(source?.about_en)) {
    problems.push(`${where}: a title with title_lang, or about_uk and about_en`);
  }
  if (typeof source?.date !== 'string' || !DATE.test(source.date)) problems.push(`${where}: date ${source?.date}`);
  if (source?.url !== undefined) {
    if (typeof source.url !== 'string' || !URL.canParse(source.url) || !/^https?:/.test(source.url)) {
      problems.push(`${where}: url ${source.url}`);
    }
  }
  return problems;
}

/** Everything wrong with a feature's properties against `StoryProperties`, as readable messages. */
function propertyProblems(feature: Json): string[] {
  const p = feature.properties ?? {};
  const problems: string[] = [];
  for (const key of ['id', 'name_uk', 'name_en', 'summary_uk', 'summary_en'] as const) {
    if (typeof p[key] !== 'string' || p[key].trim() === '') problems.push(`${key} must be a non-empty string`);
  }
  if (!(FEATURE_KINDS as readonly string[]).includes(p.kind)) problems.push(`kind ${p.kind} not in FEATURE_KINDS`);
  if (!(CONFIDENCES as readonly string[]).includes(p.confidence)) {
    problems.push(`confidence ${p.confidence} not in CONFIDENCES`);
  }
  if (!Array.isArray(p.sources) || p.sources.length === 0) problems.push('sources must be a non-empty array');
  else for (const [i, s] of p.sources.entries()) problems.push(...sourceProblems(s, `sources[${i}]`));
  if (p.confidence === 'estimated' || p.confidence === 'schematic') {
    for (const key of ['placement_note_uk', 'placement_note_en'] as const) {
      if (typeof p[key] !== 'string' || p[key].trim() === '') {
        problems.push(`${key} required when confidence is ${p.confidence}`);
      }
    }
  }
  for (const key of ['placement_note_uk', 'placement_note_en', 'period_uk', 'period_en', 'from', 'to'] as const) {
    if (p[key] !== undefined && (typeof p[key] !== 'string' || p[key].trim() === '')) {
      problems.push(`${key} must be a non-empty string`);
    }
  }
  if ((p.period_uk === undefined) !== (p.period_en === undefined)) problems.push('period_uk and period_en go together');
  for (const key of ['vessels_uk', 'vessels_en'] as const) {
    if (p[key] === undefined) continue;
    if (!Array.isArray(p[key]) || p[key].length === 0 || !p[key].every((v: Json) => typeof v === 'string')) {
      problems.push(`${key} must be a non-empty string array`);
    }
  }
  if (p.vessels_uk?.length !== p.vessels_en?.length) problems.push('vessels_uk and vessels_en name the same ships');
  if (p.great_circle !== undefined && typeof p.great_circle !== 'boolean') {
    problems.push('great_circle must be boolean');
  }
  if (p.reported !== undefined) {
    if (!Array.isArray(p.reported) || p.reported.length === 0) problems.push('reported must be a non-empty array');
    else {
      for (const [i, r] of p.reported.entries()) {
        if (typeof r?.value !== 'number' || !Number.isFinite(r.value)) problems.push(`reported[${i}].value`);
        if (!REPORTED_UNITS.has(r?.unit)) problems.push(`reported[${i}].unit ${r?.unit}`);
        for (const key of ['by_uk', 'by_en', 'what_uk', 'what_en', 'measure'] as const) {
          if (typeof r?.[key] !== 'string' || r[key].trim() === '') problems.push(`reported[${i}].${key}`);
        }
        problems.push(...sourceProblems(r?.source, `reported[${i}].source`));
      }
    }
  }
  // A misspelt optional key would otherwise pass silently.
  for (const key of Object.keys(p)) {
    if (!Object.hasOwn(PROPERTY_KEYS, key)) problems.push(`unknown property ${key}`);
    else if (!PROPERTY_KEYS[key]) problems.push(`${key} is set by the loader and must not be in the file`);
  }
  return problems;
}

describe('geo/ files', () => {
  it('are exactly one FeatureCollection per story layer', () => {
    expect(files.map((name) => basename(name, '.geojson')).sort()).toEqual([...STORY_LAYERS].sort());
  });

  it.each(files)('%s is an RFC 7946 FeatureCollection of Features', (file) => {
    const fc = collections.get(file);
    expect(fc.type).toBe('FeatureCollection');
    expect(Array.isArray(fc.features)).toBe(true);
    expect(fc.features.length).toBeGreaterThan(0);
    // RFC 7946 §4: no other CRS than WGS84.
    expect(fc.crs).toBeUndefined();
    for (const feature of fc.features) {
      expect(feature.type, `${file}: ${feature.id}`).toBe('Feature');
      expect(typeof feature.geometry, `${file}: ${feature.id}`).toBe('object');
      expect(feature.properties, `${file}: ${feature.id}`).toBeTypeOf('object');
    }
  });

  it.each(files)('%s is pretty-printed with two-space indentation', (file) => {
    const text = readFileSync(join(GEO_DIR, file), 'utf8');
    expect(text.startsWith('{\n  "type": "FeatureCollection"')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('geo/ features', () => {
  const cases = allFeatures.map(({ file, feature }) => [`${file} ${feature?.properties?.id}`, feature] as const);

  it('have unique ids across all files, each a slug equal to properties.id', () => {
    const ids = allFeatures.map(({ feature }) => feature.properties?.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { file, feature } of allFeatures) {
      expect(feature.id, `${file}: top-level id`).toBe(feature.properties?.id);
      expect(feature.id, `${file}: slug`).toMatch(SLUG);
    }
  });

  it.each(cases)('%s carries the StoryProperties', (_name, feature) => {
    expect(propertyProblems(feature)).toEqual([]);
  });

  it.each(cases)('%s has a geometry that fits its kind', (_name, feature) => {
    const shape = SHAPE_OF_KIND[feature.properties.kind];
    if (shape === 'point') expect(feature.geometry.type).toBe('Point');
    else expect(['LineString', 'MultiLineString']).toContain(feature.geometry.type);
  });

  it.each(cases)('%s has lon/lat positions inside the story area', (_name, feature) => {
    for (const position of positionsOf(feature.geometry)) {
      expect([2, 3]).toContain(position.length);
      expect(position.every((n) => typeof n === 'number' && Number.isFinite(n))).toBe(true);
      const [lon, lat] = position as [number, number];
      expect(lon).toBeGreaterThanOrEqual(-180);
      expect(lon).toBeLessThanOrEqual(180);
      expect(lat).toBeGreaterThanOrEqual(-90);
      expect(lat).toBeLessThanOrEqual(90);
      // Catches swapped (lat, lon) order: every place of the story is in this box.
      expect(lon, `lon of ${position}`).toBeGreaterThanOrEqual(STORY_BBOX.minLon);
      expect(lon, `lon of ${position}`).toBeLessThanOrEqual(STORY_BBOX.maxLon);
      expect(lat, `lat of ${position}`).toBeGreaterThanOrEqual(STORY_BBOX.minLat);
      expect(lat, `lat of ${position}`).toBeLessThanOrEqual(STORY_BBOX.maxLat);
    }
  });

  it.each(cases)('%s has lines of two or more positions that never jump across the antimeridian', (_name, feature) => {
    for (const path of pathsOf(feature.geometry)) {
      expect(path.length).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < path.length; i++) {
        const step = Math.abs((path[i]?.[0] as number) - (path[i - 1]?.[0] as number));
        expect(step, `segment ${i - 1}→${i}`).toBeLessThan(180);
      }
    }
  });

  it.each(cases)('%s has closed polygon rings with right-hand winding, if any', (_name, feature) => {
    const polygons: Position[][][] =
      feature.geometry.type === 'Polygon'
        ? [feature.geometry.coordinates]
        : feature.geometry.type === 'MultiPolygon'
          ? feature.geometry.coordinates
          : [];
    for (const rings of polygons) {
      rings.forEach((ring, i) => {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring.at(-1)).toEqual(ring[0]);
        // RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise.
        if (i === 0) expect(signedArea(ring)).toBeGreaterThan(0);
        else expect(signedArea(ring)).toBeLessThan(0);
      });
    }
  });

  it.each(cases.filter(([, f]) => f.geometry.type !== 'Point'))(
    '%s starts at its `from` point and ends at its `to` point',
    (_name, feature) => {
      const { from, to } = feature.properties;
      expect(byId.has(from), `from ${from} exists`).toBe(true);
      expect(byId.has(to), `to ${to} exists`).toBe(true);
      const paths = pathsOf(feature.geometry);
      expect(paths[0]?.[0]).toEqual(byId.get(from).geometry.coordinates);
      expect(paths.at(-1)?.at(-1)).toEqual(byId.get(to).geometry.coordinates);
    },
  );
});

describe('the rail route', () => {
  const rail = byId.get('dunai-tikhoretsk-rail');

  it('starts exactly at the Dunai port and ends exactly at the Tikhoretsk depot', () => {
    const coords: Position[] = rail.geometry.coordinates;
    expect(rail.properties.from).toBe('dunai-port');
    expect(rail.properties.to).toBe('tikhoretsk-depot');
    expect(coords[0]).toEqual(byId.get('dunai-port').geometry.coordinates);
    expect(coords.at(-1)).toEqual(byId.get('tikhoretsk-depot').geometry.coordinates);
  });
});

describe('the vessel route', () => {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/land-10m.json'), 'utf8')) as Topology<{
    land: GeometryCollection;
  }>;
  const land = flatten(topoFeature(topology, topology.objects.land)).features as Feature<Polygon | MultiPolygon>[];
  const routes = allFeatures.filter(({ feature }) => feature.properties.kind === 'vessel-route');

  it('exists and runs Rajin → Dunai (the return leg is assumed to follow the same water)', () => {
    const shuttle = byId.get('angara-maria-shuttle');
    expect(shuttle.properties.from).toBe('rajin-port');
    expect(shuttle.properties.to).toBe('dunai-port');
    expect(shuttle.properties.vessels_en).toEqual(['Angara', 'Maria']);
    expect(shuttle.properties.vessels_uk).toEqual(['Ангара', 'Марія']);
  });

  it.each(routes.map(({ feature }) => [feature.properties.id, feature] as const))(
    '%s stays on water (Natural Earth 1:10m) except within 2 km of each pier',
    (_id, feature) => {
      const route = lineString(feature.geometry.coordinates);
      const [minLon, minLat, maxLon, maxLat] = bbox(route);
      const nearby = land.filter((polygon) => {
        const [w, s, e, n] = bbox(polygon);
        return w <= maxLon && e >= minLon && s <= maxLat && n >= minLat;
      });
      const total = length(route, { units: 'kilometers' });
      // Every 0.5 km, plus every waypoint, so a corner cutting over a spit cannot hide between two samples.
      const positions = feature.geometry.coordinates as Position[];
      let runningKm = 0;
      const waypointKm = positions.map((position, i) => {
        if (i > 0) runningKm += distance(positions[i - 1] as Position, position, { units: 'kilometers' });
        return runningKm;
      });
      const samplesKm = [
        ...Array.from({ length: Math.floor(total / SAMPLE_STEP_KM) + 1 }, (_, i) => i * SAMPLE_STEP_KM),
        ...waypointKm,
      ];
      const onLand = samplesKm
        .filter((km) => km >= PIER_ZONE_KM && km <= total - PIER_ZONE_KM)
        .sort((a, b) => a - b)
        .map((km) => along(route, km, { units: 'kilometers' }))
        .filter((sample) => nearby.some((polygon) => booleanPointInPolygon(sample, polygon)))
        .map((sample) => sample.geometry.coordinates.map((n) => n.toFixed(4)).join(', '));
      expect(onLand, 'samples on land').toEqual([]);
    },
  );
});
