/**
 * Binds the model to the map: adds the story sources and layers, keeps their data and every layer property that
 * follows the reader's choices in step with the model, and starts the selection and pointer bindings. No decisions
 * live here: what to draw comes from src/style, what to do from the model. Returns a dispose function.
 */
import { effect } from '@preact/signals';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Model } from '../state/model';
import type { IndexedFeature } from '../story/prepare-story';
import { phasesOn } from '../story/timeline';
import { mapLayersFor } from '../style/map-layers';
import { allStoryLayerSpecs, STORY_SOURCE, storyData, storySources } from '../style/story-layers';
import { applyLayers } from './apply-layers';
import { bindPointer } from './bind-pointer';
import { bindSelection } from './bind-selection';

export interface BindStoryOptions {
  map: MapLibreMap;
  model: Model;
  /** Renders a feature's popup content into `element`; returns its dispose function. */
  renderPopup: (element: HTMLElement, hit: IndexedFeature) => () => void;
  /** Called once the story is on the map and the map has drawn its first complete frame. */
  onReady: () => void;
  reducedMotion: () => boolean;
  /** Whether the page's link carried a camera (`map=`). A feature linked without one is framed. */
  linkHasCamera: boolean;
  /** Whether the details open as a bottom sheet instead of a popup (narrow screens). */
  asSheet: () => boolean;
}

/** Adds the story to a map whose style has loaded, and keeps it in sync with the model. */
export function bindStory({
  map,
  model,
  renderPopup,
  onReady,
  reducedMotion,
  linkHasCamera,
  asSheet,
}: BindStoryOptions): () => void {
  // A style given as a URL (the online basemap) does not carry the story yet: add it on top.
  if (!map.getSource(STORY_SOURCE)) {
    for (const [id, source] of Object.entries(storySources(model.layerData.peek()))) map.addSource(id, source);
    for (const spec of allStoryLayerSpecs(model.lang.peek(), model.visibleLayers.peek())) map.addLayer(spec);
  }

  const disposers: (() => void)[] = [];

  let drawnLayers = model.layerData.peek();
  disposers.push(
    effect(() => {
      // The style already holds the data it was made with; only later changes are sent to the map.
      if (model.layerData.value === drawnLayers) return;
      drawnLayers = model.layerData.value;
      (map.getSource(STORY_SOURCE) as GeoJSONSource | undefined)?.setData(storyData(drawnLayers));
    }),
  );

  // Every property that follows the reader's choices (language, layers, day) is set here, from one pure function.
  disposers.push(
    effect(() => {
      const day = model.time.day.value;
      const events = model.time.timeline.value?.events;
      applyLayers(
        map,
        mapLayersFor({
          lang: model.lang.value,
          visible: model.visibleLayers.value,
          phases: day === undefined || !events ? undefined : phasesOn(day, events),
        }),
      );
    }),
  );

  // Selection: the highlight, the camera and the one popup.
  const selection = bindSelection({ map, model, renderPopup, reducedMotion, linkHasCamera, asSheet });
  disposers.push(selection.dispose);

  // Pointer: hover highlights, clicks select.
  disposers.push(
    bindPointer(map, (id, lngLat) => {
      if (id !== undefined) selection.noteClick(id, lngLat);
      model.select(id, 'map');
    }),
  );

  map.once('idle', onReady);
  return () => {
    for (const dispose of disposers.reverse()) dispose();
  };
}
