/** Where the camera goes for a story step: the bounding box of the step's features. Pure, lon/lat degrees. */
import { bbox } from '@turf/turf';
import type { StoryFeature } from './types';

/** The box around `features` ([[west, south], [east, north]]), or undefined when there are none. */
export function boundsOfFeatures(features: readonly StoryFeature[]): [[number, number], [number, number]] | undefined {
  if (features.length === 0) return undefined;
  const [w, s, e, n] = bbox({ type: 'FeatureCollection', features: [...features] });
  return [
    [w, s],
    [e, n],
  ];
}
