/**
 * Creates the MapLibre map with its controls. Thin: every decision (style, bounds, language) comes in as arguments.
 */

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
import 'maplibre-gl/dist/maplibre-gl.css';
import { setPageMap } from './capture';

setWorkerUrl(workerUrl);

export interface CreateMapOptions {
  container: HTMLElement;
  style: StyleSpecification | string;
  bounds: LngLatBoundsLike;
  /** UI strings for MapLibre's own controls (keys from its default locale). */
  locale: Record<string, string>;
  attribution: string[];
  /** Cooperative gestures (Ctrl + scroll to zoom) when the page is embedded in another page. */
  cooperative: boolean;
  /** Images the style refers to, added when the map first asks for them (no sprite sheet to fetch). */
  images: Record<string, { width: number; height: number; data: Uint8Array }>;
  /** Folds the attribution behind an (i) button, for small screens. */
  compactAttribution: boolean;
}

export type CreateMapResult =
  | { ok: true; map: MapLibreMap; setLocale: (locale: Record<string, string>) => void }
  | { ok: false; reason: 'no-webgl'; error: unknown };

/** Makes the map, or reports that the browser has no WebGL2 (never throws for that). */
export function createMap(options: CreateMapOptions): CreateMapResult {
  let map: MapLibreMap;
  try {
    map = new MapLibreMap({
      container: options.container,
      style: options.style,
      bounds: options.bounds,
      fitBoundsOptions: { padding: 24 },
      hash: 'map',
      maxZoom: 9,
      minZoom: 1,
      attributionControl: false,
      cooperativeGestures: options.cooperative,
      locale: options.locale,
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
  map.on('styleimagemissing', ({ id }) => {
    const image = options.images[id];
    if (image && !map.hasImage(id)) map.addImage(id, image, { pixelRatio: 2 });
  });
  let controls = addControls(map, options.attribution, options.compactAttribution);
  // Controls read their strings when added, so a new language means new controls.
  const setLocale = (locale: Record<string, string>) => {
    const withLocale = map as unknown as { _locale: Record<string, string> };
    withLocale._locale = { ...withLocale._locale, ...locale };
    for (const control of controls) map.removeControl(control);
    controls = addControls(map, options.attribution, options.compactAttribution);
  };
  setPageMap(map);
  return { ok: true, map, setLocale };
}

/** Adds navigation, metric scale, fullscreen and attribution controls; returns them in the order added. */
function addControls(map: MapLibreMap, attribution: string[], compact: boolean): IControl[] {
  const controls: [IControl, ControlPosition][] = [
    [new NavigationControl({ showCompass: false }), 'top-right'],
    [new FullscreenControl(), 'top-right'],
    [new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left'],
    [new AttributionControl({ compact, customAttribution: attribution }), 'bottom-right'],
  ];
  for (const [control, position] of controls) map.addControl(control, position);
  return controls.map(([control]) => control);
}
