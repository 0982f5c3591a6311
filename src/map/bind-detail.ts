/**
 * Adds the detailed basemap sources and layers only when the camera nears the zoom that shows them,
 * so the first view loads and draws just the world-view files. Returns a dispose function.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Lang } from '../i18n/strings';
import { type BasemapUrls, DETAIL_SOURCES, detailLayers, needsDetail } from '../style/basemap-style';

/** The layer the detailed layers go under: the world view's borders, above its land. */
const INSERT_BEFORE = 'borders-low';

export function bindDetail(map: MapLibreMap, urls: BasemapUrls, lang: Lang): () => void {
  const load = () => {
    if (map.getSource(DETAIL_SOURCES[0])) return;
    for (const id of DETAIL_SOURCES) map.addSource(id, { type: 'geojson', data: urls.detail[id] });
    const before = map.getLayer(INSERT_BEFORE) ? INSERT_BEFORE : undefined;
    for (const layer of detailLayers(lang)) map.addLayer(layer, before);
  };
  if (needsDetail(map.getZoom())) {
    load();
    return () => {};
  }
  const onZoom = () => {
    if (!needsDetail(map.getZoom())) return;
    map.off('zoom', onZoom);
    load();
  };
  map.on('zoom', onZoom);
  return () => map.off('zoom', onZoom);
}
