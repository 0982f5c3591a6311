/**
 * The camera that shows a selected feature together with its popup or sheet: the feature is framed inside the room
 * the popup leaves (padding and target decided in src/story/camera).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { cameraTargetFor, framingPaddingFor, type Size } from '../story/camera';
import type { IndexedFeature } from '../story/prepare-story';

/** The widest zoom for framing a line: closer shows no more of it. */
const LINE_MAX_ZOOM = 7;

/**
 * Moves the camera to frame `hit` beside a popup of `popup` size, or above a sheet whose top is at `popup.top` (page
 * px); jumps instead of flying when asked to.
 */
export function frameSelection(
  map: MapLibreMap,
  hit: IndexedFeature,
  popup: Size & { top: number },
  sheet: boolean,
  jump: boolean,
): void {
  const padding = framingPaddingFor(
    { width: map.getContainer().clientWidth, height: map.getContainer().clientHeight },
    sheet ? { covered: sheetCover(map, popup) } : { popup },
  );
  const target = cameraTargetFor(hit.feature);
  const bounds = target.kind === 'point' ? ([target.center, target.center] as const) : target.bounds;
  const maxZoom = target.kind === 'point' ? Math.max(map.getZoom(), target.zoom) : LINE_MAX_ZOOM;
  map.fitBounds(bounds as [[number, number], [number, number]], {
    padding,
    maxZoom,
    duration: jump ? 0 : 900,
    essential: false,
  });
}

/** How many px of the map's bottom a sheet whose top is at `sheet.top` (page px) covers. */
function sheetCover(map: MapLibreMap, sheet: { top: number }): number {
  return Math.max(0, map.getContainer().getBoundingClientRect().bottom - sheet.top);
}
