/**
 * Draws the current story step's own visual (src/story/step-visuals.ts) on top of the map, in the reader's language,
 * and clears it on the free map. Its source and layers are added when a step first needs them, so the first view
 * pays nothing for them. Returns a dispose function.
 */
import { effect } from '@preact/signals';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Model } from '../state/model';
import { stepVisualFeatures } from '../story/step-visuals';
import { STEP_SOURCE, stepLayerSpecs } from '../style/step-layers';

export function bindStepVisual(map: MapLibreMap, model: Model): () => void {
  return effect(() => {
    const visual = model.time.currentStep.value?.visual;
    const data = stepVisualFeatures(visual, model.lang.value, {
      index: model.index.value,
      ukraine: model.ukraine.value,
    });
    const source = map.getSource(STEP_SOURCE) as GeoJSONSource | undefined;
    if (source) {
      source.setData(data);
      return;
    }
    if (data.features.length === 0) return;
    map.addSource(STEP_SOURCE, { type: 'geojson', data });
    for (const spec of stepLayerSpecs()) map.addLayer(spec);
  });
}
