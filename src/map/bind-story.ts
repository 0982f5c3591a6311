/**
 * Binds the model to the map: adds the story sources and layers, mirrors visibility, language and
 * selection onto the map, and turns clicks and hovers into model actions. No decisions live here:
 * what to draw comes from src/style, what to do from the model. Returns a dispose function.
 */
import { effect } from '@preact/signals';
import type { GeoJSONSource, MapGeoJSONFeature, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { Model } from '../state/model';
import { pickMostSpecific } from '../story/camera';
import type { IndexedFeature } from '../story/prepare-story';
import { phasesOn } from '../story/timeline';
import { STORY_LAYERS, type StoryLayerId } from '../story/types';
import { mapLayersFor } from '../style/map-layers';
import { allStoryLayerSpecs, clickableLayerIds, sourceIdFor, storySources } from '../style/story-layers';
import { applyLayers } from './apply-layers';
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

type FeatureRef = { source: string; id: string };

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
  if (!map.getSource(sourceIdFor(STORY_LAYERS[0]))) {
    for (const [id, source] of Object.entries(storySources(model.layers.peek()))) map.addSource(id, source);
    for (const spec of allStoryLayerSpecs(model.lang.peek(), model.visibleLayers.peek())) map.addLayer(spec);
  }

  const disposers: (() => void)[] = [];
  const layerOf = new Map<string, StoryLayerId>(STORY_LAYERS.map((l) => [sourceIdFor(l), l]));

  let drawnLayers = model.layers.peek();
  disposers.push(
    effect(() => {
      // The style already holds the data it was made with; only later changes are sent to the map.
      if (model.layers.value === drawnLayers) return;
      drawnLayers = model.layers.value;
      for (const layer of drawnLayers) {
        (map.getSource(sourceIdFor(layer.id)) as GeoJSONSource | undefined)?.setData({
          type: 'FeatureCollection',
          features: layer.features,
        });
      }
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
    if (ref && layerOf.has(ref.source)) {
      selection.noteClick(ref.id, [e.lngLat.lng, e.lngLat.lat]);
      model.select(ref.id, 'map');
    } else {
      model.select(undefined, 'map');
    }
  };
  map.on('mousemove', onMove);
  map.on('mouseout', onLeave);
  map.on('click', onClick);
  disposers.push(() => {
    map.off('mousemove', onMove);
    map.off('mouseout', onLeave);
    map.off('click', onClick);
  });

  map.once('idle', onReady);
  return () => {
    for (const dispose of disposers.reverse()) dispose();
  };
}
