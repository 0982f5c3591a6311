/**
 * Turns validated layers into what the map draws: great-circle trips densified with Turf,
 * and an index from feature id to its feature and layer.
 */
import { greatCircle } from '@turf/turf';
import type { Position } from 'geojson';
import type { StoryFeature, StoryLayerId } from './types';

export interface StoryLayerData {
  id: StoryLayerId;
  features: StoryFeature[];
}

export interface IndexedFeature {
  layer: StoryLayerId;
  feature: StoryFeature;
}

/** Points per great-circle leg: smooth at zoom 7 and still small. */
const ARC_POINTS = 64;

/** The line through `waypoints` with every leg replaced by its great-circle arc (lon/lat degrees). */
export function greatCircleLine(waypoints: Position[]): Position[] {
  const out: Position[] = [];
  for (let i = 1; i < waypoints.length; i++) {
    const arc = greatCircle(waypoints[i - 1]!, waypoints[i]!, { npoints: ARC_POINTS });
    const coords = arc.geometry.type === 'LineString' ? arc.geometry.coordinates : arc.geometry.coordinates.flat();
    out.push(...(i === 1 ? coords : coords.slice(1)));
  }
  return out;
}

/** The feature as drawn: trips flagged `great_circle` become arcs; everything else is returned as is. */
export function drawnFeature(feature: StoryFeature): StoryFeature {
  if (!feature.properties.great_circle || feature.geometry.type !== 'LineString') return feature;
  const waypoints = feature.geometry.coordinates.map(([lon, lat]) => [lon!, lat!] as [number, number]);
  return {
    ...feature,
    properties: { ...feature.properties, waypoints },
    geometry: { type: 'LineString', coordinates: greatCircleLine(feature.geometry.coordinates) },
  };
}

/** Feature id → feature (as drawn) and its layer. */
export function indexStory(layers: StoryLayerData[]): Map<string, IndexedFeature> {
  const index = new Map<string, IndexedFeature>();
  for (const layer of layers) {
    for (const feature of layer.features) index.set(feature.properties.id, { layer: layer.id, feature });
  }
  return index;
}
