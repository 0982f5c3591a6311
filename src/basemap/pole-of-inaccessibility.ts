/**
 * Pole of inaccessibility: the point inside a polygon farthest from its edges, the usual anchor for an area label,
 * found by mapbox/polylabel. Planar: pass projected coordinates (see `mercatorPoleOfInaccessibility`) so "far from
 * the edges" means on screen. The Web Mercator y is d3-geo's raw Mercator, in degrees rather than radians.
 */
import { geoMercatorRaw } from 'd3-geo';
import type { MultiPolygon, Position } from 'geojson';
import polylabel from 'polylabel';

/** The planar point of `rings` (exterior then holes) farthest from any edge, found to within `precision` units. */
export function poleOfInaccessibility(rings: Position[][], precision: number): Position {
  return poleWithDistanceOf(rings, precision).position;
}

/** The pole of inaccessibility of planar `rings` and its distance to the nearest edge (0 for a degenerate ring). */
export function poleWithDistanceOf(rings: Position[][], precision: number): { position: Position; distance: number } {
  const planar = rings.map((ring) => ring.map(([x = 0, y = 0]): [number, number] => [x, y]));
  const pole = polylabel(planar, precision);
  return { position: [pole[0], pole[1]], distance: Math.max(0, pole.distance) };
}

const RADIANS = Math.PI / 180;
/** Where MapLibre's square Web Mercator world ends, in degrees of latitude. */
const MAX_LATITUDE = 85.0511;

/** Latitude in degrees to Web Mercator y, scaled to degrees at the equator (clamped to MapLibre's ±85.05°). */
export function mercatorY(lat: number): number {
  // d3-geo's raw projection does not clamp (its projections clip instead); the tile pyramid stops here.
  return geoMercatorRaw(0, Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)) * RADIANS)[1] / RADIANS;
}

/** Web Mercator y (degrees at the equator) back to latitude in degrees. */
export function latitudeOfMercatorY(y: number): number {
  return geoMercatorRaw.invert!(0, y * RADIANS)[1] / RADIANS;
}

/** The pole of inaccessibility of a lon/lat polygon as it looks on a Web Mercator map, as [lon, lat]. */
export function mercatorPoleOfInaccessibility(rings: Position[][]): Position {
  return mercatorPoleWithDistanceOf(rings).position;
}

/**
 * The Web Mercator pole of inaccessibility of a lon/lat polygon, as [lon, lat], and its distance to the nearest edge
 * in Mercator degrees (degrees of longitude; divide by the degrees per pixel of a zoom for pixels).
 */
export function mercatorPoleWithDistanceOf(rings: Position[][]): { position: Position; distance: number } {
  const projected = rings.map((ring) => ring.map(([lon = 0, lat = 0]) => [lon, mercatorY(lat)]));
  const exterior = projected[0] ?? [];
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of exterior) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const size = Math.max(maxX - minX, maxY - minY);
  const { position, distance } = poleWithDistanceOf(projected, size > 0 ? size / 500 : 1e-6);
  const [x = 0, y = 0] = position;
  return { position: [x, latitudeOfMercatorY(y)], distance };
}

/** The roomiest of the Web Mercator poles of `geometry`'s polygons, or undefined when it has none. */
export function mercatorPoleOfParts(geometry: MultiPolygon): { position: Position; distance: number } | undefined {
  let best: { position: Position; distance: number } | undefined;
  for (const polygon of geometry.coordinates) {
    const pole = mercatorPoleWithDistanceOf(polygon);
    if (!best || pole.distance > best.distance) best = pole;
  }
  return best;
}
