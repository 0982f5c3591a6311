/**
 * Coordinate rounding for small files. Rounding can fold a vertex onto its neighbour or flatten a tiny ring, so the
 * rounded geometry is cleaned: repeated vertices dropped, rings that no longer enclose area dropped.
 */
import type { MultiLineString, MultiPolygon, Position } from 'geojson';

/** `value` rounded to `decimals` decimal places (degrees; 2 ≈ 1.1 km, 3 ≈ 110 m of latitude). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** A [lon, lat] position rounded to `decimals` (any third value, such as elevation, is dropped). */
export function roundPosition(position: Position, decimals: number): Position {
  const [lon = 0, lat = 0] = position;
  return [roundTo(lon, decimals), roundTo(lat, decimals)];
}

/** The polygons with coordinates rounded to `decimals`, without repeated vertices or rings of no area. */
export function roundPolygons(geometry: MultiPolygon, decimals: number): MultiPolygon {
  const out: Position[][][] = [];
  for (const polygon of geometry.coordinates) {
    const [exterior, ...holes] = polygon.map((ring) => roundRing(ring, decimals));
    if (!exterior) continue;
    out.push([exterior, ...holes.filter((hole): hole is Position[] => hole !== undefined)]);
  }
  return { type: 'MultiPolygon', coordinates: out };
}

/** The lines with coordinates rounded to `decimals`, without repeated vertices or lines shorter than a step. */
export function roundLines(geometry: MultiLineString, decimals: number): MultiLineString {
  const lines = geometry.coordinates.map((line) => withoutRepeats(line, decimals)).filter((line) => line.length >= 2);
  return { type: 'MultiLineString', coordinates: lines };
}

function withoutRepeats(path: Position[], decimals: number): Position[] {
  const out: Position[] = [];
  for (const position of path) {
    const rounded = roundPosition(position, decimals);
    const last = out.at(-1);
    if (!last || last[0] !== rounded[0] || last[1] !== rounded[1]) out.push(rounded);
  }
  return out;
}

function roundRing(ring: Position[], decimals: number): Position[] | undefined {
  const out = withoutRepeats(ring, decimals);
  if (out.length < 4 || planarArea(out) === 0) return undefined;
  return out;
}

// Twice the signed area in square degrees (shoelace); only its being zero matters here.
function planarArea(ring: Position[]): number {
  let sum = 0;
  let previous: Position | undefined;
  for (const position of ring) {
    if (previous) {
      const [x0 = 0, y0 = 0] = previous;
      const [x1 = 0, y1 = 0] = position;
      sum += x0 * y1 - x1 * y0;
    }
    previous = position;
  }
  return sum;
}
