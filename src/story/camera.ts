/** Where to put the camera and the popup for a feature. Pure geometry, lon/lat degrees. */
import { bbox } from '@turf/turf';
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

/**
 * Where a popup for `feature` points: the point itself, or the line's southern end. A popup hangs below what it points
 * at (popupAnchorAt), so at the southern end it stands beside the line instead of covering its middle or its course.
 */
export function popupAnchorFor(feature: StoryFeature): Position {
  const g = feature.geometry;
  if (g.type === 'Point') return g.coordinates;
  const line = g.type === 'LineString' ? g.coordinates : g.coordinates.flat();
  const first = line[0]!;
  const last = line[line.length - 1] ?? first;
  return (last[1] ?? 0) < (first[1] ?? 0) ? last : first;
}

/** Of several features hit by one click, the most specific: a point before a line, else the first hit. */
export function pickMostSpecific<T extends { geometryType: string }>(hits: readonly T[]): T | undefined {
  return hits.find((h) => h.geometryType === 'Point') ?? hits[0];
}

/** A size in CSS pixels. */
export interface Size {
  width: number;
  height: number;
}

/** A popup's side that points at its feature, in MapLibre's names ('top': the popup hangs below the point). */
export type PopupAnchor = 'top' | 'bottom' | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

/** Height of MapLibre's popup tip, px: the gap between the point and the popup's box. */
export const POPUP_TIP = 10;
/** Space kept between a popup or a framed feature and the map's edge, px. */
export const MAP_MARGIN = 12;

/**
 * The anchor for a popup of `popup` size pointing at `point` (px from the map's top left) on a map of `map` size:
 * below the point when it fits there, else above, else on the side with more room; shifted sideways near an edge.
 * Chosen once, before the popup is shown, so the popup never jumps from one side of its point to the other.
 */
export function popupAnchorAt(point: { x: number; y: number }, popup: Size, map: Size): PopupAnchor {
  const need = popup.height + POPUP_TIP + MAP_MARGIN;
  const below = map.height - point.y;
  const above = point.y;
  const vertical = need <= below ? 'top' : need <= above ? 'bottom' : below >= above ? 'top' : 'bottom';
  if (point.x < popup.width / 2 + MAP_MARGIN) return `${vertical}-left`;
  if (point.x > map.width - popup.width / 2 - MAP_MARGIN) return `${vertical}-right`;
  return vertical;
}

/** Padding in px for each side of the map. */
export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The least room, px, kept for the feature itself when the popup or sheet takes the rest of the map. */
const MIN_FEATURE_ROOM = 120;

/**
 * Camera padding that frames a feature with room for its details beneath it: a popup of `popup` size hanging below
 * the popup's point, or a bottom sheet covering `covered` px of the map's bottom. The room kept for the details never
 * leaves the feature less than MIN_FEATURE_ROOM px.
 */
export function framingPaddingFor(map: Size, details: { popup: Size } | { covered: number }): Padding {
  const side = 3 * MAP_MARGIN;
  const below = 'popup' in details ? details.popup.height + POPUP_TIP + MAP_MARGIN : details.covered + MAP_MARGIN;
  const bottom = Math.max(side, Math.min(below, map.height - side - MIN_FEATURE_ROOM));
  return { top: side, bottom, left: side, right: side };
}

/**
 * Whether choosing a feature moves the camera to it: yes when the reader chose it from the list or the article,
 * or when a link names it without a camera of its own; no for a click on the map (the reader is already there)
 * or a link that carries its camera.
 */
export function cameraFollowsSelection(origin: 'map' | 'list' | 'article' | 'url', linkHasCamera: boolean): boolean {
  return origin === 'list' || origin === 'article' || (origin === 'url' && !linkHasCamera);
}
