/**
 * Topology-preserving line simplification: each arc of a TopoJSON topology is simplified on its own with
 * Douglas–Peucker, its end points kept, so neighbouring countries, the coast and the borders still meet exactly.
 */
import type { Position } from 'geojson';
import type { Arc, Topology } from 'topojson-specification';
import { segmentDistanceSq } from './geometry';

type XY = readonly [number, number];

/** The arcs of `topology` as absolute [lon, lat] positions (delta decoding and the quantization transform undone). */
export function decodedArcsOf(topology: Topology): Arc[] {
  const transform = topology.transform;
  if (!transform) return topology.arcs.map((arc) => arc.map(([x = 0, y = 0]) => [x, y]));
  const [sx, sy] = transform.scale;
  const [tx, ty] = transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx = 0, dy = 0]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

/**
 * A copy of `topology` without a transform whose arcs keep only the vertices that lie more than `tolerance`
 * degrees from the simplified line (Douglas–Peucker in lon/lat; 0.01° ≈ 2 px at zoom 7). Objects are shared.
 */
export function simplifyTopology(topology: Topology, tolerance: number): Topology {
  const { transform: _transform, ...rest } = topology;
  return { ...rest, arcs: decodedArcsOf(topology).map((arc) => simplifyPath(arc, tolerance)) };
}

/** `path` without the vertices closer than `tolerance` to the line that skips them (Douglas–Peucker); ends kept. */
export function simplifyPath(path: Position[], tolerance: number): Position[] {
  if (path.length <= 2) return path;
  const points = path.map(([x = 0, y = 0]): XY => [x, y]);
  const at = (i: number): XY => points[i] ?? [0, 0];
  const keep = new Uint8Array(path.length);
  keep[0] = 1;
  keep[path.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, path.length - 1]];
  for (let span = stack.pop(); span; span = stack.pop()) {
    const [first, last] = span;
    let farthest = -1;
    let farthestSq = tolerance * tolerance;
    for (let i = first + 1; i < last; i++) {
      const [p, a, b] = [at(i), at(first), at(last)];
      const d = segmentDistanceSq(p[0], p[1], a[0], a[1], b[0], b[1]);
      if (d > farthestSq) {
        farthest = i;
        farthestSq = d;
      }
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    stack.push([first, farthest], [farthest, last]);
  }
  return path.filter((_, i) => keep[i] === 1);
}
