/**
 * Topology-preserving simplification by topojson-simplify: Visvalingam on each arc of the topology, its end points
 * kept, so neighbouring countries, the coast and the borders still meet exactly.
 */
import { presimplify, simplify } from 'topojson-simplify';
import type { Objects, Topology } from 'topojson-specification';

/**
 * A copy of `topology` without a transform whose arcs keep only the vertices whose triangle with their neighbours
 * (Visvalingam's effective area, planar lon/lat) is at least `minArea` square degrees. Objects are shared.
 */
export function simplifyTopology(topology: Topology, minArea: number): Topology {
  // @types/topojson-simplify types objects without properties; the objects pass through untouched.
  const untyped = topology as unknown as Topology<Objects>;
  return simplify(presimplify(untyped), minArea) as unknown as Topology;
}
