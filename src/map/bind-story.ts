/**
 * Binds the model to the map: adds the story to a style that lacks it (the online basemap), mirrors data,
 * visibility, language and selection onto the map, and turns clicks and hovers into model actions. What
 * to draw comes from src/style; which feature a click means and where its popup opens, from src/story.
 * Returns a dispose function.
 */
import { effect } from '@preact/signals';
import {
  type GeoJSONSource,
  type MapGeoJSONFeature,
  type Map as MapLibreMap,
  type MapMouseEvent,
  Popup,
} from 'maplibre-gl';
import type { Model } from '../state/model';
import { cameraTargetFor, pickMostSpecific, popupAnchorFor } from '../story/camera';
import type { IndexedFeature } from '../story/prepare-story';
import { STORY_LAYERS, type StoryLayerId } from '../story/types';
import { countryLabelFieldFor } from '../style/basemap-style';
import {
  allStoryLayerSpecs,
  clickableLayerIds,
  labelTextFor,
  mapLayerIdFor,
  mapLayerIdsFor,
  sourceIdFor,
  storySources,
} from '../style/story-layers';

export interface BindStoryOptions {
  map: MapLibreMap;
  model: Model;
  /** Renders a feature's popup content into `element`; returns its dispose function. */
  renderPopup: (element: HTMLElement, hit: IndexedFeature) => () => void;
  /** Called once the story is on the map and the map has drawn its first complete frame. */
  onReady: () => void;
  reducedMotion: () => boolean;
}

type FeatureRef = { source: string; id: string };

/** Adds the story to a map whose style has loaded, and keeps it in sync with the model. */
export function bindStory({ map, model, renderPopup, onReady, reducedMotion }: BindStoryOptions): () => void {
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

  disposers.push(
    effect(() => {
      const visible = model.visibleLayers.value;
      for (const layer of STORY_LAYERS) {
        const value = visible.includes(layer) ? 'visible' : 'none';
        for (const id of mapLayerIdsFor(layer)) map.setLayoutProperty(id, 'visibility', value);
      }
    }),
  );

  disposers.push(
    effect(() => {
      const lang = model.lang.value;
      for (const layer of STORY_LAYERS)
        map.setLayoutProperty(mapLayerIdFor(layer, 'label'), 'text-field', labelTextFor(lang));
      if (map.getLayer('country-labels'))
        map.setLayoutProperty('country-labels', 'text-field', countryLabelFieldFor(lang));
    }),
  );

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
  let clickedAt: { id: string; lngLat: [number, number] } | undefined;
  const onClick = (e: MapMouseEvent) => {
    const hit = hitAt(e);
    const ref = hit ? refOf(hit) : undefined;
    if (ref && layerOf.has(ref.source)) {
      clickedAt = { id: ref.id, lngLat: [e.lngLat.lng, e.lngLat.lat] };
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

  // Selection: feature state, camera and the one popup.
  let popup: Popup | undefined;
  let disposeContent: (() => void) | undefined;
  let selectedRef: FeatureRef | undefined;
  const closePopup = () => {
    disposeContent?.();
    disposeContent = undefined;
    const p = popup;
    popup = undefined;
    p?.remove();
  };
  disposers.push(
    effect(() => {
      const hit = model.selected.value;
      const origin = model.selectionOrigin.peek();
      if (selectedRef) map.setFeatureState(selectedRef, { selected: false });
      selectedRef = undefined;
      closePopup();
      if (!hit) return;
      const id = hit.feature.properties.id;
      const ref = { source: sourceIdFor(hit.layer), id };
      selectedRef = ref;
      // Highlight after the popup has painted: in a software-rendered map a redraw costs a frame of its own.
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (selectedRef === ref) map.setFeatureState(ref, { selected: true });
        }),
      );
      if (origin === 'list' || origin === 'article') flyTo(map, hit, reducedMotion());
      const anchor = clickedAt?.id === id && origin === 'map' ? clickedAt.lngLat : popupAnchorFor(hit.feature);
      const element = document.createElement('div');
      disposeContent = renderPopup(element, hit);
      const opened = new Popup({
        maxWidth: 'min(380px, 92vw)',
        focusAfterOpen: origin !== 'url',
        className: 'story-popup',
      })
        .setLngLat(anchor as [number, number])
        .setDOMContent(element)
        .addTo(map);
      opened.on('close', () => {
        if (popup === opened && model.selectedId.peek() === id) model.select(undefined, model.selectionOrigin.peek());
      });
      popup = opened;
      // Give the popup a name and role for screen readers: a non-modal dialog titled by the feature's heading.
      const title = element.querySelector<HTMLElement>('h2');
      const container = opened.getElement();
      container.setAttribute('role', 'dialog');
      if (title) {
        title.id = `popup-title-${id}`;
        container.setAttribute('aria-labelledby', title.id);
      }
      // A shared link reopens exactly the camera it carries, so only the reader's own choices pan the map.
      if (origin !== 'url') requestAnimationFrame(() => keepInView(map, opened.getElement(), reducedMotion()));
    }),
  );
  disposers.push(closePopup);

  map.once('idle', onReady);
  return () => {
    for (const dispose of disposers.reverse()) dispose();
  };
}

/** Pans the map just enough that the popup is wholly inside the map, with a small margin. */
function keepInView(map: MapLibreMap, element: HTMLElement | undefined, reduced: boolean): void {
  if (!element?.isConnected) return;
  const margin = 12;
  const box = map.getContainer().getBoundingClientRect();
  const r = element.getBoundingClientRect();
  const dx = r.left < box.left + margin ? r.left - box.left - margin : Math.max(0, r.right - box.right + margin);
  const dy = r.top < box.top + margin ? r.top - box.top - margin : Math.max(0, r.bottom - box.bottom + margin);
  if (dx !== 0 || dy !== 0) map.panBy([dx, dy], { duration: reduced ? 0 : 300 });
}

/** Moves the camera to a feature, jumping instead of flying when the reader prefers reduced motion. */
function flyTo(map: MapLibreMap, hit: IndexedFeature, reduced: boolean): void {
  const target = cameraTargetFor(hit.feature);
  const duration = reduced ? 0 : 900;
  if (target.kind === 'point') {
    map.easeTo({ center: target.center, zoom: Math.max(map.getZoom(), target.zoom), duration, essential: false });
  } else {
    map.fitBounds(target.bounds, { padding: 60, duration, maxZoom: 7, essential: false });
  }
}
