/**
 * Pole of inaccessibility: the point inside a polygon farthest from its edges, the usual anchor for an area label.
 * The method is Garcia-Castellanos & Lombardo's grid refinement as in mapbox/polylabel (ISC), written out here.
 * Planar: pass projected coordinates (see `mercatorPoleOfInaccessibility`) so "far from the edges" means on screen.
 */
import type { Position } from 'geojson';

interface Cell {
  x: number;
  y: number;
  half: number;
  distance: number;
  potential: number;
}

/** The planar point of `rings` (exterior then holes) farthest from any edge, found to within `precision` units. */
export function poleOfInaccessibility(rings: Position[][], precision: number): Position {
  const exterior = rings[0] ?? [];
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of exterior) {
    minX = Math.min(minX, x!);
    minY = Math.min(minY, y!);
    maxX = Math.max(maxX, x!);
    maxY = Math.max(maxY, y!);
  }
  const size = Math.min(maxX - minX, maxY - minY);
  if (!(size > 0)) return [minX, minY];

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
  return [best.x, best.y];
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
  const projected = rings.map((ring) => ring.map(([lon, lat]) => [lon!, mercatorY(lat!)]));
  const [west, east] = extentOf(projected[0] ?? [], 0);
  const [south, north] = extentOf(projected[0] ?? [], 1);
  const precision = Math.max(east - west, north - south) / 500;
  const [x, y] = poleOfInaccessibility(projected, precision > 0 ? precision : 1e-6);
  return [x!, latitudeOfMercatorY(y!)];
}

function extentOf(ring: Position[], axis: 0 | 1): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const p of ring) {
    min = Math.min(min, p[axis]!);
    max = Math.max(max, p[axis]!);
  }
  return [min, max];
}

// Distance from (x, y) to the nearest edge: positive inside the polygon, negative outside.
function signedDistance(x: number, y: number, rings: Position[][]): number {
  let inside = false;
  let minSq = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[i] as [number, number];
      const [bx, by] = ring[j] as [number, number];
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      minSq = Math.min(minSq, segmentDistanceSq(x, y, ax, ay, bx, by));
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(minSq);
}

function segmentDistanceSq(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  let x = ax;
  let y = ay;
  const dx = bx - ax;
  const dy = by - ay;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = bx;
      y = by;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  return (px - x) ** 2 + (py - y) ** 2;
}

function centroidOf(ring: Position[]): [number, number] {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = ring[i] as [number, number];
    const [bx, by] = ring[j] as [number, number];
    const f = ax * by - bx * ay;
    x += (ax + bx) * f;
    y += (ay + by) * f;
    area += f * 3;
  }
  const first = ring[0] ?? [0, 0];
  return area === 0 ? [first[0]!, first[1]!] : [x / area, y / area];
}

// Binary max-heap of cells by `potential`.
class MaxHeap {
  private readonly items: Cell[] = [];

  push(cell: Cell): void {
    const items = this.items;
    items.push(cell);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]!.potential >= cell.potential) break;
      items[i] = items[parent]!;
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
      const left = 2 * i + 1;
      const right = left + 1;
      let child = left;
      if (right < items.length && items[right]!.potential > items[left]!.potential) child = right;
      if (child >= items.length || items[child]!.potential <= last.potential) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = last;
    return top;
  }
}
