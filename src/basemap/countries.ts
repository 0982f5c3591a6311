/**
 * Country polygons and land borders from a world-atlas countries topology, with Crimea in Ukraine and the
 * antimeridian repaired. Each world-atlas geometry `id` is an ISO 3166-1 numeric code ("804"); a few units have none.
 */
import { rewind } from '@turf/turf';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon } from 'geojson';
import isoCountries from 'i18n-iso-countries';
import { merge, mesh } from 'topojson-client';
import type {
  GeometryObject,
  Properties,
  Topology,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
} from 'topojson-specification';
import { splitLinesAtAntimeridian, splitPolygonsAtAntimeridian } from './antimeridian';
import { withCrimeaInUkraine } from './crimea';

/** A geometry of a world-atlas `countries` collection (`id`: ISO numeric, `properties.name`: Natural Earth name). */
export type AtlasUnit = GeometryObject<Properties>;

/** A polygonal world-atlas unit. */
export type AtlasPolygonUnit = TopoPolygon<Properties> | TopoMultiPolygon<Properties>;

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
  const groups = new Map<string, { isoA2: string; units: AtlasPolygonUnit[] }>();
  for (const unit of polygonUnitsOf(fixed)) {
    const isoA2 = isoAlpha2For(unit.id);
    if (!isoA2) continue;
    const isoN3 = String(unit.id);
    groups.set(isoN3, { isoA2, units: [...(groups.get(isoN3)?.units ?? []), unit] });
  }
  const features: Feature<MultiPolygon, CountryProperties>[] = [];
  for (const [isoN3, { isoA2, units }] of groups) {
    const geometry = splitPolygonsAtAntimeridian(mergeUnits(fixed, units));
    const country: Feature<MultiPolygon, CountryProperties> = {
      type: 'Feature',
      properties: { iso_a2: isoA2, iso_n3: isoN3 },
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
    .map(unitNameOf);
}

/** A unit's Natural Earth name (`properties.name`), else its id. */
export function unitNameOf(unit: AtlasUnit): string {
  const properties = unit.properties as Record<string, unknown> | null | undefined;
  return String(properties?.name ?? unit.id ?? '(unnamed)');
}

/**
 * Land borders: arcs shared by two different units (topojson `mesh`, a !== b), with Crimea in Ukraine (so no line
 * across the Perekop isthmus), cut at ±180°. Borders of units without an ISO code (Kosovo, N. Cyprus…) are kept,
 * except around enclaves (see `enclavedUnitsOf`).
 */
export function borderMeshFor(topology: Topology): MultiLineString {
  const fixed = withCrimeaInUkraine(topology);
  const countries = fixed.objects.countries;
  if (!countries) throw new Error('topology: expected an object "countries"');
  const enclaves = new Set<unknown>(enclavedUnitsOf(fixed));
  // topojson-client's types ask for a property-less object; mesh ignores properties.
  const object = countries as GeometryObject;
  return splitLinesAtAntimeridian(mesh(fixed, object, (a, b) => a !== b && !enclaves.has(a) && !enclaves.has(b)));
}

/**
 * Units without an ISO code that lie wholly inside one ISO country (every arc shared with that country, no coast):
 * at 1:10m, Baikonur in Kazakhstan, a lease that 1:50m and 1:110m do not draw and that is no international border.
 */
export function enclavedUnitsOf(topology: Topology): AtlasUnit[] {
  const units = countryGeometriesOf(topology);
  const users = new Map<number, AtlasUnit[]>();
  for (const unit of units) {
    for (const arc of arcIndexesOf(unit)) users.set(arc, [...(users.get(arc) ?? []), unit]);
  }
  return units.filter((unit) => {
    if (isoAlpha2For(unit.id)) return false;
    const neighbours = new Set<AtlasUnit>();
    for (const arc of arcIndexesOf(unit)) {
      const others = (users.get(arc) ?? []).filter((other) => other !== unit);
      if (others.length === 0) return false;
      for (const other of others) neighbours.add(other);
    }
    const [host] = neighbours;
    return neighbours.size === 1 && host !== undefined && isoAlpha2For(host.id) !== undefined;
  });
}

// Indexes into topology.arcs of every arc a Polygon or MultiPolygon uses (~i, a reversed arc, counted as i).
function arcIndexesOf(geometry: AtlasUnit): number[] {
  const rings =
    geometry.type === 'Polygon' ? geometry.arcs : geometry.type === 'MultiPolygon' ? geometry.arcs.flat() : [];
  return rings.flat().map((arc) => (arc < 0 ? ~arc : arc));
}

/** The union of `units` as one MultiPolygon (topojson `merge`: arcs shared between them dropped). */
export function mergeUnits(topology: Topology, units: AtlasPolygonUnit[]): MultiPolygon {
  // topojson-client's types ask for property-less geometries; merge ignores properties.
  return merge(topology, units as Array<TopoPolygon | TopoMultiPolygon>);
}

/** The polygonal units of `topology.objects.countries`, with or without an ISO code. */
export function polygonUnitsOf(topology: Topology): AtlasPolygonUnit[] {
  return countryGeometriesOf(topology).filter(
    (unit): unit is AtlasPolygonUnit => unit.type === 'Polygon' || unit.type === 'MultiPolygon',
  );
}

function countryGeometriesOf(topology: Topology): AtlasUnit[] {
  const countries = topology.objects.countries;
  if (countries?.type !== 'GeometryCollection') throw new Error('topology: expected a GeometryCollection "countries"');
  return countries.geometries;
}
