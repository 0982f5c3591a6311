/**
 * Creates the MapLibre map with its controls. Thin: every decision (style, bounds, language) comes in as arguments.
 */

import { effect, type Signal } from '@preact/signals';
import {
  AttributionControl,
  type ControlPosition,
  FullscreenControl,
  GPUInitializationError,
  type IControl,
  type LngLatBoundsLike,
  Map as MapLibreMap,
  NavigationControl,
  prewarm,
  type StyleSpecification,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { type Camera, formatCamera } from '../state/url-state';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { MapFrame } from '../export/export-actions';
import { MAP_DESCRIPTION_ID } from '../ui/MapDescription';
import { captureMap } from './capture';
import { ScaleBar, type ScaleUnits } from './scale-bar';

setWorkerUrl(workerUrl);
// The worker starts as soon as the map code is here, not when the map is made: its script (0.5 MB) downloads and
// compiles while the page waits for the font and builds the style, so it is ready for the style's data at once.
// Without this the first tiles waited ~0.3–0.6 s for the worker on the benchmark's 2-core machine.
prewarm();

export interface CreateMapOptions {
  container: HTMLElement;
  style: StyleSpecification | string;
  bounds: LngLatBoundsLike;
  /** Room around `bounds` in the first view (px): what covers the map there. */
  boundsPadding: { top: number; right: number; bottom: number; left: number };
  /** The camera from the link, if it has one (else the map fits `bounds`). */
  camera: Camera | undefined;
  /** UI strings for MapLibre's own controls (keys from its default locale). */
  locale: Record<string, string>;
  attribution: string[];
  /** Cooperative gestures (Ctrl + scroll to zoom) when the page is inside an iframe (or on a touch phone). */
  cooperative: boolean;
  /** Images the style refers to, added with each style (no sprite sheet to fetch). */
  images: Record<string, { width: number; height: number; data: Uint8Array }>;
  /** Folds the attribution behind an (i) button, for small screens. */
  compactAttribution: boolean;
}

export type CreateMapResult =
  | {
      ok: true;
      map: MapLibreMap;
      setLocale: (locale: Record<string, string>) => void;
      /** Replaces the credits (in the reader's language); shown from the next style change's frame. */
      setAttribution: (attribution: string[]) => void;
      /** Copies the map's current frame (for the Download menu). */
      capture: () => MapFrame;
    }
  | { ok: false; reason: 'no-webgl'; error: unknown };

/** Makes the map, or reports that the browser has no WebGL2 (never throws for that). */
export function createMap(options: CreateMapOptions): CreateMapResult {
  let map: MapLibreMap;
  try {
    map = new MapLibreMap({
      container: options.container,
      style: options.style,
      // The app's URL codec owns the whole hash (MapLibre's `hash` option would re-encode keys it does not own).
      ...(options.camera
        ? { center: [options.camera.lng, options.camera.lat], zoom: options.camera.zoom, pitch: options.camera.pitch }
        : { bounds: options.bounds, fitBoundsOptions: { padding: options.boundsPadding } }),
      maxZoom: 10,
      minZoom: 1,
      attributionControl: false,
      cooperativeGestures: options.cooperative,
      locale: options.locale,
      // The bundled style comes from pure functions that the unit tests check with the style spec's validator; only a
      // style from elsewhere (a URL) is validated again here, which also skips validating every later layer update.
      validateStyle: typeof options.style === 'string',
      dragRotate: false,
      // Labels appear at once: no fade (it also keeps the map from animating for readers who prefer less motion).
      fadeDuration: 0,
      pitchWithRotate: false,
    });
  } catch (error) {
    if (error instanceof GPUInitializationError || /webgl/i.test(String(error))) {
      return { ok: false, reason: 'no-webgl', error };
    }
    throw error;
  }
  map.touchZoomRotate.disableRotation();
  // Added as each style loads, before its first tiles are laid out. Added when first asked for (`styleimagemissing`),
  // they came after the tiles had been laid out without them: those tiles were laid out again and drawn once more.
  map.on('style.load', () => {
    for (const [id, image] of Object.entries(options.images)) {
      if (!map.hasImage(id)) map.addImage(id, image, { pixelRatio: 2 });
    }
  });
  const { scale, fullscreen } = addControls(map, options.locale);
  const attributionControl = new AttributionControl({
    compact: options.compactAttribution,
    customAttribution: options.attribution,
  });
  map.addControl(attributionControl, 'bottom-right');
  // A compact control starts open and folds at the map's first drag: on a phone's map its three lines lay over the
  // story. It starts folded, behind its (i) button (the same state MapLibre's drag leaves it in).
  if (options.compactAttribution) {
    map.getContainer().querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
  }
  // MapLibre 6 has no setter for the credits, but its attribution control re-reads its public `options` on every
  // `styledata` event, and the map fires one in the frame after any style change. The credits change with the
  // language, which always changes the labels' text fields in the same tick (src/map/apply-layers.ts), or with a
  // new style (the fallback to the bundled basemap): either way the control shows them in the next frame, in
  // place, keeping its DOM and its folded or open state.
  const setAttribution = (attribution: string[]) => {
    attributionControl.options.customAttribution = attribution;
  };
  // MapLibre 6 takes its UI strings only when the map is made (the `locale` option; no setter). So the strings of a
  // later language are written into the controls' own elements, here and whenever MapLibre writes one again: the
  // fullscreen button on each toggle (its public events say when), a popup's close button as it opens (the
  // selection does that). The scale bar is the app's own, as MapLibre's rewrites its unit on every move.
  let locale = options.locale;
  const relabel = () => relabelControls(map, locale);
  fullscreen.on('fullscreenstart', relabel);
  fullscreen.on('fullscreenend', relabel);
  const setLocale = (next: Record<string, string>) => {
    locale = next;
    scale.setUnits(scaleUnitsOf(next));
    relabel();
  };
  // The page keeps a description of what the map shows, in the reader's language (src/ui/MapDescription.tsx).
  map.getCanvas().setAttribute('aria-describedby', MAP_DESCRIPTION_ID);
  return { ok: true, map, setLocale, setAttribution, capture: () => captureMap(map) };
}

function scaleUnitsOf(locale: Record<string, string>): ScaleUnits {
  return { m: locale['ScaleControl.Meters'] ?? 'm', km: locale['ScaleControl.Kilometers'] ?? 'km' };
}

/** Adds navigation, a metric scale and fullscreen controls. */
function addControls(
  map: MapLibreMap,
  locale: Record<string, string>,
): { scale: ScaleBar; fullscreen: FullscreenControl } {
  const scale = new ScaleBar(scaleUnitsOf(locale), 120);
  const fullscreen = new FullscreenControl();
  const controls: [IControl, ControlPosition][] = [
    [new NavigationControl({ showCompass: false }), 'top-right'],
    [fullscreen, 'top-right'],
    [scale, 'bottom-left'],
  ];
  for (const [control, position] of controls) map.addControl(control, position);
  return { scale, fullscreen };
}

/** The strings MapLibre's controls set once, when added, by the class names of the elements that carry them. */
const LABELLED: [selector: string, key: string][] = [
  ['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn'],
  ['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut'],
  ['.maplibregl-ctrl-compass', 'NavigationControl.ResetBearing'],
  ['.maplibregl-ctrl-fullscreen', 'FullscreenControl.Enter'],
  ['.maplibregl-ctrl-shrink', 'FullscreenControl.Exit'],
  ['.maplibregl-ctrl-attrib-button', 'AttributionControl.ToggleAttribution'],
  ['.maplibregl-popup-close-button', 'Popup.Close'],
];

/** Gives the controls already on the map the strings of `locale`, in place. */
function relabelControls(map: MapLibreMap, locale: Record<string, string>): void {
  const container = map.getContainer();
  for (const [selector, key] of LABELLED) {
    const text = locale[key];
    if (text === undefined) continue;
    for (const el of container.querySelectorAll<HTMLElement>(selector)) {
      el.title = text;
      el.setAttribute('aria-label', text);
    }
  }
  const title = locale['Map.Title'];
  if (title !== undefined) map.getCanvas().setAttribute('aria-label', title);
  // The cooperative-gestures hint (pages in an iframe, and phones) is written once, when enabled; MapLibre picks its desktop text by
  // the same test of the user agent.
  const onMac = navigator.userAgent.includes('Mac');
  const hints: [selector: string, key: string][] = [
    ['.maplibregl-desktop-message', `CooperativeGesturesHandler.${onMac ? 'Mac' : 'Windows'}HelpText`],
    ['.maplibregl-mobile-message', 'CooperativeGesturesHandler.MobileHelpText'],
  ];
  for (const [selector, key] of hints) {
    const text = locale[key];
    const el = container.querySelector<HTMLElement>(selector);
    if (text !== undefined && el) el.textContent = text;
  }
}

/** The map's camera now. */
function cameraOf(map: MapLibreMap): Camera {
  const { lng, lat } = map.getCenter();
  return { zoom: map.getZoom(), lat, lng, bearing: map.getBearing(), pitch: map.getPitch() };
}

/**
 * Keeps `camera` and the map in step: every `moveend` writes the map's camera into it, and a camera set from
 * elsewhere (a link edited by hand) moves the map. Bearing stays as it is: rotation is off. Returns a dispose function.
 */
export function bindCamera(map: MapLibreMap, camera: Signal<Camera | undefined>): () => void {
  const onMoveEnd = () => {
    camera.value = cameraOf(map);
  };
  map.on('moveend', onMoveEnd);
  const stop = effect(() => {
    const next = camera.value;
    if (!next || formatCamera(next) === formatCamera(cameraOf(map))) return;
    map.jumpTo({ center: [next.lng, next.lat], zoom: next.zoom, pitch: next.pitch });
  });
  return () => {
    stop();
    map.off('moveend', onMoveEnd);
  };
}
