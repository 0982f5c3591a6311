/**
 * Clipping to a lon/lat box (Turf's bboxClip, Sutherland–Hodgman for polygons). Polygons that straddle the box edge
 * may keep zero-width edges along it; they fill nothing but a fill outline draws them on the box edge.
 * The clipping is Turf's; this file only skips what lies wholly inside or outside the box and keeps holes with their
 * exterior. d3-geo's clipExtent is not used: it clips projected streams and gives no GeoJSON back.
 */
import { bboxClip } from '@turf/turf';
import type { BBox, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { linesOf } from './geometry';

/** The parts of the polygons inside `bbox` ([west, south, east, north], degrees); polygons outside are dropped. */
export function clipPolygonsToBbox(geometry: MultiPolygon, bbox: BBox): MultiPolygon {
  const out: Position[][][] = [];
  for (const polygon of geometry.coordinates) {
    const exterior = polygon[0];
    if (!exterior) continue;
    const extent = extentOf(exterior);
    if (!overlaps(extent, bbox)) continue;
    if (contains(bbox, extent)) {
      out.push(polygon);
      continue;
    }
    // Exterior first: where it is clipped away, its holes go with it.
    const [clippedExterior] = clipRings([exterior], bbox);
    if (clippedExterior) out.push([clippedExterior, ...clipRings(polygon.slice(1), bbox)]);
  }
  return { type: 'MultiPolygon', coordinates: out };
}

/** The parts of the lines inside `bbox` ([west, south, east, north], degrees). */
export function clipLinesToBbox(geometry: MultiLineString, bbox: BBox): MultiLineString {
  const out: Position[][] = [];
  for (const line of geometry.coordinates) {
    const extent = extentOf(line);
    if (!overlaps(extent, bbox)) continue;
    if (contains(bbox, extent)) {
      out.push(line);
      continue;
    }
    const clipped = bboxClip({ type: 'LineString', coordinates: line }, bbox).geometry;
    out.push(...linesOf(clipped as LineString | MultiLineString));
  }
  return { type: 'MultiLineString', coordinates: out.filter((line) => line.length >= 2) };
}

// Rings clipped one by one; bboxClip drops the ones that end up empty.
function clipRings(rings: Position[][], bbox: BBox): Position[][] {
  if (rings.length === 0) return [];
  return (bboxClip({ type: 'Polygon', coordinates: rings }, bbox).geometry as Polygon).coordinates;
}

function extentOf(path: Position[]): BBox {
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const [lon = 0, lat = 0] of path) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return [west, south, east, north];
}

function overlaps(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

function contains(outer: BBox, inner: BBox): boolean {
  return inner[0] >= outer[0] && inner[2] <= outer[2] && inner[1] >= outer[1] && inner[3] <= outer[3];
}

/** Whether `bbox` ([west, south, east, north]) holds the point `[lon, lat]`, its edges included. */
export function bboxContains([west, south, east, north]: BBox, [lon = 0, lat = 0]: Position): boolean {
  return lon >= west && lon <= east && lat >= south && lat <= north;
}
