/**
 * Fetches the detailed basemap files only when the camera nears the zoom that shows them,
 * so the first view loads just the world-view files. Returns a dispose function.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { type BasemapUrls, DETAIL_SOURCES, needsDetail } from '../style/basemap-style';

export function bindDetail(map: MapLibreMap, urls: BasemapUrls): () => void {
  const load = () => {
    for (const id of DETAIL_SOURCES) (map.getSource(id) as GeoJSONSource | undefined)?.setData(urls.detail[id]);
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
