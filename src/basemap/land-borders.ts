/**
 * The basemap's geometry from world-atlas topologies: land and land borders cut at ±180°, clipped to a box (or to
 * what lies outside one) and rounded, the extent that marks where a file's land was clipped, and Ukraine's outline.
 * Pure; basemap-files.ts puts them together into the files.
 */
import { rewind } from '@turf/turf';
import type { BBox, Feature, FeatureCollection, MultiLineString, MultiPolygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { splitPolygonsAtAntimeridian } from './antimeridian';
import { clipLinesToBbox, clipPolygonsToBbox } from './clip';
import { borderMeshFor, countryFeaturesFor, mergeUnits, polygonUnitsOf } from './countries';
import { polygonsOf } from './geometry';
import { countryNamesFor } from './labels';
import { roundLines, roundPolygons } from './precision';

/** Properties of the Ukraine feature. */
export interface UkraineProperties {
  iso_a2: 'UA';
  name_en: string;
  name_uk: string;
  source: string;
}

/**
 * `land` with, first, one feature marked `extent: true`: the boxes the file's land was clipped to. The map paints it
 * in the sea colour under the file's land, in the same layer source, so a tile of the file draws its own coast and
 * sea, or (not loaded yet) nothing, and the world view's land under it shows instead of the sea (issue #15).
 */
export function withExtent(
  land: FeatureCollection<MultiPolygon>,
  boxes: readonly BBox[],
): FeatureCollection<MultiPolygon> {
  const extent: Feature<MultiPolygon> = {
    type: 'Feature',
    properties: { extent: true },
    geometry: { type: 'MultiPolygon', coordinates: boxes.map((box) => [boxRing(box)]) },
  };
  return { type: 'FeatureCollection', features: [extent, ...land.features] };
}

/** A box's outline, counter-clockwise (RFC 7946), with a vertex at least every 90° so no edge is ambiguous. */
function boxRing([w, s, e, n]: BBox): Position[] {
  const steps = Math.max(1, Math.ceil((e - w) / 90));
  const along = (from: number, to: number) => Array.from({ length: steps }, (_, i) => from + ((to - from) * i) / steps);
  return [...along(w, e).map((lon) => [lon, s]), [e, s], ...along(e, w).map((lon) => [lon, n]), [w, n], [w, s]];
}

/** Whether `feature` is the extent `withExtent` adds, not land. */
export function isExtent(feature: Feature): boolean {
  return feature.properties?.extent === true;
}

/** Rounding and clipping of an output: keep what is inside `bbox`, or what is outside `outside`. */
export interface ClipOptions {
  decimals: number;
  bbox?: BBox;
  outside?: BBox;
}

/** The four boxes that tile the world around `region` (west, east, south, north), edge to edge. */
export function bandsAround([w, s, e, n]: BBox): BBox[] {
  return [
    [-180, -90, w, 90],
    [e, -90, 180, 90],
    [w, -90, e, s],
    [w, n, e, 90],
  ];
}

/** All land of a world-atlas land topology as one MultiPolygon feature: cut at ±180°, clipped, rounded, RFC 7946. */
export function landFor(topology: Topology, options: ClipOptions): FeatureCollection<MultiPolygon> {
  const land = topology.objects.land;
  if (!land) throw new Error('topology: expected an object "land"');
  const geojson = feature(topology, land);
  const geometries =
    geojson.type === 'FeatureCollection' ? geojson.features.map((f) => f.geometry) : [geojson.geometry];
  const polygons: Position[][][] = [];
  for (const geometry of geometries) {
    if (geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon') polygons.push(...polygonsOf(geometry));
  }
  return landFeatureFor({ type: 'MultiPolygon', coordinates: polygons }, options);
}

/** Land as the union of all units of a world-atlas countries topology (coast shared with `bordersFor` exactly). */
export function landOfCountriesFor(topology: Topology, options: ClipOptions): FeatureCollection<MultiPolygon> {
  return landFeatureFor(mergeUnits(topology, polygonUnitsOf(topology)), options);
}

function landFeatureFor(land: MultiPolygon, options: ClipOptions): FeatureCollection<MultiPolygon> {
  let geometry = splitPolygonsAtAntimeridian(land);
  if (options.bbox) geometry = clipPolygonsToBbox(geometry, options.bbox);
  if (options.outside) {
    const whole = geometry;
    const coordinates = bandsAround(options.outside).flatMap((band) => clipPolygonsToBbox(whole, band).coordinates);
    geometry = { type: 'MultiPolygon', coordinates };
  }
  const result: Feature<MultiPolygon> = {
    type: 'Feature',
    properties: {},
    geometry: roundPolygons(geometry, options.decimals),
  };
  return { type: 'FeatureCollection', features: [rewind(result, { mutate: true }) as Feature<MultiPolygon>] };
}

/** Land borders of a world-atlas countries topology as one MultiLineString feature (Crimea in Ukraine), rounded. */
export function bordersFor(topology: Topology, options: ClipOptions): FeatureCollection<MultiLineString> {
  let geometry = borderMeshFor(topology);
  if (options.bbox) geometry = clipLinesToBbox(geometry, options.bbox);
  if (options.outside) {
    const whole = geometry;
    const coordinates = bandsAround(options.outside).flatMap((band) => clipLinesToBbox(whole, band).coordinates);
    geometry = { type: 'MultiLineString', coordinates };
  }
  return {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: {}, geometry: roundLines(geometry, options.decimals) }],
  };
}

/** Ukraine's internationally recognised territory, Crimea included, from a countries topology, rounded, RFC 7946. */
export function ukraineFeatureFor(
  topology: Topology,
  decimals: number,
  source: string,
): Feature<MultiPolygon, UkraineProperties> {
  const ukraine = countryFeaturesFor(topology).features.find((country) => country.properties.iso_a2 === 'UA');
  const names = countryNamesFor('UA');
  if (!ukraine || !names) throw new Error('topology: expected a country with ISO code 804 (Ukraine)');
  const result: Feature<MultiPolygon, UkraineProperties> = {
    type: 'Feature',
    properties: { iso_a2: 'UA', ...names, source },
    geometry: roundPolygons(ukraine.geometry, decimals),
  };
  return rewind(result, { mutate: true }) as Feature<MultiPolygon, UkraineProperties>;
}
