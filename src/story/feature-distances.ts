/**
 * Which distances a feature's popup shows, computed with Turf from the drawn geometry at run time.
 * Returns numbers (km, hours); the UI formats them for the reader's language.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import {
  distanceToBorderKm,
  greatCircleKm,
  kmToNauticalMiles,
  legsKm,
  lineEnds,
  lineLengthKm,
  passageHours,
} from './distances';
import type { IndexedFeature } from './prepare-story';
import type { StoryFeature } from './types';

/** Ship speeds for the passage-time range, in knots (typical for the class of cargo ships named). */
export const PASSAGE_KNOTS = [10, 12] as const;
/** The capitals whose great-circle triangle every capital's popup shows. */
export const CAPITAL_TRIANGLE = ['moscow', 'beijing', 'pyongyang'] as const;

export type Endpoint = { id?: string; position: Position };

export type DistanceRow =
  | { kind: 'route-length'; km: number; nmi: number }
  | { kind: 'great-circle'; km: number; nmi: number; from: Endpoint; to: Endpoint }
  | { kind: 'passage'; hoursLow: number; hoursHigh: number; knotsLow: number; knotsHigh: number }
  | { kind: 'to-ukraine'; km: number | undefined }
  | { kind: 'rail-length'; km: number }
  | { kind: 'straight'; km: number; from: Endpoint; to: Endpoint }
  | { kind: 'leg'; km: number; from: Endpoint; to: Endpoint };

export interface DistanceContext {
  index: ReadonlyMap<string, IndexedFeature>;
  /** Ukraine's territory from the basemap; undefined until loaded. */
  ukraine: Feature<Polygon | MultiPolygon> | undefined;
}

function pointOf(feature: StoryFeature | undefined): Position | undefined {
  return feature?.geometry.type === 'Point' ? feature.geometry.coordinates : undefined;
}

/** The named story point at `position` (within 5 km), so a leg can be labelled with names. */
function endpointAt(position: Position, ctx: DistanceContext, preferId?: string): Endpoint {
  if (preferId && ctx.index.has(preferId)) return { id: preferId, position };
  for (const [id, hit] of ctx.index) {
    const p = pointOf(hit.feature);
    if (p && greatCircleKm(p, position) < 5) return { id, position };
  }
  return { position };
}

/** The distance rows for one feature; empty when there is nothing to measure. */
export function distancesFor(feature: StoryFeature, ctx: DistanceContext): DistanceRow[] {
  const p = feature.properties;
  const g = feature.geometry;
  if (p.kind === 'vessel-route' && g.type !== 'Point') {
    const km = lineLengthKm(g);
    const [a, b] = lineEnds(g);
    const gc = greatCircleKm(a, b);
    const [low, high] = PASSAGE_KNOTS;
    return [
      { kind: 'route-length', km, nmi: kmToNauticalMiles(km) },
      {
        kind: 'great-circle',
        km: gc,
        nmi: kmToNauticalMiles(gc),
        from: endpointAt(a, ctx, p.from),
        to: endpointAt(b, ctx, p.to),
      },
      {
        kind: 'passage',
        hoursLow: passageHours(km, high),
        hoursHigh: passageHours(km, low),
        knotsLow: low,
        knotsHigh: high,
      },
    ];
  }
  if (p.kind === 'rail-route' && g.type !== 'Point') {
    const [a, b] = lineEnds(g);
    return [
      { kind: 'rail-length', km: lineLengthKm(g) },
      { kind: 'straight', km: greatCircleKm(a, b), from: endpointAt(a, ctx, p.from), to: endpointAt(b, ctx, p.to) },
    ];
  }
  if (p.kind === 'ammunition-depot' && g.type === 'Point') {
    return [{ kind: 'to-ukraine', km: ctx.ukraine ? distanceToBorderKm(g.coordinates, ctx.ukraine) : undefined }];
  }
  if (p.kind === 'trip') {
    const waypoints = p.waypoints ?? (g.type === 'LineString' ? g.coordinates : []);
    const kms = legsKm(waypoints);
    return kms.map((km, i) => ({
      kind: 'leg',
      km,
      from: endpointAt(waypoints[i]!, ctx),
      to: endpointAt(waypoints[i + 1]!, ctx),
    }));
  }
  if (p.kind === 'capital') {
    const positions = CAPITAL_TRIANGLE.map((id) => pointOf(ctx.index.get(id)?.feature));
    if (positions.some((x) => x === undefined)) return [];
    const ring = [...positions, positions[0]] as Position[];
    return legsKm(ring).map((km, i) => ({
      kind: 'leg',
      km,
      from: { id: CAPITAL_TRIANGLE[i], position: ring[i]! },
      to: { id: CAPITAL_TRIANGLE[(i + 1) % 3], position: ring[i + 1]! },
    }));
  }
  return [];
}
