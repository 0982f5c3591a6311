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
  ScaleControl,
  type StyleSpecification,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { type Camera, formatCamera } from '../state/url-state';
import 'maplibre-gl/dist/maplibre-gl.css';
import { setPageMap } from './capture';

setWorkerUrl(workerUrl);

export interface CreateMapOptions {
  container: HTMLElement;
  style: StyleSpecification | string;
  bounds: LngLatBoundsLike;
  /** The camera from the link, if it has one (else the map fits `bounds`). */
  camera: Camera | undefined;
  /** UI strings for MapLibre's own controls (keys from its default locale). */
  locale: Record<string, string>;
  attribution: string[];
  /** Cooperative gestures (Ctrl + scroll to zoom) when the page is embedded in another page. */
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
      /** Replaces the credits (in the reader's language), re-adding only the attribution control. */
      setAttribution: (attribution: string[]) => void;
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
        : { bounds: options.bounds, fitBoundsOptions: { padding: 24 } }),
      maxZoom: 10,
      minZoom: 1,
      attributionControl: false,
      cooperativeGestures: options.cooperative,
      locale: options.locale,
      // The embedded style comes from pure functions that the unit tests check with the style spec's validator; only a
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
  addControls(map);
  const attributionControl = new AttributionControl({
    compact: options.compactAttribution,
    customAttribution: options.attribution,
  });
  map.addControl(attributionControl, 'bottom-right');
  // MapLibre 6 has no setter for the credits, but its attribution control re-reads its (public) options in
  // `_updateAttributions`, which it runs itself on every style and source metadata event. Calling it here changes the
  // text in place, so the control keeps its DOM and its folded or open state.
  const setAttribution = (attribution: string[]) => {
    attributionControl.options.customAttribution = attribution;
    attributionControl._updateAttributions();
  };
  const setLocale = (locale: Record<string, string>) => {
    // MapLibre 6 has no public way to change its UI strings after construction (no setLocale in src/ui/map.ts), yet it
    // reads them from this table later: the scale on every move, the fullscreen button on every toggle, each new
    // popup's close button. So the table is updated here, in one place, and the controls keep their DOM.
    map._locale = { ...map._locale, ...locale };
    relabelControls(map, locale);
  };
  setPageMap(map);
  return { ok: true, map, setLocale, setAttribution };
}

/** Adds navigation, metric scale and fullscreen controls. */
function addControls(map: MapLibreMap): void {
  const controls: [IControl, ControlPosition][] = [
    [new NavigationControl({ showCompass: false }), 'top-right'],
    [new FullscreenControl(), 'top-right'],
    [new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left'],
  ];
  for (const [control, position] of controls) map.addControl(control, position);
}

/** The strings MapLibre's controls set once, when added, by the class names of the elements that carry them. */
const LABELLED: [selector: string, key: string][] = [
  ['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn'],
  ['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut'],
  ['.maplibregl-ctrl-compass', 'NavigationControl.ResetBearing'],
  ['.maplibregl-ctrl-fullscreen', 'FullscreenControl.Enter'],
  ['.maplibregl-ctrl-shrink', 'FullscreenControl.Exit'],
  ['.maplibregl-ctrl-attrib-button', 'AttributionControl.ToggleAttribution'],
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
  // The scale control writes its unit on every `move`; one now shows the new unit without waiting for the reader.
  map.fire('move');
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
