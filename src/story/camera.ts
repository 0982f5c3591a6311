/** Where to put the camera and the popup for a feature. Pure geometry, lon/lat degrees. */
import { along, bbox, length } from '@turf/turf';
import type { Position } from 'geojson';
import type { StoryFeature } from './types';

export type CameraTarget =
  | { kind: 'point'; center: [number, number]; zoom: number }
  | { kind: 'bounds'; bounds: [[number, number], [number, number]] };

/** Zoom at which a selected point is shown: close enough to see the place, far enough to keep context. */
export const POINT_ZOOM = 5.5;

/** The camera that shows `feature`: its point at POINT_ZOOM, or its line's bounding box. */
export function cameraTargetFor(feature: StoryFeature): CameraTarget {
  if (feature.geometry.type === 'Point') {
    const [lon, lat] = feature.geometry.coordinates;
    return { kind: 'point', center: [lon!, lat!], zoom: POINT_ZOOM };
  }
  const [w, s, e, n] = bbox(feature);
  return {
    kind: 'bounds',
    bounds: [
      [w, s],
      [e, n],
    ],
  };
}

/** Where a popup for `feature` points: the point itself, or the middle of the line (by length). */
export function popupAnchorFor(feature: StoryFeature): Position {
  const g = feature.geometry;
  if (g.type === 'Point') return g.coordinates;
  const line = g.type === 'LineString' ? g.coordinates : g.coordinates.flat();
  const asFeature = {
    type: 'Feature' as const,
    properties: {},
    geometry: { type: 'LineString' as const, coordinates: line },
  };
  return along(asFeature, length(asFeature) / 2).geometry.coordinates;
}

/** Of several features hit by one click, the most specific: a point before a line, else the first hit. */
export function pickMostSpecific<T extends { geometryType: string }>(hits: readonly T[]): T | undefined {
  return hits.find((h) => h.geometryType === 'Point') ?? hits[0];
}
