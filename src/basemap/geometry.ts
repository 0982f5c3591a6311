/** Small inspectors of GeoJSON coordinates, shared by the basemap builders and their tests. */
import type { Geometry, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

/** Polygon and MultiPolygon as a list of polygons (each a list of rings). */
export function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** LineString and MultiLineString as a list of lines. */
export function linesOf(geometry: LineString | MultiLineString): Position[][] {
  return geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
}

/** Largest longitude step, in degrees, between consecutive vertices of any ring or line of `geometry`. */
export function maxLongitudeStep(geometry: Geometry): number {
  return Math.max(0, ...pathsOf(geometry).map(maxStepOf));
}

/** Whether every position of `geometry` has longitude in [−180, 180] and latitude in [−90, 90]. */
export function coordinatesInRange(geometry: Geometry): boolean {
  return pathsOf(geometry).every((path) =>
    path.every(([lon, lat]) => lon !== undefined && lat !== undefined && Math.abs(lon) <= 180 && Math.abs(lat) <= 90),
  );
}

/** Largest longitude step, in degrees, between consecutive positions of `path`. */
export function maxStepOf(path: Position[]): number {
  let max = 0;
  let previous: number | undefined;
  for (const [lon = 0] of path) {
    if (previous !== undefined) max = Math.max(max, Math.abs(lon - previous));
    previous = lon;
  }
  return max;
}

/** Every ring, line or point list of `geometry`, flattened one level. */
export function pathsOf(geometry: Geometry): Position[][] {
  switch (geometry.type) {
    case 'Point':
      return [[geometry.coordinates]];
    case 'MultiPoint':
    case 'LineString':
      return [geometry.coordinates];
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates;
    case 'MultiPolygon':
      return geometry.coordinates.flat();
    case 'GeometryCollection':
      return geometry.geometries.flatMap(pathsOf);
  }
}
