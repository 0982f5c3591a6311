/**
 * What moves on the map at a chosen day: the illustrative ship on the sea route while the shuttle is reported,
 * Kim Jong Un's train at its stop of the day, and the containers arriving at the depot. Pure: a FeatureCollection
 * of points from the day, the animation's elapsed time and the story.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { IndexedFeature } from './prepare-story';
import { phasesOn, type ShipPosition, type StoryEvent, shipPositionAt, stopOn } from './timeline';
import type { StoryLayerId } from './types';

/** What a moving point stands for; the style labels each role in the reader's language. */
export type MovingRole = 'ship' | 'train' | 'containers';

/** The reported shuttle, the journey with stops, and the depot whose arrivals are shown. */
export const SHUTTLE_ID = 'angara-maria-shuttle';
export const JOURNEY = { event: 'kim-train', home: 'pyongyang' } as const;
export const DEPOT_ID = 'tikhoretsk-depot';
/** The ship's pace: the passage at the middle of the 10–12 kn range, one hour of it in this many ms. */
export const SHIP_PACE = { knots: 11, msPerHour: 400 } as const;

export interface MovingInput {
  day: number;
  /** Ms of animation so far; undefined when nothing may move (paused with reduced motion, or no animation). */
  elapsedMs: number | undefined;
  index: ReadonlyMap<string, IndexedFeature>;
  events: readonly StoryEvent[];
  /** The layers shown: a moving point shows only with the layer it belongs to. */
  visible: readonly StoryLayerId[];
}

/** The story layer each moving point belongs to. */
export const LAYER_OF_ROLE: Record<MovingRole, StoryLayerId> = {
  ship: 'vessel-routes',
  train: 'kim-train',
  containers: 'ports',
};

const point = (coordinates: number[], role: MovingRole, extra: Record<string, unknown> = {}): Feature<Point> => ({
  type: 'Feature',
  properties: { role, ...extra },
  geometry: { type: 'Point', coordinates },
});

/** The ship's position on the shuttle at `elapsedMs`, when the shuttle is drawn as one line. */
export function shipOn(index: ReadonlyMap<string, IndexedFeature>, elapsedMs: number): ShipPosition | undefined {
  const g = index.get(SHUTTLE_ID)?.feature.geometry;
  return g?.type === 'LineString' ? shipPositionAt(g as LineString, elapsedMs, SHIP_PACE) : undefined;
}

/** The moving points for the day; empty when all time is shown. */
export function movingFeatures({ day, elapsedMs, index, events, visible }: MovingInput): FeatureCollection<Point> {
  const phases = phasesOn(day, events);
  const features: Feature<Point>[] = [];
  if (phases.get(SHUTTLE_ID) === 'active' && elapsedMs !== undefined) {
    const ship = shipOn(index, elapsedMs);
    if (ship) features.push(point(ship.position, 'ship', { leg: ship.leg }));
  }
  const stop = stopOn(day, JOURNEY.event, JOURNEY.home, events);
  const stopPoint = stop ? index.get(stop)?.feature.geometry : undefined;
  if (stopPoint?.type === 'Point') features.push(point(stopPoint.coordinates, 'train', { at: stop }));
  const depot = index.get(DEPOT_ID)?.feature.geometry;
  if (phases.get(DEPOT_ID) === 'active' && depot?.type === 'Point')
    features.push(point(depot.coordinates, 'containers'));
  const shown = features.filter((f) => visible.includes(LAYER_OF_ROLE[f.properties?.role as MovingRole]));
  return { type: 'FeatureCollection', features: shown };
}
