/**
 * Antimeridian repair. world-atlas rings for Chukotka, Wrangel Island, Fiji and Antarctica step from +180° to −180°
 * (d3-geo draws them on the sphere), which a planar renderer such as MapLibre draws as streaks across the map.
 * These functions cut such geometry into parts that each stay within [−180°, 180°].
 * Written here because no library does it on GeoJSON: d3-geo cuts at the antimeridian only inside a projection
 * stream (geoClipAntimeridian, in radians), reads edges as great circles and rings by spherical winding (a ring in
 * RFC 7946 order becomes the rest of the globe), and gives GeoJSON back only through d3-geo-projection's geoProject.
 * Tried on this file's test cases, it turned Fiji inside out and left the ring around the south pole unclosed.
 */
import type { BBox, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { clipLinesToBbox, clipPolygonsToBbox } from './clip';
import { linesOf, maxStepOf, polygonsOf } from './geometry';

const WORLD: BBox = [-180, -90, 180, 90];

/** The polygons cut at ±180°: a ring that steps across the antimeridian becomes a part on each side. */
export function splitPolygonsAtAntimeridian(geometry: Polygon | MultiPolygon): MultiPolygon {
  const out: Position[][][] = [];
  for (const polygon of polygonsOf(geometry)) {
    if (!polygon.some(crossesAntimeridian)) {
      out.push(polygon);
      continue;
    }
    const unwrapped = unwrapPolygon(polygon);
    const [west, east] = longitudeRange(unwrapped[0] ?? []);
    for (const shift of worldShifts(west, east)) {
      const moved = unwrapped.map((ring) => shifted(ring, shift));
      out.push(...clipPolygonsToBbox({ type: 'MultiPolygon', coordinates: [moved] }, WORLD).coordinates);
    }
  }
  return { type: 'MultiPolygon', coordinates: out };
}

/** The lines cut at ±180°: a line that steps across the antimeridian becomes a part on each side. */
export function splitLinesAtAntimeridian(geometry: LineString | MultiLineString): MultiLineString {
  const out: Position[][] = [];
  for (const line of linesOf(geometry)) {
    if (!crossesAntimeridian(line)) {
      out.push(line);
      continue;
    }
    const { path } = unwrap(line);
    const [west, east] = longitudeRange(path);
    for (const shift of worldShifts(west, east)) {
      const moved = shifted(path, shift);
      out.push(...clipLinesToBbox({ type: 'MultiLineString', coordinates: [moved] }, WORLD).coordinates);
    }
  }
  return { type: 'MultiLineString', coordinates: out.filter((line) => line.length >= 2) };
}

function crossesAntimeridian(path: Position[]): boolean {
  return maxStepOf(path) > 180;
}

function shifted(path: Position[], shift: number): Position[] {
  return shift === 0 ? path : path.map(([lon = 0, lat = 0]) => [lon + shift, lat]);
}

// Longitudes made continuous (each step ≤ 180°), so a ring may run past ±180°; `turns` counts net trips around
// the globe (non-zero for a ring that circles a pole, like Antarctica's coast).
function unwrap(path: Position[]): { path: Position[]; turns: number } {
  const out: Position[] = [];
  let offset = 0;
  let previous: number | undefined;
  for (const [lon = 0, lat = 0] of path) {
    let x = lon + offset;
    if (previous !== undefined) {
      while (x - previous > 180) {
        offset -= 360;
        x -= 360;
      }
      while (x - previous < -180) {
        offset += 360;
        x += 360;
      }
    }
    out.push([x, lat]);
    previous = x;
  }
  const first = out[0]?.[0] ?? 0;
  const last = out.at(-1)?.[0] ?? 0;
  return { path: out, turns: Math.round((last - first) / 360) };
}

// A ring that circles a pole is closed through that pole, so that it bounds the area between coast and pole.
function unwrapRing(ring: Position[]): Position[] {
  const { path, turns } = unwrap(ring);
  const first = path[0];
  const [endLon = 0] = path.at(-1) ?? [];
  if (turns === 0 || !first) return path;
  const [startLon = 0] = first;
  const meanLat = path.reduce((sum, [, lat = 0]) => sum + lat, 0) / path.length;
  const pole = meanLat < 0 ? -90 : 90;
  // Along the pole in steps of at most 90°, so that no edge spans more than 180° once cut.
  const along: Position[] = [];
  const steps = Math.max(1, Math.ceil(Math.abs(endLon - startLon) / 90));
  for (let i = 0; i <= steps; i++) along.push([endLon + ((startLon - endLon) * i) / steps, pole]);
  return [...path, ...along, first];
}

function unwrapPolygon(polygon: Position[][]): Position[][] {
  const [exterior, ...holes] = polygon.map(unwrapRing);
  if (!exterior) return [];
  const middle = (ring: Position[]) => {
    const [west, east] = longitudeRange(ring);
    return (west + east) / 2;
  };
  const centre = middle(exterior);
  // Each hole was unwrapped on its own: move it by whole turns to sit inside its exterior.
  const placed = holes.map((hole) => {
    const shift = 360 * Math.round((centre - middle(hole)) / 360);
    return shifted(hole, shift);
  });
  return [exterior, ...placed];
}

function longitudeRange(path: Position[]): [number, number] {
  let west = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  for (const [lon = 0] of path) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
  }
  return [west, east];
}

// Whole-turn shifts that bring some of [west, east] into [−180, 180].
function worldShifts(west: number, east: number): number[] {
  const shifts: number[] = [];
  for (let k = Math.ceil((-180 - east) / 360); k <= Math.floor((180 - west) / 360); k++) shifts.push(360 * k);
  return shifts;
}
