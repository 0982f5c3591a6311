/**
 * Crimea is Ukraine (UN General Assembly resolution 68/262). Natural Earth, and so world-atlas, draws the peninsula
 * as one polygon of Russia's MultiPolygon; this moves that polygon to Ukraine in the topology, so that every
 * feature and border mesh computed from it afterwards (topojson `feature`, `merge`, `mesh`) follows.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Position } from 'geojson';
import { feature } from 'topojson-client';
import type { ArcIndexes, GeometryObject, Properties, Topology } from 'topojson-specification';

/** Simferopol, [lon, lat]: the point that identifies the Crimean polygon. */
export const SIMFEROPOL: Position = [34.1002, 44.9521];

/** ISO 3166-1 numeric codes, as world-atlas writes them in each geometry's `id`. */
export const ISO_NUMERIC = { ukraine: '804', russia: '643' } as const;

/** Which polygon to move: the one of `fromId`'s geometry in collection `object` that contains `point`. */
export interface PolygonMove {
  object: string;
  fromId: string;
  toId: string;
  point: Position;
}

/**
 * A deep copy of `topology` in which the polygon of `move.fromId` containing `move.point` belongs to `move.toId`.
 * Returns the copy unchanged if `move.toId` already holds that point; throws if neither geometry does.
 */
export function withPolygonMoved(topology: Topology, move: PolygonMove): Topology {
  // A TopoJSON topology is plain JSON: a JSON round trip copies it (structuredClone is not in the ES library).
  const copy: Topology = JSON.parse(JSON.stringify(topology));
  const collection = copy.objects[move.object];
  const where = `topology object "${move.object}"`;
  if (collection?.type !== 'GeometryCollection') throw new Error(`${where}: expected a GeometryCollection`);
  const fromIndex = collection.geometries.findIndex((g) => g.id === move.fromId);
  const toIndex = collection.geometries.findIndex((g) => g.id === move.toId);
  const from = collection.geometries[fromIndex];
  const to = collection.geometries[toIndex];
  if (!from || !to) throw new Error(`${where}: expected geometries with ids ${move.fromId} and ${move.toId}`);

  const contains = (arcs: ArcIndexes[]) =>
    booleanPointInPolygon(move.point, feature(copy, { type: 'Polygon', arcs }).geometry);
  const fromPolygons = polygonArcsOf(from);
  const toPolygons = polygonArcsOf(to);
  const index = fromPolygons.findIndex(contains);
  if (index < 0) {
    if (toPolygons.some(contains)) return copy;
    throw new Error(`${where}: no polygon of ${move.fromId} or ${move.toId} contains ${move.point.join(', ')}`);
  }
  const moved = fromPolygons.splice(index, 1);
  collection.geometries[fromIndex] = { ...from, type: 'MultiPolygon', arcs: fromPolygons };
  collection.geometries[toIndex] = { ...to, type: 'MultiPolygon', arcs: [...toPolygons, ...moved] };
  return copy;
}

/** A deep copy of a world-atlas countries topology with the Crimean polygon moved from Russia to Ukraine. */
export function withCrimeaInUkraine(topology: Topology): Topology {
  return withPolygonMoved(topology, {
    object: 'countries',
    fromId: ISO_NUMERIC.russia,
    toId: ISO_NUMERIC.ukraine,
    point: SIMFEROPOL,
  });
}

function polygonArcsOf(geometry: GeometryObject<Properties>): ArcIndexes[][] {
  if (geometry.type === 'Polygon') return [geometry.arcs];
  if (geometry.type === 'MultiPolygon') return [...geometry.arcs];
  throw new Error(`geometry ${String(geometry.id)}: expected a Polygon or MultiPolygon, got ${geometry.type}`);
}
