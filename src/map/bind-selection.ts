/**
 * The selection on the map: the selected feature's highlight, the camera that shows it, and its one popup (on
 * narrow screens a bottom sheet, by CSS). The popup is measured and its anchor chosen before it is shown, and a
 * camera move ends before the popup opens, so the popup never jumps to the other side of its point and no pan
 * interrupts the camera. This module only orders those steps; each lives in its own module (selection-popup,
 * selection-camera, selection-highlight), and the decisions (anchor, padding, camera target) in src/story/camera.
 */
import { effect, untracked } from '@preact/signals';
import type { Map as MapLibreMap, Popup } from 'maplibre-gl';
import { MAP_LOCALE } from '../i18n/map-locale';
import type { Model } from '../state/model';
import { cameraFollowsSelection, popupAnchorFor } from '../story/camera';
import type { IndexedFeature } from '../story/prepare-story';
import { STORY_SOURCE } from '../style/story-layers';
import { frameSelection } from './selection-camera';
import { createSelectionHighlight } from './selection-highlight';
import { createPopup, keepPopupInView, measurePopup } from './selection-popup';

export interface BindSelectionOptions {
  map: MapLibreMap;
  model: Model;
  /** Renders a feature's popup content into `element`; returns its dispose function. */
  renderPopup: (element: HTMLElement, hit: IndexedFeature) => () => void;
  reducedMotion: () => boolean;
  /** Whether the page's link carried a camera (`map=`). A feature linked without one is framed. */
  linkHasCamera: boolean;
  /** Whether the details open as a bottom sheet instead of a popup (narrow screens; app.css draws it). */
  asSheet: () => boolean;
}

/** Binds the selection; `noteClick` tells it where on a feature the reader clicked, for the popup's point. */
export function bindSelection(options: BindSelectionOptions): {
  dispose: () => void;
  noteClick: (id: string, lngLat: [number, number]) => void;
} {
  const { map, model, renderPopup, reducedMotion, asSheet } = options;
  // Only the page's first selection may come from a link without a camera; by the next, MapLibre has written `map=`.
  let linkHasCamera = options.linkHasCamera;
  let clickedAt: { id: string; lngLat: [number, number] } | undefined;
  let popup: Popup | undefined;
  let disposeContent: (() => void) | undefined;
  let pendingOpen: (() => void) | undefined;
  const highlight = createSelectionHighlight(map);

  const closePopup = () => {
    if (pendingOpen) map.off('moveend', pendingOpen);
    pendingOpen = undefined;
    disposeContent?.();
    disposeContent = undefined;
    const p = popup;
    popup = undefined;
    p?.remove();
  };

  const stop = effect(() => {
    const hit = model.selected.value;
    const origin = model.selectionOrigin.peek();
    highlight.clear();
    closePopup();
    if (!hit) return;
    const id = hit.feature.properties.id;
    highlight.show({ source: STORY_SOURCE, id });
    const lngLat =
      clickedAt?.id === id && origin === 'map' ? clickedAt.lngLat : (popupAnchorFor(hit.feature) as [number, number]);
    const element = document.createElement('div');
    // Untracked: the popup's content reads the language and more, which must not re-run this effect (a language
    // switch would re-create the popup, move the camera again and take the focus); the content updates in place.
    disposeContent = untracked(() => renderPopup(element, hit));
    const sheet = asSheet();
    // On a phone the details are a sheet over the bottom of the screen: the map comes to the top of the page (where
    // it stays pinned while a feature is open), so the chosen place shows above the sheet.
    if (sheet) map.getContainer().closest('.map-area')?.scrollIntoView({ block: 'start' });
    const size = measurePopup(map, element);
    const frame = cameraFollowsSelection(origin, linkHasCamera);
    linkHasCamera = true;

    const open = () => {
      pendingOpen = undefined;
      const opened = createPopup(map, {
        id,
        lngLat,
        element,
        size,
        sheet,
        focusAfterOpen: origin !== 'url',
        closeLabel: MAP_LOCALE[model.lang.peek()]['Popup.Close'] ?? '×',
      });
      opened.on('close', () => {
        if (popup === opened && model.selectedId.peek() === id) model.select(undefined, model.selectionOrigin.peek());
      });
      popup = opened;
      // A shared link reopens exactly the camera it carries, so only the reader's own choices pan the map. Whenever
      // the popup's size changes (its first layout, a part of its content arriving late), it is kept in view again.
      if (origin !== 'url') {
        const resized = new ResizeObserver(() => keepPopupInView(map, opened, sheet, reducedMotion()));
        resized.observe(opened.getElement());
        opened.on('close', () => resized.disconnect());
      }
    };

    if (!frame) {
      open();
      return;
    }
    // The popup opens where the camera ends; a pan before then would cut the camera's move short.
    map.stop();
    pendingOpen = open;
    map.once('moveend', open);
    frameSelection(map, hit, size, sheet, origin === 'url' || reducedMotion());
    if (pendingOpen === open && !map.isMoving()) {
      map.off('moveend', open);
      open();
    }
  });

  return {
    dispose: () => {
      stop();
      highlight.dispose();
      closePopup();
    },
    noteClick: (id, lngLat) => {
      clickedAt = { id, lngLat };
    },
  };
}
