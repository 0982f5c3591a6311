/**
 * The selection on the map: the selected feature's highlight, the camera that shows it, and its one popup (on
 * narrow screens a bottom sheet, by CSS). The popup is measured and its anchor chosen before it is shown, and a
 * camera move ends before the popup opens, so the popup never jumps to the other side of its point and no pan
 * interrupts the camera. Decisions (anchor, padding, camera target) come from src/story/camera.
 */
import { effect } from '@preact/signals';
import { type Map as MapLibreMap, Popup } from 'maplibre-gl';
import type { Model } from '../state/model';
import {
  cameraFollowsSelection,
  cameraTargetFor,
  framingPaddingFor,
  MAP_MARGIN,
  type PopupAnchor,
  popupAnchorAt,
  popupAnchorFor,
  type Size,
} from '../story/camera';
import type { IndexedFeature } from '../story/prepare-story';
import { sourceIdFor } from '../style/story-layers';

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

const POPUP_CLASS = 'story-popup';
const POPUP_MAX_WIDTH = 'min(380px, 92vw)';
/** The widest zoom for framing a line: closer shows no more of it. */
const LINE_MAX_ZOOM = 7;

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
  let selectedRef: { source: string; id: string } | undefined;
  let pendingOpen: (() => void) | undefined;

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
    if (selectedRef && map.style) map.setFeatureState(selectedRef, { selected: false });
    selectedRef = undefined;
    closePopup();
    if (!hit) return;
    const id = hit.feature.properties.id;
    const ref = { source: sourceIdFor(hit.layer), id };
    selectedRef = ref;
    // Highlight after the popup has painted: in a software-rendered map a redraw costs a frame of its own. Set in the
    // frame after the popup's, the map redraws in the one after that, once the popup's frame is on screen.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        // A map that lost its WebGL context in the meantime has no style to set the state on.
        if (selectedRef === ref && map.style) map.setFeatureState(ref, { selected: true });
      }),
    );
    const lngLat =
      clickedAt?.id === id && origin === 'map' ? clickedAt.lngLat : (popupAnchorFor(hit.feature) as [number, number]);
    const element = document.createElement('div');
    disposeContent = renderPopup(element, hit);
    const sheet = asSheet();
    const size = measure(map, element);
    const frame = cameraFollowsSelection(origin, linkHasCamera);
    linkHasCamera = true;

    const open = () => {
      pendingOpen = undefined;
      const opened = new Popup({
        maxWidth: POPUP_MAX_WIDTH,
        focusAfterOpen: origin !== 'url',
        className: POPUP_CLASS,
        anchor: sheet ? 'top' : anchorFor(map, lngLat, size),
      })
        .setLngLat(lngLat)
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
      if (origin !== 'url') requestAnimationFrame(() => keepInView(map, opened, sheet, reducedMotion()));
    };

    if (!frame) {
      open();
      return;
    }
    // The popup opens where the camera ends; a pan before then would cut the camera's move short.
    map.stop();
    pendingOpen = open;
    map.once('moveend', open);
    const padding = framingPaddingFor(
      { width: map.getContainer().clientWidth, height: map.getContainer().clientHeight },
      sheet ? { covered: sheetCover(map, size) } : { popup: size },
    );
    showFeature(map, hit, padding, origin === 'url' || reducedMotion());
    if (pendingOpen === open && !map.isMoving()) {
      map.off('moveend', open);
      open();
    }
  });

  // A restored WebGL context starts with the sources' feature state gone: the highlight is set again.
  const reapply = () => {
    if (selectedRef && map.style) map.setFeatureState(selectedRef, { selected: true });
  };
  // Set once the restored map has drawn again (during the restore itself its sources are not back yet).
  const onRestored = () => map.once('idle', reapply);
  map.on('webglcontextrestored', onRestored);

  return {
    dispose: () => {
      stop();
      map.off('webglcontextrestored', onRestored);
      closePopup();
    },
    noteClick: (id, lngLat) => {
      clickedAt = { id, lngLat };
    },
  };
}

/**
 * The size the popup will have, measured on a hidden copy of its box with the same classes and width limit. On a
 * narrow screen app.css makes that box the bottom sheet, so the same measure gives the sheet's height.
 */
function measure(map: MapLibreMap, element: HTMLElement): Size & { top: number } {
  const probe = document.createElement('div');
  probe.className = `maplibregl-popup ${POPUP_CLASS}`;
  probe.style.maxWidth = POPUP_MAX_WIDTH;
  probe.style.visibility = 'hidden';
  const content = document.createElement('div');
  content.className = 'maplibregl-popup-content';
  content.append(element);
  probe.append(content);
  map.getContainer().append(probe);
  const box = probe.getBoundingClientRect();
  probe.remove();
  return { width: box.width, height: box.height, top: box.top };
}

/** How many px of the map's bottom a sheet whose top is at `sheet.top` (page px) covers. */
function sheetCover(map: MapLibreMap, sheet: { top: number }): number {
  return Math.max(0, map.getContainer().getBoundingClientRect().bottom - sheet.top);
}

function anchorFor(map: MapLibreMap, lngLat: [number, number], size: Size): PopupAnchor {
  const container = map.getContainer();
  return popupAnchorAt(map.project(lngLat), size, { width: container.clientWidth, height: container.clientHeight });
}

/** Pans the map just enough that the popup (or, under a sheet, its point) is inside the map, with a margin. */
function keepInView(map: MapLibreMap, popup: Popup, sheet: boolean, reduced: boolean): void {
  const element = popup.getElement();
  if (!element?.isConnected) return;
  const box = map.getContainer().getBoundingClientRect();
  const r = element.getBoundingClientRect();
  let dx = 0;
  let dy = 0;
  if (sheet) {
    const y = box.top + map.project(popup.getLngLat()).y;
    dy = Math.max(0, y - (r.top - 3 * MAP_MARGIN));
  } else {
    dx =
      r.left < box.left + MAP_MARGIN ? r.left - box.left - MAP_MARGIN : Math.max(0, r.right - box.right + MAP_MARGIN);
    dy = r.top < box.top + MAP_MARGIN ? r.top - box.top - MAP_MARGIN : Math.max(0, r.bottom - box.bottom + MAP_MARGIN);
  }
  if (dx !== 0 || dy !== 0) map.panBy([dx, dy], { duration: reduced ? 0 : 300 });
}

/** Moves the camera to frame a feature inside `padding`, jumping instead of flying when asked to. */
function showFeature(
  map: MapLibreMap,
  hit: IndexedFeature,
  padding: { top: number; bottom: number; left: number; right: number },
  jump: boolean,
): void {
  const target = cameraTargetFor(hit.feature);
  const bounds = target.kind === 'point' ? ([target.center, target.center] as const) : target.bounds;
  const maxZoom = target.kind === 'point' ? Math.max(map.getZoom(), target.zoom) : LINE_MAX_ZOOM;
  map.fitBounds(bounds as [[number, number], [number, number]], {
    padding,
    maxZoom,
    duration: jump ? 0 : 900,
    essential: false,
  });
}
