/**
 * The pointer on the story: hovering a clickable feature highlights it and shows a pointer cursor; a click selects the
 * most specific feature under it (a point before a line), or nothing on empty map. Returns a dispose function.
 */
import type { MapGeoJSONFeature, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { pickMostSpecific } from '../story/camera';
import { clickableLayerIds, STORY_SOURCE } from '../style/story-layers';

type FeatureRef = { source: string; id: string };

/** Binds hover and click; `onSelect` gets the clicked story feature's id (or undefined) and where the click was. */
export function bindPointer(
  map: MapLibreMap,
  onSelect: (id: string | undefined, lngLat: [number, number]) => void,
): () => void {
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
    onSelect(ref?.source === STORY_SOURCE ? ref.id : undefined, [e.lngLat.lng, e.lngLat.lat]);
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
