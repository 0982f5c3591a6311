/**
 * Distances to a country's border, computed with Turf from its outline. A module of its own because the outline
 * (Ukraine's, for the depot) is loaded after the first view, and so is this code: Turf's point-to-polygon distance
 * and what it needs are a good part of the app's geometry code.
 */
import { nearestPointOnLine, pointToPolygonDistance, polygonToLine } from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';

/** A loaded outline, ready to measure to its border. */
export interface Border {
  /** Km from `point` to the nearest point of the border (positive inside and outside). */
  distanceKm: (point: Position) => number;
  /** The point of the border nearest to `point`, [lon, lat]. */
  nearestPoint: (point: Position) => Position;
}

/**
 * Distance from a point to the nearest point of a polygon's boundary, in km (0 inside is NOT returned:
 * inside points get their distance to the boundary too, as a positive number).
 */
export function distanceToBorderKm(point: Position, area: Feature<Polygon | MultiPolygon>): number {
  const pt: Feature<Point> = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: point } };
  return Math.abs(pointToPolygonDistance(pt, area, { units: 'kilometers', method: 'geodesic' }));
}

/** The point of a polygon's boundary nearest to `point`, [lon, lat]. */
export function nearestBorderPoint(point: Position, area: Feature<Polygon | MultiPolygon>): Position {
  const outline = polygonToLine(area);
  const lines = (outline.type === 'FeatureCollection' ? outline.features : [outline]) as Feature<
    LineString | MultiLineString
  >[];
  let best: { at: Position; km: number } | undefined;
  for (const line of lines) {
    const hit = nearestPointOnLine(line, point, { units: 'kilometers' });
    const km = hit.properties.dist ?? Number.POSITIVE_INFINITY;
    if (!best || km < best.km) best = { at: hit.geometry.coordinates, km };
  }
  return best?.at ?? point;
}

/** The border of `area`, to measure to. */
export function borderOf(area: Feature<Polygon | MultiPolygon>): Border {
  return {
    distanceKm: (point) => distanceToBorderKm(point, area),
    nearestPoint: (point) => nearestBorderPoint(point, area),
  };
}
