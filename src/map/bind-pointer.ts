/**
 * The pointer on the story: hovering a clickable feature highlights it and shows a pointer cursor; a click selects the
 * most specific feature under it (a point before a line), or nothing on empty map. Returns a dispose function.
 */
import type { MapGeoJSONFeature, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { pickMostSpecific } from '../story/camera';
import { STORY_LAYERS } from '../story/types';
import { clickableLayerIds, sourceIdFor } from '../style/story-layers';

type FeatureRef = { source: string; id: string };

/**
 * Puts the map's pending redraw off until the page has painted once, so a popup opened by a click shows at once.
 * MapLibre asks for a frame on every mouseup (its drag-pan handler, active from the press, ends even when nothing
 * moved); drawn before the popup's paint, that redraw of an unchanged map cost the popup 80–200 ms with WebGL in
 * software. MapLibre 6 has no public way to put a requested frame off, so its pending request (`_frameRequest`, which
 * `triggerRepaint` reads) is cancelled and made again after the paint; the work queued for that frame (the handler's
 * `moveend`) runs then. A camera on the move keeps its frames.
 */
function redrawAfterNextPaint(map: MapLibreMap): void {
  const pending = map as unknown as { _frameRequest: AbortController | null };
  if (map.isMoving() || !pending._frameRequest) return;
  pending._frameRequest.abort();
  pending._frameRequest = null;
  // Asked for in the frame after the popup's, so the map draws in the one after that: the popup's frame is then on
  // screen before the GPU process starts on the map's.
  requestAnimationFrame(() => requestAnimationFrame(() => map.triggerRepaint()));
}

/** Binds hover and click; `onSelect` gets the clicked story feature's id (or undefined) and where the click was. */
export function bindPointer(
  map: MapLibreMap,
  onSelect: (id: string | undefined, lngLat: [number, number]) => void,
): () => void {
  const storySources = new Set(STORY_LAYERS.map(sourceIdFor));
  // Hover: a highlight and a pointer cursor show what is clickable.
  let hovered: FeatureRef | undefined;
  const setHover = (next: FeatureRef | undefined) => {
    map.getCanvas().style.cursor = next ? 'pointer' : '';
    // Only a change of feature touches the map: each feature-state change costs a redraw.
    if (hovered?.id === next?.id && hovered?.source === next?.source) return;
    if (hovered) map.setFeatureState(hovered, { hover: false });
    if (next) map.setFeatureState(next, { hover: true });
    hovered = next;
  };
  const hitAt = (e: MapMouseEvent): MapGeoJSONFeature | undefined => {
    const pad = 5;
    const { x, y } = e.point;
    const layers = clickableLayerIds().filter((id) => map.getLayoutProperty(id, 'visibility') !== 'none');
    const hits = map.queryRenderedFeatures(
      [
        [x - pad, y - pad],
        [x + pad, y + pad],
      ],
      { layers },
    );
    return pickMostSpecific(hits.map((f) => ({ f, geometryType: f.geometry.type })))?.f;
  };
  const refOf = (f: MapGeoJSONFeature): FeatureRef | undefined =>
    typeof f.id === 'string' || typeof f.id === 'number' ? { source: f.source, id: String(f.id) } : undefined;

  const onMove = (e: MapMouseEvent) => {
    const hit = hitAt(e);
    setHover(hit ? refOf(hit) : undefined);
  };
  const onLeave = () => setHover(undefined);
  const onClick = (e: MapMouseEvent) => {
    const hit = hitAt(e);
    const ref = hit ? refOf(hit) : undefined;
    const id = ref && storySources.has(ref.source) ? ref.id : undefined;
    onSelect(id, [e.lngLat.lng, e.lngLat.lat]);
    if (id !== undefined) redrawAfterNextPaint(map);
  };
  map.on('mousemove', onMove);
  map.on('mouseout', onLeave);
  map.on('click', onClick);
  return () => {
    map.off('mousemove', onMove);
    map.off('mouseout', onLeave);
    map.off('click', onClick);
  };
}
