import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { area, booleanClockwise, booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import type {
  BBox,
  Feature,
  FeatureCollection,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitLinesAtAntimeridian, splitPolygonsAtAntimeridian } from '../../src/basemap/antimeridian';
import {
  BASEMAP_FILES,
  type BasemapData,
  basemapDataFor,
  basemapSourcesFor,
  DEFAULT_BASEMAP_OPTIONS,
  GZIP_BUDGETS,
} from '../../src/basemap/basemap-files';
import { clipPolygonsToBbox } from '../../src/basemap/clip';
import { type CountryProperties, countryFeaturesFor, enclavedUnitsOf, unitNameOf } from '../../src/basemap/countries';
import { countryBandLabelsFor, DEFAULT_BAND_OPTIONS, degreesPerPixelAt } from '../../src/basemap/country-bands';
import { ISO_NUMERIC, SIMFEROPOL, withCrimeaInUkraine } from '../../src/basemap/crimea';
import { coordinatesInRange, linesOf, maxLongitudeStep, polygonsOf } from '../../src/basemap/geometry';
import { countryNamesFor } from '../../src/basemap/labels';
import { bandsAround, isExtent } from '../../src/basemap/land-borders';
import { parsePlaces } from '../../src/basemap/places';
import { latitudeOfMercatorY, mercatorY, poleOfInaccessibility } from '../../src/basemap/pole-of-inaccessibility';
import { roundPolygons } from '../../src/basemap/precision';
import { simplifyTopology } from '../../src/basemap/simplify';
import { DETAIL_WINDOWS, RAJIN_DUNAI_WINDOW, TIKHORETSK_UKRAINE_WINDOW } from '../../src/basemap/windows';

const require = createRequire(import.meta.url);
const atlasCache = new Map<string, Topology>();
function atlas(file: string): Topology {
  let topology = atlasCache.get(file);
  if (!topology) {
    topology = JSON.parse(readFileSync(require.resolve(`world-atlas/${file}.json`), 'utf8')) as Topology;
    atlasCache.set(file, topology);
  }
  return topology;
}

const SEVASTOPOL: Position = [33.5254, 44.6166];
// Inside Sevastopol, 4 km south of the centre: the centre itself falls 240 m into Sevastopol Bay at 1:10m.
const SEVASTOPOL_SOUTH: Position = [33.52, 44.58];
const MOSCOW: Position = [37.6178, 55.7517];
const PEREKOP_ISTHMUS = { west: 33.4, south: 45.9, east: 34.2, north: 46.3 };
// The peninsula with the Perekop and Chonhar isthmuses and the Arabat Spit: no land border of any country crosses it.
const CRIMEA_AND_ISTHMUSES = { west: 32.4, south: 44.3, east: 36.7, north: 46.3 };

type Countries = FeatureCollection<MultiPolygon, CountryProperties>;

// world-atlas as it comes, Crimea and antimeridian steps included.
function rawCountriesOf(topology: Topology): FeatureCollection {
  const countries = topology.objects.countries;
  if (countries?.type !== 'GeometryCollection') throw new Error('no countries');
  return feature(topology, countries);
}

function countriesContaining(countries: Countries, position: Position): string[] {
  return countries.features.filter((c) => booleanPointInPolygon(position, c)).map((c) => c.properties.iso_a2);
}

function countryOf(countries: Countries, isoA2: string): Feature<MultiPolygon, CountryProperties> {
  const country = countries.features.find((c) => c.properties.iso_a2 === isoA2);
  if (!country) throw new Error(`no country ${isoA2}`);
  return country;
}

function verticesIn(lines: Position[][], box: typeof PEREKOP_ISTHMUS): Position[] {
  return lines
    .flat()
    .filter(([lon = 0, lat = 0]) => lon >= box.west && lon <= box.east && lat >= box.south && lat <= box.north);
}

const atlasVersion = (
  JSON.parse(readFileSync(require.resolve('world-atlas/package.json'), 'utf8')) as { version: string }
).version;
let data: BasemapData;

const PLACES_FILE = fileURLToPath(new URL('../../geo/basemap/places.geojson', import.meta.url));

beforeAll(() => {
  const places = parsePlaces(JSON.parse(readFileSync(PLACES_FILE, 'utf8')));
  data = basemapDataFor(basemapSourcesFor(atlas, atlasVersion, places));
}, 120_000);

describe('antimeridian repair', () => {
  it('cuts a polygon that steps across 180° into a part on each side', () => {
    const fiji: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [179, -17],
          [-179, -17],
          [-179, -16],
          [179, -16],
          [179, -17],
        ],
      ],
    };
    const split = splitPolygonsAtAntimeridian(fiji);
    expect(split.coordinates).toHaveLength(2);
    expect(maxLongitudeStep(split)).toBeLessThanOrEqual(180);
    expect(coordinatesInRange(split)).toBe(true);
    expect(booleanPointInPolygon([179.5, -16.5], split)).toBe(true);
    expect(booleanPointInPolygon([-179.5, -16.5], split)).toBe(true);
    expect(booleanPointInPolygon([0, -16.5], split)).toBe(false);
  });

  it('closes a ring that circles the south pole through the pole', () => {
    const coast: Position[] = [-180, -120, -60, 0, 60, 120, 179].map((lon) => [lon, -70]);
    const antarctica: Polygon = { type: 'Polygon', coordinates: [[...coast, [-180, -70]]] };
    const split = splitPolygonsAtAntimeridian(antarctica);
    expect(maxLongitudeStep(split)).toBeLessThanOrEqual(180);
    expect(coordinatesInRange(split)).toBe(true);
    expect(booleanPointInPolygon([10, -80], split)).toBe(true);
    expect(booleanPointInPolygon([10, -60], split)).toBe(false);
  });

  it('cuts a line that steps across 180° into a part on each side', () => {
    const split = splitLinesAtAntimeridian({
      type: 'LineString',
      coordinates: [
        [178, 65],
        [-178, 66],
      ],
    });
    expect(split.coordinates).toHaveLength(2);
    expect(maxLongitudeStep(split)).toBeLessThanOrEqual(180);
    expect(coordinatesInRange(split)).toBe(true);
  });

  it('finds the streaks it repairs in raw world-atlas Russia and Fiji', () => {
    const raw = rawCountriesOf(atlas('countries-110m'));
    for (const id of [ISO_NUMERIC.russia, '242']) {
      const country = raw.features.find((f) => f.id === id);
      expect(country && maxLongitudeStep(country.geometry), id).toBeGreaterThan(180);
    }
  });
});

describe('geometry helpers', () => {
  it('drops a ring that rounding flattens', () => {
    const tiny: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [10.001, 10.001],
            [10.002, 10.001],
            [10.002, 10.002],
            [10.001, 10.001],
          ],
        ],
      ],
    };
    expect(roundPolygons(tiny, 2).coordinates).toEqual([]);
  });

  it('puts the pole of inaccessibility of a square at its centre', () => {
    const square: Position[] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    const [x, y] = poleOfInaccessibility([square], 0.01);
    expect(x).toBeCloseTo(5, 1);
    expect(y).toBeCloseTo(5, 1);
  });

  it('measures Web Mercator y in degrees at the equator: a square world, clamped where MapLibre stops', () => {
    expect(mercatorY(0)).toBeCloseTo(0, 12);
    // MapLibre's world is square: 85.0511° N is as far above the equator as 180° E is east of Greenwich.
    expect(mercatorY(85.0511)).toBeCloseTo(180, 2);
    expect(mercatorY(90)).toBe(mercatorY(85.0511));
    expect(mercatorY(-60)).toBeCloseTo(-75.456, 2);
    for (const lat of [-80, -33.3, 0, 12.5, 55.75]) expect(latitudeOfMercatorY(mercatorY(lat))).toBeCloseTo(lat, 9);
  });

  it('clips polygons to a box and drops those outside it', () => {
    const clipped = clipPolygonsToBbox(
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [4, 0],
              [4, 4],
              [0, 4],
              [0, 0],
            ],
          ],
          [
            [
              [10, 10],
              [11, 10],
              [11, 11],
              [10, 10],
            ],
          ],
        ],
      },
      [2, 2, 6, 6],
    );
    expect(clipped.coordinates).toHaveLength(1);
    expect(area(clipped)).toBeCloseTo(
      area({
        type: 'Polygon',
        coordinates: [
          [
            [2, 2],
            [4, 2],
            [4, 4],
            [2, 4],
            [2, 2],
          ],
        ],
      }),
      -3,
    );
  });
});

describe('Crimea is Ukraine (UN GA resolution 68/262)', () => {
  it('finds world-atlas drawing Crimea inside Russia, which the build corrects', () => {
    const raw = rawCountriesOf(atlas('countries-50m'));
    const russia = raw.features.find((f) => f.id === ISO_NUMERIC.russia);
    expect(russia && booleanPointInPolygon(SIMFEROPOL, russia as Feature<MultiPolygon>)).toBe(true);
  });

  it('does not change the world-atlas topology it is given', () => {
    const topology = atlas('countries-110m');
    const before = JSON.stringify(topology.objects);
    withCrimeaInUkraine(topology);
    countryFeaturesFor(topology);
    expect(JSON.stringify(topology.objects)).toBe(before);
  });

  it('leaves an already corrected topology as it is', () => {
    const once = withCrimeaInUkraine(atlas('countries-110m'));
    expect(JSON.stringify(withCrimeaInUkraine(once).objects)).toBe(JSON.stringify(once.objects));
  });

  const resolutions: Array<[string, () => Topology]> = [
    ['1:110m (borders-low)', () => atlas('countries-110m')],
    ['1:50m (labels)', () => atlas('countries-50m')],
    ['1:10m (ukraine)', () => atlas('countries-10m')],
    [
      '1:10m simplified (land-high, borders-high)',
      () => simplifyTopology(atlas('countries-10m'), DEFAULT_BASEMAP_OPTIONS.highMinArea),
    ],
  ];
  describe.each(resolutions)('at %s', (_name, topologyFor) => {
    let countries: Countries;
    beforeAll(() => {
      countries = countryFeaturesFor(topologyFor());
    }, 30_000);

    it('puts Simferopol in Ukraine and in no other country', () => {
      expect(countriesContaining(countries, SIMFEROPOL)).toEqual(['UA']);
    });

    it('puts Sevastopol in Ukraine and in no other country', () => {
      expect(countriesContaining(countries, SEVASTOPOL_SOUTH)).toEqual(['UA']);
      const inside = countriesContaining(countries, SEVASTOPOL);
      if (inside.length === 0) {
        // Natural Earth's 1:10m coast puts the city centre in Sevastopol Bay: on Ukraine's shore, in no country.
        expect(pointToPolygonDistance(SEVASTOPOL, countryOf(countries, 'UA'), { units: 'kilometers' })).toBeLessThan(
          0.5,
        );
      } else {
        expect(inside).toEqual(['UA']);
      }
    });

    it('keeps Moscow in Russia', () => {
      expect(countriesContaining(countries, MOSCOW)).toEqual(['RU']);
    });

    it('keeps every country ring within 180° of longitude, in range and counter-clockwise outside', () => {
      for (const country of countries.features) {
        expect(maxLongitudeStep(country.geometry), country.properties.iso_a2).toBeLessThanOrEqual(180);
        expect(coordinatesInRange(country.geometry), country.properties.iso_a2).toBe(true);
      }
      const russia = countryOf(countries, 'RU').geometry.coordinates;
      expect(russia.every(([exterior]) => exterior && !booleanClockwise(exterior))).toBe(true);
    });
  });

  it('draws no border across the Perekop isthmus, nor anywhere in Crimea', () => {
    for (const name of ['borders-low', 'borders-high'] as const) {
      const lines = data[name].features.flatMap((f) => linesOf(f.geometry));
      expect(verticesIn(lines, PEREKOP_ISTHMUS), name).toEqual([]);
      expect(verticesIn(lines, CRIMEA_AND_ISTHMUSES), name).toEqual([]);
    }
  });

  it('would catch the Perekop line in the uncorrected world-atlas mesh', () => {
    const raw = atlas('countries-50m');
    const countries = raw.objects.countries;
    if (!countries) throw new Error('no countries');
    const lines = mesh(raw, countries as GeometryObject, (a, b) => a !== b).coordinates;
    expect(verticesIn(lines, PEREKOP_ISTHMUS).length).toBeGreaterThan(0);
  });

  it('still draws the Ukraine–Russia land border', () => {
    const lines = data['borders-high'].features.flatMap((f) => linesOf(f.geometry));
    // Between Kharkiv and Belgorod.
    expect(verticesIn(lines, { west: 35.5, south: 50.0, east: 37.5, north: 50.6 }).length).toBeGreaterThan(0);
  });

  it('ships ukraine.geojson as one feature that holds Crimea and the mainland', () => {
    const [ukraine, ...others] = data.ukraine.features;
    expect(others).toEqual([]);
    expect(ukraine?.properties).toMatchObject({ iso_a2: 'UA', name_en: 'Ukraine', name_uk: 'Україна' });
    expect(ukraine?.properties.source).toMatch(/68\/262/);
    for (const position of [SIMFEROPOL, SEVASTOPOL_SOUTH, [30.5234, 50.4501], [35.0, 45.05]]) {
      expect(ukraine && booleanPointInPolygon(position, ukraine), position.join()).toBe(true);
    }
    expect(ukraine && booleanPointInPolygon(MOSCOW, ukraine)).toBe(false);
    // Crimea is joined to the mainland (merge drops the Perekop line), not a separate polygon.
    const withSimferopol = ukraine?.geometry.coordinates.filter((p) =>
      booleanPointInPolygon(SIMFEROPOL, { type: 'Polygon', coordinates: p }),
    );
    expect(withSimferopol).toHaveLength(1);
    expect(
      withSimferopol?.[0] &&
        booleanPointInPolygon([30.5234, 50.4501], { type: 'Polygon', coordinates: withSimferopol[0] }),
    ).toBe(true);
  });
});

describe('borders', () => {
  it('does not draw the Baikonur lease as a border inside Kazakhstan', () => {
    expect(enclavedUnitsOf(atlas('countries-10m')).map(unitNameOf)).toEqual(['Baikonur']);
    const lines = data['borders-high'].features.flatMap((f) => linesOf(f.geometry));
    expect(verticesIn(lines, { west: 62.9, south: 45.4, east: 64.4, north: 46.4 })).toEqual([]);
  });
});

describe('every output', () => {
  it.each(BASEMAP_FILES)('%s has no segment over 180° of longitude and coordinates in range', (name) => {
    const collection = data[name] as FeatureCollection;
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.length).toBeGreaterThan(0);
    for (const f of collection.features) {
      expect(maxLongitudeStep(f.geometry)).toBeLessThanOrEqual(180);
      expect(coordinatesInRange(f.geometry)).toBe(true);
    }
  });

  it.each(['land-low', 'land-high', 'ukraine'] as const)('%s follows the right-hand rule of RFC 7946', (name) => {
    for (const f of data[name].features) {
      for (const [exterior, ...holes] of polygonsOf(f.geometry)) {
        expect(exterior && booleanClockwise(exterior)).toBe(false);
        for (const hole of holes) expect(booleanClockwise(hole)).toBe(true);
      }
    }
  });

  it('keeps the high-zoom files inside the story region', () => {
    const [west, south, east, north] = DEFAULT_BASEMAP_OPTIONS.region;
    for (const name of ['land-high', 'borders-high'] as const) {
      const positions = data[name].features.flatMap((f) =>
        f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat(2) : f.geometry.coordinates.flat(),
      );
      expect(positions.length).toBeGreaterThan(1000);
      const inside = ([lon = 0, lat = 0]: Position) => lon >= west && lon <= east && lat >= south && lat <= north;
      expect(positions.every(inside)).toBe(true);
    }
  });

  it('keeps Rajin, Vladivostok and Simferopol on land in land-high', () => {
    const land = data['land-high'].features.find((f) => !isExtent(f));
    for (const position of [[130.29, 42.25], [131.9, 43.13], SIMFEROPOL]) {
      expect(land && booleanPointInPolygon(position, land), position.join()).toBe(true);
    }
    // Strelok Bay and the Sea of Japan off Rajin are water.
    for (const position of [
      [132.42, 42.9],
      [130.45, 42.15],
    ]) {
      expect(land && booleanPointInPolygon(position, land), position.join()).toBe(false);
    }
  });
});

describe('country labels', () => {
  const byCode = () => new Map(data.labels.features.map((f) => [f.properties.iso_a2, f]));

  it.each(['UA', 'RU', 'KP', 'CN', 'KR', 'JP', 'BY', 'KZ', 'MN'])(
    'labels %s in English and Cyrillic Ukrainian',
    (code) => {
      const label = byCode().get(code);
      expect(label?.properties.name_en).toMatch(/\S/);
      expect(label?.properties.name_uk).toMatch(/^[\p{Script=Cyrillic}][\p{Script=Cyrillic}\s'ʼ’-]*$/u);
    },
  );

  it('names Ukraine and Russia as CLDR does', () => {
    expect(byCode().get('UA')?.properties).toMatchObject({ name_en: 'Ukraine', name_uk: 'Україна' });
    expect(byCode().get('RU')?.properties).toMatchObject({ name_en: 'Russia', name_uk: 'Росія' });
    expect(countryNamesFor('KP')).toEqual({ name_en: 'North Korea', name_uk: 'Північна Корея' });
  });

  it('ranks labels by area, Russia first, one label per country', () => {
    const labels = data.labels.features;
    expect(labels.map((f) => f.properties.rank)).toEqual(labels.map((_, i) => i + 1));
    expect(labels[0]?.properties.iso_a2).toBe('RU');
    const countries = countryFeaturesFor(atlas('countries-50m'));
    const areas = labels.map((f) => Math.round(area(countryOf(countries, f.properties.iso_a2)) / 1e6));
    expect(areas).toEqual([...areas].sort((a, b) => b - a));
    expect(new Set(labels.map((f) => f.properties.iso_a2)).size).toBe(labels.length);
  });

  it('places each label inside its own country, Russia in Russia', () => {
    const countries = countryFeaturesFor(atlas('countries-50m'));
    const outside = data.labels.features
      .filter((label) => !booleanPointInPolygon(label.geometry, countryOf(countries, label.properties.iso_a2)))
      .map((label) => label.properties.iso_a2);
    expect(outside).toEqual([]);
    const russia = byCode().get('RU');
    expect(russia && countriesContaining(countries, russia.geometry.coordinates)).toEqual(['RU']);
  });
});

describe('the world view’s precision', () => {
  const decimalsOf = (n: number) => (String(n).split('.')[1] ?? '').length;
  const positionsOf = (name: 'land-low' | 'borders-low' | 'land-outside') =>
    (data[name].features as Feature[])
      .filter((f) => !isExtent(f))
      .flatMap((f) =>
        f.geometry.type === 'MultiPolygon'
          ? f.geometry.coordinates.flat(2)
          : (f.geometry as MultiLineString).coordinates.flat(),
      );

  it('rounds land-low and borders-low to worldViewDecimals, under a pixel wherever they are drawn alone', () => {
    // Drawn alone below DETAIL_ZOOM (the detailed files cover them from there): half a step must stay under a pixel.
    const halfStep = 0.5 * 10 ** -DEFAULT_BASEMAP_OPTIONS.worldViewDecimals;
    expect(halfStep).toBeLessThan(degreesPerPixelAt(3.5));
    for (const name of ['land-low', 'borders-low'] as const) {
      const positions = positionsOf(name);
      expect(positions.length).toBeGreaterThan(1000);
      expect(positions.flat().every((n) => decimalsOf(n) <= DEFAULT_BASEMAP_OPTIONS.worldViewDecimals)).toBe(true);
    }
  });

  it('keeps the files drawn at high zoom outside the region at lowDecimals', () => {
    const decimals = positionsOf('land-outside').flat().map(decimalsOf);
    expect(Math.max(...decimals)).toBe(DEFAULT_BASEMAP_OPTIONS.lowDecimals);
  });
});

describe('generated files in public/basemap', () => {
  const dir = fileURLToPath(new URL('../../public/basemap', import.meta.url));
  it.skipIf(!existsSync(join(dir, 'manifest.json'))).each(GZIP_BUDGETS.map((b) => [b.files.join(' + '), b] as const))(
    '%s fit the gzip budget',
    (_name, budget) => {
      const bytes = budget.files.reduce(
        (sum, name) => sum + gzipSync(readFileSync(join(dir, `${name}.geojson`))).length,
        0,
      );
      expect(bytes).toBeLessThanOrEqual(budget.bytes);
    },
  );
});

describe('country labels per zoom band', () => {
  const inBox = ([lon = 0, lat = 0]: Position, [w, s, e, n]: readonly number[]) =>
    lon >= (w ?? 0) && lon <= (e ?? 0) && lat >= (s ?? 0) && lat <= (n ?? 0);

  it.each([6, 7, 8, 9])('labels Russia, China and North Korea in the Rajin–Dunai window at zoom %i', (zoom) => {
    const shown = data['labels-detail'].features.filter(
      (f) =>
        f.properties.minzoom <= zoom &&
        zoom < f.properties.maxzoom &&
        inBox(f.geometry.coordinates, RAJIN_DUNAI_WINDOW),
    );
    expect(new Set(shown.map((f) => f.properties.iso_a2))).toEqual(new Set(['RU', 'CN', 'KP']));
  });

  it.each([6, 7, 8, 9])('labels Russia and Ukraine in the Tikhoretsk–Ukraine window at zoom %i', (zoom) => {
    const shown = data['labels-detail'].features.filter(
      (f) =>
        f.properties.minzoom <= zoom &&
        zoom < f.properties.maxzoom &&
        inBox(f.geometry.coordinates, TIKHORETSK_UKRAINE_WINDOW),
    );
    const codes = new Set(shown.map((f) => f.properties.iso_a2));
    expect(codes.has('RU') && codes.has('UA')).toBe(true);
  });

  it('places each band label inside its own country, Crimea’s labels in Ukraine', () => {
    const countries = countryFeaturesFor(atlas('countries-10m'));
    const outside = data['labels-detail'].features.filter(
      (label) => !booleanPointInPolygon(label.geometry, countryOf(countries, label.properties.iso_a2)),
    );
    expect(outside.map((l) => `${l.properties.iso_a2} ${l.geometry.coordinates.join()}`)).toEqual([]);
    const crimea = data['labels-detail'].features.filter((l) =>
      inBox(l.geometry.coordinates, [CRIMEA_AND_ISTHMUSES.west, 44.3, 36.4, 45.9]),
    );
    expect(crimea.length).toBeGreaterThan(0);
    expect(new Set(crimea.map((l) => l.properties.iso_a2))).toEqual(new Set(['UA']));
  }, 60_000);

  it('keeps labels of one country in one band apart, and hands each band on to the next', () => {
    const zooms = [...new Set(data['labels-detail'].features.map((f) => f.properties.minzoom))];
    expect(zooms).toEqual([3, 4, 5, 6, 7, 8, 9]);
    for (const f of data['labels-detail'].features) {
      expect(f.properties.maxzoom).toBe(f.properties.minzoom === 9 ? 24 : f.properties.minzoom + 1);
    }
    const labels = data['labels-detail'].features;
    const tooClose = labels.flatMap((a, i) =>
      labels.slice(i + 1).filter((b) => {
        if (a.properties.iso_a2 !== b.properties.iso_a2 || a.properties.minzoom !== b.properties.minzoom) return false;
        const [ax = 0, ay = 0] = a.geometry.coordinates;
        const [bx = 0, by = 0] = b.geometry.coordinates;
        const px = Math.hypot(ax - bx, mercatorY(ay) - mercatorY(by)) / degreesPerPixelAt(a.properties.minzoom);
        return px < DEFAULT_BAND_OPTIONS.spacingPx - 1;
      }),
    );
    expect(tooClose).toEqual([]);
  });
});

describe('the clipped land files', () => {
  // The map paints each file's extent in the sea colour under its land (issue #15): the extent must be exactly
  // where the file has data, or its sea would cover the land of the file beside it.
  it.each([
    ['land-high', [DEFAULT_BASEMAP_OPTIONS.region]],
    ['land-outside', bandsAround(DEFAULT_BASEMAP_OPTIONS.region)],
    ['land-window', DETAIL_WINDOWS],
  ] as const)('%s starts with its extent: the boxes it was clipped to, then only land', (name, boxes) => {
    const [extent, ...land] = data[name].features;
    expect(extent && isExtent(extent)).toBe(true);
    expect(land.length).toBeGreaterThan(0);
    expect(land.some(isExtent)).toBe(false);
    const boxOf = (ring: Position[]) => {
      const lons = ring.map(([lon = 0]) => lon);
      const lats = ring.map(([, lat = 0]) => lat);
      return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
    };
    expect(extent?.geometry.coordinates.map(([ring = []]) => boxOf(ring))).toEqual(boxes.map((b) => [...b]));
    for (const [ring = []] of extent?.geometry.coordinates ?? []) {
      expect(booleanClockwise(ring)).toBe(false);
      expect(maxLongitudeStep({ type: 'LineString', coordinates: ring })).toBeLessThanOrEqual(90);
    }
  });
});

describe('the close-up windows', () => {
  const positionsOf = (name: 'land-window' | 'borders-window' | 'land-high') =>
    data[name].features.flatMap((f) =>
      f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat(2) : f.geometry.coordinates.flat(),
    );

  it('keeps the window files inside the windows', () => {
    const inside = ([lon = 0, lat = 0]: Position) =>
      DETAIL_WINDOWS.some(([w, s, e, n]) => lon >= w && lon <= e && lat >= s && lat <= n);
    for (const name of ['land-window', 'borders-window'] as const) expect(positionsOf(name).every(inside)).toBe(true);
  });

  it('serves the 1:10m coast unsimplified: several times the vertices of land-high in the same window', () => {
    const [w, s, e, n] = RAJIN_DUNAI_WINDOW;
    const count = (positions: Position[]) =>
      positions.filter(([lon = 0, lat = 0]) => lon > w && lon < e && lat > s && lat < n).length;
    expect(count(positionsOf('land-window'))).toBeGreaterThan(3 * count(positionsOf('land-high')));
  });

  it('keeps the piers’ bays as water and the towns as land', () => {
    const lands = data['land-window'].features.filter((f) => !isExtent(f));
    const onLand = (position: Position) => lands.some((land) => booleanPointInPolygon(position, land));
    expect(lands).toHaveLength(DETAIL_WINDOWS.length);
    expect([onLand([132.42, 42.9]), onLand([130.45, 42.15])]).toEqual([false, false]);
    expect([onLand([40.12, 45.85]), onLand([131.9, 43.13]), onLand([39.72, 47.23])]).toEqual([true, true, true]);
  });
});

describe('countryBandLabelsFor on a made-up map', () => {
  const square = (iso_a2: string, [w, s, e, n]: number[]): Feature<MultiPolygon, CountryProperties> => ({
    type: 'Feature',
    properties: { iso_a2, iso_n3: '000' },
    geometry: {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [w ?? 0, s ?? 0],
            [e ?? 0, s ?? 0],
            [e ?? 0, n ?? 0],
            [w ?? 0, n ?? 0],
            [w ?? 0, s ?? 0],
          ],
        ],
      ],
    },
  });
  const worldLabel = (iso_a2: string, position: Position) => ({
    type: 'Feature' as const,
    properties: { iso_a2, name_en: iso_a2, name_uk: iso_a2, rank: 1 },
    geometry: { type: 'Point' as const, coordinates: position },
  });
  // A wide country and a strip 0.1° wide: 9 px at zoom 6, too narrow for a label; 73 px at zoom 9.
  const countries = {
    type: 'FeatureCollection' as const,
    features: [square('AA', [0, 0, 20, 10]), square('BB', [20, 0, 20.1, 10])],
  };
  const world = {
    type: 'FeatureCollection' as const,
    features: [worldLabel('AA', [10, 5]), worldLabel('BB', [20.05, 5])],
  };

  it('repeats a large country’s label across the box, inside it, apart from its world label', () => {
    const bands = [{ zoom: 6, boxes: [[0, 0, 30, 10] as BBox] }];
    const labels = countryBandLabelsFor(countries, world, bands).features;
    const aa = labels.filter((l) => l.properties.iso_a2 === 'AA');
    expect(aa.length).toBeGreaterThan(2);
    for (const label of aa) {
      expect(booleanPointInPolygon(label.geometry, square('AA', [0, 0, 20, 10]))).toBe(true);
      const [lon = 0, lat = 0] = label.geometry.coordinates;
      expect(Math.hypot(lon - 10, mercatorY(lat) - mercatorY(5)) / degreesPerPixelAt(6)).toBeGreaterThanOrEqual(300);
    }
    expect(labels.filter((l) => l.properties.iso_a2 === 'BB')).toEqual([]);
    expect(labels.every((l) => l.properties.minzoom === 6 && l.properties.maxzoom === 24)).toBe(true);
  });

  it('names each country near every anchor (where the story zooms in) at close zooms, still apart (#31)', () => {
    const bands = [{ zoom: 9, boxes: [[0, 0, 6, 4] as BBox] }];
    const anchor: Position = [0.4, 3.7];
    const pxFrom = (label: Feature<Point>, [lon0 = 0, lat0 = 0]: Position) => {
      const [lon = 0, lat = 0] = label.geometry.coordinates;
      return Math.hypot(lon - lon0, mercatorY(lat) - mercatorY(lat0)) / degreesPerPixelAt(9);
    };
    const near = (options: typeof DEFAULT_BAND_OPTIONS) =>
      countryBandLabelsFor(countries, world, bands, options).features.filter(
        (l) => l.properties.iso_a2 === 'AA' && pxFrom(l, anchor) <= options.anchorRadiusPx,
      );
    expect(near(DEFAULT_BAND_OPTIONS), 'without anchors, roomiest first').toEqual([]);
    const anchored = { ...DEFAULT_BAND_OPTIONS, anchors: [anchor] };
    expect(near(anchored)).toHaveLength(1);
    const all = countryBandLabelsFor(countries, world, bands, anchored).features;
    for (const a of all)
      for (const b of all)
        if (a !== b) expect(pxFrom(a, b.geometry.coordinates)).toBeGreaterThanOrEqual(anchored.closeSpacing.px);
  });

  it('labels the strip once it is wide enough on screen', () => {
    const bands = [{ zoom: 9, boxes: [[19, 0, 21, 10] as BBox] }];
    const labels = countryBandLabelsFor(countries, world, bands).features;
    expect(labels.some((l) => l.properties.iso_a2 === 'BB')).toBe(true);
  });
});
