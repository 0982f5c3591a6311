/** Where the camera goes for a story step: the bounding box of the step's features. Pure, lon/lat degrees. */
import { bbox } from '@turf/turf';
import type { Position } from 'geojson';
import type { StoryFeature } from './types';

/**
 * The box around `features` and any `extra` positions (what the step draws itself, e.g. the nearest-border line)
 * ([[west, south], [east, north]]), or undefined when there is nothing to frame.
 */
export function boundsOfFeatures(
  features: readonly StoryFeature[],
  extra: readonly Position[] = [],
): [[number, number], [number, number]] | undefined {
  if (features.length === 0 && extra.length === 0) return undefined;
  const points = extra.map((coordinates) => ({
    type: 'Feature' as const,
    properties: {},
    geometry: { type: 'Point' as const, coordinates: [...coordinates] },
  }));
  const [w, s, e, n] = bbox({ type: 'FeatureCollection', features: [...features, ...points] });
  return [
    [w, s],
    [e, n],
  ];
}
