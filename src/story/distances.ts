/**
 * Distances the popups show, computed with Turf from the map's own geometry. Kilometres unless named.
 * Pure: each function takes GeoJSON and returns numbers.
 */
import { distance, length } from '@turf/turf';
import type { Feature, LineString, MultiLineString, Position } from 'geojson';

export const KM_PER_NAUTICAL_MILE = 1.852;

/** Great-circle distance between two [lon, lat] positions, in km (Turf's haversine, mean Earth radius). */
export function greatCircleKm(a: Position, b: Position): number {
  return distance(a, b, { units: 'kilometers' });
}

/** Length along a drawn line, in km. */
export function lineLengthKm(line: Feature<LineString | MultiLineString> | LineString | MultiLineString): number {
  return length(line.type === 'Feature' ? line : { type: 'Feature', properties: {}, geometry: line }, {
    units: 'kilometers',
  });
}

/** Kilometres to nautical miles. */
export function kmToNauticalMiles(km: number): number {
  return km / KM_PER_NAUTICAL_MILE;
}

/** Hours to cover `km` at `knots`. */
export function passageHours(km: number, knots: number): number {
  return kmToNauticalMiles(km) / knots;
}

/** First and last position of a line (for a MultiLineString, of its first and last parts). */
export function lineEnds(geometry: LineString | MultiLineString): [Position, Position] {
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  return [lines[0]![0]!, lines.at(-1)!.at(-1)!];
}

/** Great-circle legs between consecutive waypoints, in km. */
export function legsKm(waypoints: Position[]): number[] {
  return waypoints.slice(1).map((p, i) => greatCircleKm(waypoints[i]!, p));
}
