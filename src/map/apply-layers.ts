/**
 * The one place that changes layer properties on the map. It takes the layers the state calls for
 * (src/style/map-layers.ts) and sets each layout and paint property whose value differs from the map's, on the layers
 * the map has (lazily added layers are created from the same functions, so they start right).
 */
import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';

type Properties = Record<string, unknown>;

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Applies `layers` to `map`; returns how many properties changed. */
export function applyLayers(map: MapLibreMap, layers: readonly LayerSpecification[]): number {
  let changed = 0;
  for (const layer of layers) {
    if (!map.getLayer(layer.id)) continue;
    const layout = (('layout' in layer && layer.layout) || {}) as Properties;
    const paint = (('paint' in layer && layer.paint) || {}) as Properties;
    // A layer spec without `visibility` is visible.
    const wanted: Properties = { visibility: 'visible', ...layout };
    for (const [key, value] of Object.entries(wanted)) {
      if (same(map.getLayoutProperty(layer.id, key as never) ?? (key === 'visibility' ? 'visible' : undefined), value))
        continue;
      map.setLayoutProperty(layer.id, key as never, value as never);
      changed++;
    }
    for (const [key, value] of Object.entries(paint)) {
      if (same(map.getPaintProperty(layer.id, key as never), value)) continue;
      map.setPaintProperty(layer.id, key as never, value as never);
      changed++;
    }
  }
  return changed;
}
