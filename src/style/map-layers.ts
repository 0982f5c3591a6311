/**
 * The map as a function of the state: every layer the map can show (the basemap with its lazily added detail and
 * close-up layers, the story layers, the moving points), with the properties that follow the reader's choices baked
 * in: language (labels), visible layers (visibility) and the chosen day (opacity per phase). The map wiring applies
 * the difference in one place (src/map/apply-layers.ts).
 */
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Lang } from '../i18n/strings';
import type { Phase } from '../story/timeline';
import type { StoryLayerId } from '../story/types';
import { basemapLayers } from './basemap-style';
import { allStoryLayerSpecs } from './story-layers';
import { movingLayerSpecs, opacityPropertiesFor, phaseOpacity, storyOpacityFor } from './time-layers';

/** What the map's layers depend on. */
export interface MapState {
  lang: Lang;
  visible: readonly StoryLayerId[];
  /** Each feature's phase on the chosen day; undefined for all time. */
  phases: ReadonlyMap<string, Phase> | undefined;
}

/** Every layer the map can show for `state`, in drawing order. */
export function mapLayersFor({ lang, visible, phases }: MapState): LayerSpecification[] {
  const opacity = phaseOpacity(phases);
  const story = allStoryLayerSpecs(lang, visible).map((layer): LayerSpecification => {
    const paint = { ...(('paint' in layer && layer.paint) || {}) } as Record<string, unknown>;
    for (const property of opacityPropertiesFor(layer.type, layer.id))
      paint[property] = storyOpacityFor(layer.type, layer.id, opacity);
    return { ...layer, paint } as LayerSpecification;
  });
  return [...basemapLayers(lang, true), ...story, ...movingLayerSpecs(lang)];
}
