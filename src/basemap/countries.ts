/**
 * Country polygons and land borders from a world-atlas countries topology, with Crimea in Ukraine and the
 * antimeridian repaired. Each world-atlas geometry `id` is an ISO 3166-1 numeric code ("804"); a few units have none.
 */
import { rewind } from '@turf/turf';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon } from 'geojson';
import isoCountries from 'i18n-iso-countries';
import { merge, mesh } from 'topojson-client';
import type { GeometryObject, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';
import { splitLinesAtAntimeridian, splitPolygonsAtAntimeridian } from './antimeridian';
import { withCrimeaInUkraine } from './crimea';

/** Properties of a country feature: ISO 3166-1 alpha-2 and numeric codes. */
export interface CountryProperties {
  iso_a2: string;
  iso_n3: string;
}

/** ISO 3166-1 alpha-2 code for a world-atlas geometry id (ISO numeric), or undefined when it has none. */
export function isoAlpha2For(id: string | number | undefined): string | undefined {
  return id === undefined ? undefined : isoCountries.numericToAlpha2(id);
}

/**
 * One MultiPolygon feature per ISO country of `topology.objects.countries` (geometries sharing an id merged, e.g.
 * Australia with Ashmore and Cartier), Crimea in Ukraine, cut at ±180°, exteriors counter-clockwise (RFC 7946).
 */
export function countryFeaturesFor(topology: Topology): FeatureCollection<MultiPolygon, CountryProperties> {
  const fixed = withCrimeaInUkraine(topology);
  const groups = new Map<string, Array<TopoPolygon | TopoMultiPolygon>>();
  for (const geometry of countryGeometriesOf(fixed)) {
    const isoA2 = isoAlpha2For(geometry.id);
    if (!isoA2 || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue;
    groups.set(String(geometry.id), [...(groups.get(String(geometry.id)) ?? []), geometry]);
  }
  const features: Feature<MultiPolygon, CountryProperties>[] = [];
  for (const [isoN3, geometries] of groups) {
    const geometry = splitPolygonsAtAntimeridian(merge(fixed, geometries));
    const country: Feature<MultiPolygon, CountryProperties> = {
      type: 'Feature',
      properties: { iso_a2: isoAlpha2For(isoN3)!, iso_n3: isoN3 },
      geometry,
    };
    features.push(rewind(country, { mutate: true }) as Feature<MultiPolygon, CountryProperties>);
  }
  return { type: 'FeatureCollection', features };
}

/** Names (world-atlas `properties.name`) of the units in `topology.objects.countries` that have no ISO code. */
export function uncodedUnitsFor(topology: Topology): string[] {
  return countryGeometriesOf(topology)
    .filter((geometry) => !isoAlpha2For(geometry.id))
    .map((geometry) => String(geometry.properties?.name ?? geometry.id ?? '(unnamed)'));
}

/**
 * Land borders: arcs shared by two different units (topojson `mesh`, a !== b), with Crimea in Ukraine (so no line
 * across the Perekop isthmus), cut at ±180°. Borders of units without an ISO code (Kosovo, N. Cyprus…) are kept.
 */
export function borderMeshFor(topology: Topology): MultiLineString {
  const fixed = withCrimeaInUkraine(topology);
  const countries = fixed.objects.countries;
  if (!countries) throw new Error('topology: expected an object "countries"');
  return splitLinesAtAntimeridian(mesh(fixed, countries, (a, b) => a !== b));
}

function countryGeometriesOf(topology: Topology): GeometryObject[] {
  const countries = topology.objects.countries;
  if (countries?.type !== 'GeometryCollection') throw new Error('topology: expected a GeometryCollection "countries"');
  return countries.geometries;
}
