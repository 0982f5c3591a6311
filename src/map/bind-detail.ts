/**
 * Adds the lazily loaded basemap sources and layers when the camera needs them, so the first view loads and draws
 * just the world-view files: the detailed land, borders and labels near DETAIL_ZOOM, the close-up windows near
 * WINDOW_ZOOM over a window, made in the reader's language of the moment (later changes come from
 * src/map/apply-layers.ts like every other layer's). Returns a dispose function.
 */
import type { ReadonlySignal } from '@preact/signals';
import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Lang } from '../i18n/strings';
import {
  type BasemapUrls,
  detailSourcesFor,
  needsDetail,
  needsWindows,
  windowSourcesFor,
} from '../style/basemap-sources';
import { basemapLayers, detailLayers, PLACE_DOT_IMAGE, placeDotImage, windowLayers } from '../style/basemap-style';

export function bindDetail(map: MapLibreMap, urls: BasemapUrls, lang: ReadonlySignal<Lang>): () => void {
  // Each layer goes under the first layer on the map that comes after it in the basemap's order, or that is not
  // part of the basemap (the story, always on top).
  const rank = new Map(basemapLayers('en').map((layer, index) => [layer.id, index]));
  const add = (sources: Record<string, Parameters<MapLibreMap['addSource']>[1]>, layers: LayerSpecification[]) => {
    // A style that comes back (a restored WebGL context) may still hold what was added before.
    for (const [id, source] of Object.entries(sources)) if (!map.getSource(id)) map.addSource(id, source);
    for (const layer of layers) {
      if (map.getLayer(layer.id)) continue;
      const own = rank.get(layer.id) ?? 0;
      const before = map.getLayersOrder().find((id) => (rank.get(id) ?? Number.POSITIVE_INFINITY) > own);
      map.addLayer(layer, before);
    }
  };
  const groups = [
    {
      needed: () => needsDetail(map.getZoom()),
      load: () => {
        if (!map.hasImage(PLACE_DOT_IMAGE)) map.addImage(PLACE_DOT_IMAGE, placeDotImage(), { pixelRatio: 2 });
        add(detailSourcesFor(urls), detailLayers(lang.peek()));
      },
    },
    {
      needed: () => needsWindows(map.getZoom(), map.getBounds().toArray().flat()),
      load: () => add(windowSourcesFor(urls), windowLayers(lang.peek())),
    },
  ];
  let pending = groups;
  const check = () => {
    const ready = pending.filter((group) => group.needed());
    pending = pending.filter((group) => !ready.includes(group));
    for (const group of ready) group.load();
    if (pending.length === 0) map.off('move', check);
  };
  map.on('move', check);
  check();

  return () => {
    map.off('move', check);
  };
}
