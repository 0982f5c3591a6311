/**
 * Which distances a feature's popup shows, computed with Turf from the drawn geometry at run time.
 * Returns numbers (km, hours); the UI formats them for the reader's language. Every port is tied into the route:
 * a point at either end of a drawn route shows that route's distances to the other end.
 */
import type { LineString, MultiLineString, Position } from 'geojson';
import type { Border } from './border-distance';
import { greatCircleKm, kmToNauticalMiles, legsKm, lineEnds, lineLengthKm, passageHours } from './distances';
import type { IndexedFeature } from './prepare-story';
import type { ReportedFigure, StoryFeature } from './types';

/** Ship speeds for the passage-time range, in knots (typical for the class of cargo ships named). */
export const PASSAGE_KNOTS = [10, 12] as const;
/** The capitals whose great-circle triangle every capital's popup shows. */
export const CAPITAL_TRIANGLE = ['moscow', 'beijing', 'pyongyang'] as const;

export type Endpoint = { id?: string; position: Position };

export type DistanceRow =
  /** A vessel route's own length along the drawn line. */
  | { kind: 'route-length'; km: number; nmi: number }
  /** From a port, by sea along the drawn route to the port at its other end. */
  | { kind: 'by-sea'; km: number; nmi: number; from: Endpoint; to: Endpoint }
  | { kind: 'great-circle'; km: number; nmi: number; from: Endpoint; to: Endpoint }
  | { kind: 'passage'; hoursLow: number; hoursHigh: number; knotsLow: number; knotsHigh: number }
  /**
   * Computed to Ukraine's border, beside the figures sources give: undefined until the outline is loaded, and for good
   * (`unavailable`) when it could not be.
   */
  | { kind: 'to-ukraine'; km: number | undefined; unavailable: boolean; reported: ReportedFigure[] }
  /** A schematic rail line's drawn length, and the estimated length of the real track when the data gives one. */
  | { kind: 'rail-length'; km: number; trackKmEstimate: number | undefined }
  /** From a point, along the drawn (schematic) rail line to its other end. */
  | { kind: 'by-rail'; km: number; trackKmEstimate: number | undefined; from: Endpoint; to: Endpoint }
  | { kind: 'straight'; km: number; from: Endpoint; to: Endpoint }
  | { kind: 'leg'; km: number; from: Endpoint; to: Endpoint };

/** Ukraine's territory from the basemap: undefined until loaded, `unavailable` when its file or code failed. */
export type UkraineOutline = Border | 'unavailable' | undefined;

/** The outline when it is there to measure to. */
export const borderOf = (ukraine: UkraineOutline): Border | undefined =>
  ukraine === 'unavailable' ? undefined : ukraine;

export interface DistanceContext {
  index: ReadonlyMap<string, IndexedFeature>;
  ukraine: UkraineOutline;
}

type Line = LineString | MultiLineString;

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

function passageRow(km: number): DistanceRow {
  const [low, high] = PASSAGE_KNOTS;
  return {
    kind: 'passage',
    hoursLow: passageHours(km, high),
    hoursHigh: passageHours(km, low),
    knotsLow: low,
    knotsHigh: high,
  };
}

/** The routes drawn from or to the point feature `id`, each with the endpoint at its other end. */
function routesAt(id: string, ctx: DistanceContext): { route: StoryFeature; line: Line; other: Endpoint }[] {
  const out: { route: StoryFeature; line: Line; other: Endpoint }[] = [];
  for (const { feature } of ctx.index.values()) {
    const p = feature.properties;
    const g = feature.geometry;
    if (g.type === 'Point' || (p.kind !== 'vessel-route' && p.kind !== 'rail-route')) continue;
    if (p.from !== id && p.to !== id) continue;
    const [a, b] = lineEnds(g);
    out.push({ route: feature, line: g, other: p.from === id ? endpointAt(b, ctx, p.to) : endpointAt(a, ctx, p.from) });
  }
  return out;
}

/** A port's rows: for each route it starts or ends, the distances to the route's other end. */
function routeRowsAt(feature: StoryFeature, position: Position, ctx: DistanceContext): DistanceRow[] {
  const here: Endpoint = { id: feature.properties.id, position };
  return routesAt(feature.properties.id, ctx).flatMap(({ route, line, other }): DistanceRow[] => {
    const km = lineLengthKm(line);
    const gc = greatCircleKm(position, other.position);
    if (route.properties.kind === 'vessel-route') {
      return [
        { kind: 'by-sea', km, nmi: kmToNauticalMiles(km), from: here, to: other },
        { kind: 'great-circle', km: gc, nmi: kmToNauticalMiles(gc), from: here, to: other },
        passageRow(km),
      ];
    }
    return [
      { kind: 'straight', km: gc, from: here, to: other },
      { kind: 'by-rail', km, trackKmEstimate: route.properties.track_km_estimate, from: here, to: other },
    ];
  });
}

/** The distance rows for one feature; empty when there is nothing to measure. */
export function distancesFor(feature: StoryFeature, ctx: DistanceContext): DistanceRow[] {
  const p = feature.properties;
  const g = feature.geometry;
  if (p.kind === 'vessel-route' && g.type !== 'Point') {
    const km = lineLengthKm(g);
    const [a, b] = lineEnds(g);
    const gc = greatCircleKm(a, b);
    return [
      { kind: 'route-length', km, nmi: kmToNauticalMiles(km) },
      {
        kind: 'great-circle',
        km: gc,
        nmi: kmToNauticalMiles(gc),
        from: endpointAt(a, ctx, p.from),
        to: endpointAt(b, ctx, p.to),
      },
      passageRow(km),
    ];
  }
  if (p.kind === 'rail-route' && g.type !== 'Point') {
    const [a, b] = lineEnds(g);
    return [
      { kind: 'rail-length', km: lineLengthKm(g), trackKmEstimate: p.track_km_estimate },
      { kind: 'straight', km: greatCircleKm(a, b), from: endpointAt(a, ctx, p.from), to: endpointAt(b, ctx, p.to) },
    ];
  }
  if (p.kind === 'ammunition-depot' && g.type === 'Point') {
    return [
      {
        kind: 'to-ukraine',
        km: borderOf(ctx.ukraine)?.distanceKm(g.coordinates),
        unavailable: ctx.ukraine === 'unavailable',
        reported: (p.reported ?? []).filter((r) => r.measure === 'distance-to-ukraine'),
      },
      ...routeRowsAt(feature, g.coordinates, ctx),
    ];
  }
  if ((p.kind === 'port' || p.kind === 'naval-facility') && g.type === 'Point') {
    return routeRowsAt(feature, g.coordinates, ctx);
  }
  if (p.kind === 'trip' && p.great_circle) {
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
