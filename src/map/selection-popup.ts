/**
 * The selected feature's popup (on narrow screens a bottom sheet, by CSS): measured before it is shown so its anchor
 * can be chosen up front, opened as a named dialog, and nudged into view once it has painted. The anchor itself is
 * decided in src/story/camera.
 */
import { type Map as MapLibreMap, Popup } from 'maplibre-gl';
import { MAP_MARGIN, type PopupAnchor, popupAnchorAt, type Size } from '../story/camera';

const POPUP_CLASS = 'story-popup';
/** How far the popup's tip stands off what it points at, px: off a point's dot, off a line's end. */
const POPUP_OFFSET = 14;
const POPUP_MAX_WIDTH = 'min(380px, 92vw)';

/**
 * The size the popup will have, measured on a hidden copy of its box with the same classes and width limit. On a
 * narrow screen app.css makes that box the bottom sheet, so the same measure gives the sheet's height.
 */
export function measurePopup(map: MapLibreMap, element: HTMLElement): Size & { top: number } {
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

export interface CreatePopupOptions {
  /** The feature's id, for the id of the popup's title. */
  id: string;
  lngLat: [number, number];
  /** The rendered content, as measured by `measurePopup`. */
  element: HTMLElement;
  size: Size;
  sheet: boolean;
  /** Whether focus moves to the popup's heading (a reader's choice) or stays where it is (a link opened). */
  focusAfterOpen: boolean;
  /** The close button's name in the reader's language (MapLibre names it in the language the map was made in). */
  closeLabel: string;
}

/** Opens the popup on the map: anchored where it fits (a sheet always hangs from its top), named for screen readers. */
export function createPopup(
  map: MapLibreMap,
  { id, lngLat, element, size, sheet, focusAfterOpen, closeLabel }: CreatePopupOptions,
): Popup {
  // MapLibre would focus the first focusable element (a "Show in article" deep in the content, scrolling the heading
  // away); the heading takes focus instead, below.
  const popup = new Popup({
    maxWidth: POPUP_MAX_WIDTH,
    focusAfterOpen: false,
    offset: sheet ? 0 : POPUP_OFFSET,
    className: POPUP_CLASS,
    anchor: sheet ? 'top' : anchorFor(map, lngLat, size),
  })
    .setLngLat(lngLat)
    .setDOMContent(element)
    .addTo(map);
  // Give the popup a name and role for screen readers: a non-modal dialog titled by the feature's heading.
  const title = element.querySelector<HTMLElement>('h2');
  const container = popup.getElement();
  container.setAttribute('role', 'dialog');
  if (title) {
    title.id = `popup-title-${id}`;
    container.setAttribute('aria-labelledby', title.id);
  }
  const close = container.querySelector<HTMLElement>('.maplibregl-popup-close-button');
  close?.setAttribute('aria-label', closeLabel);
  if (close) {
    close.title = closeLabel;
    // First in the popup's order, before the heading (CSS keeps it at the top right).
    close.parentElement?.prepend(close);
  }
  if (focusAfterOpen) {
    const heading = title ?? element.querySelector<HTMLElement>('h2, h3, h4');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }
  return popup;
}

function anchorFor(map: MapLibreMap, lngLat: [number, number], size: Size): PopupAnchor {
  const container = map.getContainer();
  return popupAnchorAt(map.project(lngLat), size, { width: container.clientWidth, height: container.clientHeight });
}

/** Pans the map just enough that the popup (or, under a sheet, its point) is inside the map, with a margin. */
export function keepPopupInView(map: MapLibreMap, popup: Popup, sheet: boolean, reduced: boolean): void {
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
