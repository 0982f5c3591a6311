/**
 * Pole of inaccessibility: the point inside a polygon farthest from its edges, the usual anchor for an area label.
 * The method is Garcia-Castellanos & Lombardo's grid refinement as in mapbox/polylabel (ISC), written out here.
 * Planar: pass projected coordinates (see `mercatorPoleOfInaccessibility`) so "far from the edges" means on screen.
 */
import type { Position } from 'geojson';
import { segmentDistanceSq } from './geometry';

interface Cell {
  x: number;
  y: number;
  half: number;
  distance: number;
  potential: number;
}

/** The planar point of `rings` (exterior then holes) farthest from any edge, found to within `precision` units. */
export function poleOfInaccessibility(rings: Position[][], precision: number): Position {
  return poleWithDistanceOf(rings, precision).position;
}

/** The pole of inaccessibility of planar `rings` and its distance to the nearest edge (0 for a degenerate ring). */
export function poleWithDistanceOf(rings: Position[][], precision: number): { position: Position; distance: number } {
  const exterior = rings[0] ?? [];
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of exterior) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const size = Math.min(maxX - minX, maxY - minY);
  if (!(size > 0)) return { position: [minX, minY], distance: 0 };

  const cellAt = (x: number, y: number, half: number): Cell => {
    const distance = signedDistance(x, y, rings);
    return { x, y, half, distance, potential: distance + half * Math.SQRT2 };
  };
  const queue = new MaxHeap();
  for (let x = minX; x < maxX; x += size) {
    for (let y = minY; y < maxY; y += size) queue.push(cellAt(x + size / 2, y + size / 2, size / 2));
  }
  const [cx, cy] = centroidOf(exterior);
  let best = cellAt(cx, cy, 0);
  const middle = cellAt(minX + (maxX - minX) / 2, minY + (maxY - minY) / 2, 0);
  if (middle.distance > best.distance) best = middle;

  for (let cell = queue.pop(); cell; cell = queue.pop()) {
    if (cell.distance > best.distance) best = cell;
    if (cell.potential - best.distance <= precision) continue;
    const half = cell.half / 2;
    queue.push(cellAt(cell.x - half, cell.y - half, half));
    queue.push(cellAt(cell.x + half, cell.y - half, half));
    queue.push(cellAt(cell.x - half, cell.y + half, half));
    queue.push(cellAt(cell.x + half, cell.y + half, half));
  }
  return { position: [best.x, best.y], distance: Math.max(0, best.distance) };
}

/** Latitude in degrees to Web Mercator y, scaled to degrees at the equator (clamped to MapLibre's ±85.05°). */
export function mercatorY(lat: number): number {
  const phi = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
  return (Math.log(Math.tan(Math.PI / 4 + phi / 2)) * 180) / Math.PI;
}

/** Web Mercator y (degrees at the equator) back to latitude in degrees. */
export function latitudeOfMercatorY(y: number): number {
  return ((2 * Math.atan(Math.exp((y * Math.PI) / 180)) - Math.PI / 2) * 180) / Math.PI;
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

// Distance from (x, y) to the nearest edge: positive inside the polygon, negative outside.
function signedDistance(x: number, y: number, rings: Position[][]): number {
  let inside = false;
  let minSq = Infinity;
  for (const ring of rings) {
    for (const [[ax, ay], [bx, by]] of edgesOf(ring)) {
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      minSq = Math.min(minSq, segmentDistanceSq(x, y, ax, ay, bx, by));
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(minSq);
}

function centroidOf(ring: Position[]): [number, number] {
  let area = 0;
  let x = 0;
  let y = 0;
  for (const [[ax, ay], [bx, by]] of edgesOf(ring)) {
    const f = ax * by - bx * ay;
    x += (ax + bx) * f;
    y += (ay + by) * f;
    area += f * 3;
  }
  const [x0 = 0, y0 = 0] = ring[0] ?? [];
  return area === 0 ? [x0, y0] : [x / area, y / area];
}

// Each edge of a ring, from each vertex to the one before it (the first to the last), as [x, y] pairs.
function* edgesOf(ring: Position[]): Generator<[[number, number], [number, number]]> {
  let [px = 0, py = 0] = ring.at(-1) ?? [];
  for (const [x = 0, y = 0] of ring) {
    yield [
      [x, y],
      [px, py],
    ];
    px = x;
    py = y;
  }
}

// Binary max-heap of cells by `potential`.
class MaxHeap {
  private readonly items: Cell[] = [];

  push(cell: Cell): void {
    const items = this.items;
    let i = items.length;
    items.push(cell);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = items[parent];
      if (!above || above.potential >= cell.potential) break;
      items[i] = above;
      i = parent;
    }
    items[i] = cell;
  }

  pop(): Cell | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || !last) return top;
    let i = 0;
    for (;;) {
      const left = items[2 * i + 1];
      const right = items[2 * i + 2];
      const [child, index] = right && left && right.potential > left.potential ? [right, 2 * i + 2] : [left, 2 * i + 1];
      if (!child || child.potential <= last.potential) break;
      items[i] = child;
      i = index;
    }
    items[i] = last;
    return top;
  }
}
