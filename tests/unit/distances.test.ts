import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { borderOf, distanceToBorderKm } from '../../src/story/border-distance';
import {
  greatCircleKm,
  KM_PER_NAUTICAL_MILE,
  kmToNauticalMiles,
  legsKm,
  lineEnds,
  lineLengthKm,
  passageHours,
} from '../../src/story/distances';
import { type DistanceRow, distancesFor, PASSAGE_KNOTS } from '../../src/story/feature-distances';
import { parseStoryLayer } from '../../src/story/parse-story';
import { drawnFeature, type IndexedFeature, indexStory } from '../../src/story/prepare-story';
import { STORY_LAYERS, type StoryFeature } from '../../src/story/types';

// Turf's mean Earth radius (`earthRadius` in @turf/helpers), so our check uses the same sphere.
const EARTH_RADIUS_KM = 6371.0088;

/** The haversine distance in km, written out here so the tests do not check Turf against itself. */
function haversineKm(a: Position, b: Position): number {
  const [lon1, lat1] = a as [number, number];
  const [lon2, lat2] = b as [number, number];
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

/** `actual` within `fraction` (e.g. 0.001 = 0.1 %) of `expected`. */
function expectWithin(actual: number | undefined, expected: number, fraction: number) {
  expect(actual).toBeTypeOf('number');
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(Math.abs(expected) * fraction);
}

const MOSCOW: Position = [37.6178, 55.7517];
const BEIJING: Position = [116.3875, 39.9033];
const PYONGYANG: Position = [125.7543, 39.0339];

describe('greatCircleKm', () => {
  it('puts Moscow about 5,790 km from Beijing, as the haversine formula does', () => {
    const km = greatCircleKm(MOSCOW, BEIJING);
    expectWithin(km, haversineKm(MOSCOW, BEIJING), 0.001);
    expectWithin(km, 5790, 0.005);
  });

  it('puts Beijing about 810 km from Pyongyang', () => {
    const km = greatCircleKm(BEIJING, PYONGYANG);
    expectWithin(km, haversineKm(BEIJING, PYONGYANG), 0.001);
    expectWithin(km, 809, 0.005);
  });

  it('is symmetric and zero for the same place', () => {
    expect(greatCircleKm(MOSCOW, BEIJING)).toBeCloseTo(greatCircleKm(BEIJING, MOSCOW), 9);
    expect(greatCircleKm(MOSCOW, MOSCOW)).toBe(0);
  });
});

describe('lineLengthKm', () => {
  const line: LineString = { type: 'LineString', coordinates: [MOSCOW, BEIJING, PYONGYANG] };

  it('is the sum of the legs of a 3-point line', () => {
    expectWithin(lineLengthKm(line), haversineKm(MOSCOW, BEIJING) + haversineKm(BEIJING, PYONGYANG), 0.001);
  });

  it('gives the same length for a geometry and for a Feature wrapping it', () => {
    const feature: Feature<LineString> = { type: 'Feature', properties: {}, geometry: line };
    expect(lineLengthKm(feature)).toBe(lineLengthKm(line));
  });

  it('adds up every part of a MultiLineString', () => {
    const multi = {
      type: 'MultiLineString' as const,
      coordinates: [
        [MOSCOW, BEIJING],
        [BEIJING, PYONGYANG],
      ],
    };
    expectWithin(lineLengthKm(multi), lineLengthKm(line), 1e-9);
  });
});

describe('legsKm and lineEnds', () => {
  it('gives one great-circle leg per pair of consecutive waypoints', () => {
    const legs = legsKm([MOSCOW, BEIJING, PYONGYANG]);
    expect(legs).toHaveLength(2);
    expectWithin(legs[0], haversineKm(MOSCOW, BEIJING), 0.001);
    expectWithin(legs[1], haversineKm(BEIJING, PYONGYANG), 0.001);
  });

  it('gives no legs for fewer than two waypoints', () => {
    expect(legsKm([])).toEqual([]);
    expect(legsKm([MOSCOW])).toEqual([]);
  });

  it('takes the first and last position, across the parts of a MultiLineString', () => {
    expect(lineEnds({ type: 'LineString', coordinates: [MOSCOW, BEIJING, PYONGYANG] })).toEqual([MOSCOW, PYONGYANG]);
    expect(
      lineEnds({
        type: 'MultiLineString',
        coordinates: [
          [MOSCOW, BEIJING],
          [BEIJING, PYONGYANG],
        ],
      }),
    ).toEqual([MOSCOW, PYONGYANG]);
  });
});

describe('nautical miles and passage time', () => {
  it('counts 1.852 km as one nautical mile', () => {
    expect(KM_PER_NAUTICAL_MILE).toBe(1.852);
    expect(kmToNauticalMiles(1.852)).toBe(1);
  });

  it('takes 10 hours to cover 185.2 km (100 nmi) at 10 knots', () => {
    expect(passageHours(185.2, 10)).toBeCloseTo(10, 12);
  });

  it('takes less time at a higher speed', () => {
    expect(passageHours(185.2, 12)).toBeLessThan(passageHours(185.2, 10));
  });
});

describe('distanceToBorderKm', () => {
  // A 1° × 1° square on the equator: its east edge is the meridian 1° E.
  const square: Feature<Polygon> = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    },
  };

  it('measures a point outside to the nearest edge', () => {
    const km = distanceToBorderKm([2, 0.5], square);
    expectWithin(km, haversineKm([2, 0.5], [1, 0.5]), 0.001);
  });

  it('measures a point inside to the nearest edge as a positive number', () => {
    const km = distanceToBorderKm([0.5, 0.2], square);
    expect(km).toBeGreaterThan(0);
    expectWithin(km, haversineKm([0.5, 0.2], [0.5, 0]), 0.001);
  });

  it('is zero on the border', () => {
    expect(distanceToBorderKm([1, 0.5], square)).toBeLessThan(0.01);
  });
});

// ---- feature-distances: the rows each popup shows, on an index built from the real story files ----

const GEO_DIR = fileURLToPath(new URL('../../geo/', import.meta.url));
const UKRAINE_FILE = fileURLToPath(new URL('../../public/basemap/ukraine.geojson', import.meta.url));

/** The story as the app holds it: every layer parsed at the boundary, drawn (arcs densified), indexed. */
function storyIndex(): Map<string, IndexedFeature> {
  return indexStory(
    STORY_LAYERS.map((id) => {
      const parsed = parseStoryLayer(`geo/${id}.geojson`, JSON.parse(readFileSync(`${GEO_DIR}${id}.geojson`, 'utf8')));
      expect(parsed.errors).toEqual([]);
      return { id, features: parsed.features.map(drawnFeature) };
    }),
  );
}

/** Ukraine's territory from the built basemap, as a Feature whatever the file wraps it in; undefined when not built. */
function loadUkraine(): Feature<Polygon | MultiPolygon> | undefined {
  if (!existsSync(UKRAINE_FILE)) return undefined;
  const value = JSON.parse(readFileSync(UKRAINE_FILE, 'utf8')) as
    | Feature<Polygon | MultiPolygon>
    | FeatureCollection<Polygon | MultiPolygon>;
  return value.type === 'FeatureCollection' ? value.features[0] : value;
}

const index = storyIndex();
const noUkraine = { index, ukraine: undefined };

function featureOf(id: string): StoryFeature {
  const hit = index.get(id);
  if (!hit) throw new Error(`no feature ${id} in the story`);
  return hit.feature;
}

function rowsFor(id: string, ukraine?: Feature<Polygon | MultiPolygon>): DistanceRow[] {
  return distancesFor(featureOf(id), { index, ukraine: ukraine && borderOf(ukraine) });
}

function rowOf<K extends DistanceRow['kind']>(rows: DistanceRow[], kind: K): Extract<DistanceRow, { kind: K }> {
  const row = rows.find((r) => r.kind === kind);
  if (!row) throw new Error(`no ${kind} row in ${JSON.stringify(rows.map((r) => r.kind))}`);
  return row as Extract<DistanceRow, { kind: K }>;
}

function pointOf(id: string): Position {
  const g = index.get(id)?.feature.geometry;
  if (g?.type !== 'Point') throw new Error(`${id} is not a point`);
  return g.coordinates;
}

describe('distancesFor the vessel route (Rajin → Dunai)', () => {
  const rows = rowsFor('angara-maria-shuttle');

  it('shows the route length, the great circle and the passage time, in that order', () => {
    expect(rows.map((r) => r.kind)).toEqual(['route-length', 'great-circle', 'passage']);
  });

  it('puts Rajin about 185 km from Dunai on the great circle, between the two ports', () => {
    const gc = rowOf(rows, 'great-circle');
    expectWithin(gc.km, 185, 0.1);
    expectWithin(gc.km, haversineKm(pointOf('rajin-port'), pointOf('dunai-port')), 0.001);
    expect(gc.from.id).toBe('rajin-port');
    expect(gc.to.id).toBe('dunai-port');
    expect(gc.nmi).toBeCloseTo(gc.km / 1.852, 9);
  });

  it('gives a route along the water at least as long as the great circle', () => {
    const route = rowOf(rows, 'route-length');
    expect(route.km).toBeGreaterThanOrEqual(rowOf(rows, 'great-circle').km);
    expect(route.nmi).toBeCloseTo(route.km / 1.852, 9);
  });

  it('gives the passage time at 12 knots (fastest) to 10 knots (slowest) along the drawn route', () => {
    const passage = rowOf(rows, 'passage');
    const nmi = rowOf(rows, 'route-length').nmi;
    expect([passage.knotsLow, passage.knotsHigh]).toEqual([...PASSAGE_KNOTS]);
    expect(passage.hoursLow).toBeCloseTo(nmi / 12, 9);
    expect(passage.hoursHigh).toBeCloseTo(nmi / 10, 9);
    expect(passage.hoursLow).toBeLessThan(passage.hoursHigh);
  });
});

describe('distancesFor the rail route (Dunai → Tikhoretsk depot)', () => {
  const rows = rowsFor('dunai-tikhoretsk-rail');

  it('puts the ends about 6,900 km apart in a straight line, named by their story ids', () => {
    const straight = rowOf(rows, 'straight');
    expectWithin(straight.km, 6900, 0.05);
    expectWithin(straight.km, haversineKm(pointOf('dunai-port'), pointOf('tikhoretsk-depot')), 0.001);
    expect([straight.from.id, straight.to.id]).toEqual(['dunai-port', 'tikhoretsk-depot']);
  });

  it('draws the rail line longer than the straight line', () => {
    expect(rowOf(rows, 'rail-length').km).toBeGreaterThan(rowOf(rows, 'straight').km);
  });

  it('shows the drawn length (about 8,400 km) beside the estimated real track (about 10,000 km)', () => {
    const rail = rowOf(rows, 'rail-length');
    expectWithin(rail.km, 8400, 0.05);
    expect(rail.trackKmEstimate).toBe(10_000);
  });
});

describe('distancesFor a capital', () => {
  it.each(['moscow', 'beijing', 'pyongyang'])(
    'shows the three legs of the Moscow–Beijing–Pyongyang triangle for %s',
    (id) => {
      const rows = rowsFor(id);
      expect(rows.map((r) => r.kind)).toEqual(['leg', 'leg', 'leg']);
      const legs = rows as Extract<DistanceRow, { kind: 'leg' }>[];
      expect(legs.map((l) => [l.from.id, l.to.id])).toEqual([
        ['moscow', 'beijing'],
        ['beijing', 'pyongyang'],
        ['pyongyang', 'moscow'],
      ]);
      expectWithin(legs[0]?.km, haversineKm(MOSCOW, BEIJING), 0.001);
      expectWithin(legs[1]?.km, haversineKm(BEIJING, PYONGYANG), 0.001);
      expectWithin(legs[2]?.km, haversineKm(PYONGYANG, MOSCOW), 0.001);
    },
  );

  it('shows nothing when a corner of the triangle is missing from the index', () => {
    const partial = new Map([...index].filter(([id]) => id !== 'beijing'));
    const moscow = featureOf('moscow');
    expect(distancesFor(moscow, { index: partial, ukraine: undefined })).toEqual([]);
  });
});

describe('distancesFor the ammunition depot', () => {
  it('shows the distance to Ukraine as not yet known while the Ukraine polygon is not loaded', () => {
    const [row] = rowsFor('tikhoretsk-depot');
    expect(row).toMatchObject({ kind: 'to-ukraine', km: undefined });
  });

  it("puts the computed distance to Ukraine beside RUSI's about 200 km and the White House's about 290 km", () => {
    const row = rowOf(rowsFor('tikhoretsk-depot'), 'to-ukraine');
    expect(row.reported.map((f) => [f.by_en, f.qualifier, f.value, f.unit])).toEqual([
      ['RUSI', 'about', 200, 'km'],
      ['White House', 'about', 290, 'km'],
    ]);
  });

  it('ties the depot into the route: from Dunai in a straight line and along the drawn rail line', () => {
    const rows = rowsFor('tikhoretsk-depot');
    expect(rows.map((r) => r.kind)).toEqual(['to-ukraine', 'straight', 'by-rail']);
    const straight = rowOf(rows, 'straight');
    expect(straight.to.id).toBe('dunai-port');
    expectWithin(straight.km, haversineKm(pointOf('tikhoretsk-depot'), pointOf('dunai-port')), 0.001);
    expect(rowOf(rows, 'by-rail').to.id).toBe('dunai-port');
  });

  it('measures to the nearest point of a given polygon', () => {
    // A small square 1° east of the depot: the nearest point is on its west edge, at the depot's latitude.
    const [lon, lat] = pointOf('tikhoretsk-depot') as [number, number];
    const square: Feature<Polygon> = {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [lon + 1, lat - 0.5],
            [lon + 2, lat - 0.5],
            [lon + 2, lat + 0.5],
            [lon + 1, lat + 0.5],
            [lon + 1, lat - 0.5],
          ],
        ],
      },
    };
    const [row] = rowsFor('tikhoretsk-depot', square);
    expect(row?.kind).toBe('to-ukraine');
    expectWithin((row as { km: number }).km, haversineKm([lon, lat], [lon + 1, lat]), 0.002);
  });

  const ukraine = loadUkraine();
  it.skipIf(ukraine === undefined)('puts the depot about 194 km from Ukraine on the built basemap', () => {
    const [row] = rowsFor('tikhoretsk-depot', ukraine);
    expect(row?.kind).toBe('to-ukraine');
    const km = (row as { km: number | undefined }).km;
    expect(km).toBeTypeOf('number');
    expect(Math.abs((km ?? Number.NaN) - 194)).toBeLessThanOrEqual(10);
  });
});

describe("distancesFor Lavrov's trip", () => {
  const rows = rowsFor('lavrov-trip-oct-2023');

  it('shows two legs, from the original waypoints rather than the densified arc', () => {
    expect(rows.map((r) => r.kind)).toEqual(['leg', 'leg']);
    const trip = featureOf('lavrov-trip-oct-2023');
    expect(trip.geometry.type === 'LineString' && trip.geometry.coordinates.length).toBeGreaterThan(3);
  });

  it('names the ends of each leg: Moscow → Beijing, Beijing → Sunan airport', () => {
    const legs = rows as Extract<DistanceRow, { kind: 'leg' }>[];
    expect(legs.map((l) => [l.from.id, l.to.id])).toEqual([
      ['moscow', 'beijing'],
      ['beijing', 'pyongyang-sunan'],
    ]);
    expectWithin(legs[0]?.km, haversineKm(MOSCOW, BEIJING), 0.001);
    expectWithin(legs[1]?.km, haversineKm(BEIJING, pointOf('pyongyang-sunan')), 0.001);
  });
});

describe('distancesFor the ports, tied into the route', () => {
  it('gives Rajin the sea route to Dunai: along the drawn line, the great circle and the passage time', () => {
    const rows = rowsFor('rajin-port');
    expect(rows.map((r) => r.kind)).toEqual(['by-sea', 'great-circle', 'passage']);
    const bySea = rowOf(rows, 'by-sea');
    expect(bySea.to.id).toBe('dunai-port');
    expectWithin(bySea.km, rowOf(rowsFor('angara-maria-shuttle'), 'route-length').km, 1e-9);
    const gc = rowOf(rows, 'great-circle');
    expect([gc.from.id, gc.to.id]).toEqual(['rajin-port', 'dunai-port']);
    expectWithin(gc.km, haversineKm(pointOf('rajin-port'), pointOf('dunai-port')), 0.001);
  });

  it('gives Dunai the sea route to Rajin and the schematic rail line to the depot, with the real-track estimate', () => {
    const rows = rowsFor('dunai-port');
    expect(rows.map((r) => r.kind)).toEqual(['by-sea', 'great-circle', 'passage', 'straight', 'by-rail']);
    expect(rowOf(rows, 'by-sea').to.id).toBe('rajin-port');
    const byRail = rowOf(rows, 'by-rail');
    expect(byRail.to.id).toBe('tikhoretsk-depot');
    expect(byRail.trackKmEstimate).toBe(10_000);
    expect(byRail.km).toBeLessThan(10_000);
  });
});

describe('distancesFor a feature with nothing to measure', () => {
  it.each(['tikhoretsk', 'khasan', 'pyongyang-sunan', 'kim-trip-sep-2023'])('shows no rows for %s', (id) => {
    expect(rowsFor(id)).toEqual([]);
  });

  it('leaves an unknown end of a route without an id instead of guessing', () => {
    const route = featureOf('angara-maria-shuttle');
    const moved = {
      ...route,
      properties: { ...route.properties, from: undefined, to: undefined },
      geometry: { type: 'LineString' as const, coordinates: [[150, 10] as Position, [151, 10] as Position] },
    };
    const gc = rowOf(distancesFor(moved, noUkraine), 'great-circle');
    expect(gc.from).toEqual({ position: [150, 10] });
    expect(gc.to).toEqual({ position: [151, 10] });
  });
});
