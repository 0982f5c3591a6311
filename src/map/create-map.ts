/**
 * Creates the MapLibre map with its controls. Thin: every decision (style, bounds, language) comes in as arguments.
 */

import {
  AttributionControl,
  FullscreenControl,
  GPUInitializationError,
  type LngLatBoundsLike,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  type StyleSpecification,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

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
}

export type CreateMapResult = { ok: true; map: MapLibreMap } | { ok: false; reason: 'no-webgl'; error: unknown };

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
      pitchWithRotate: false,
    });
  } catch (error) {
    if (error instanceof GPUInitializationError || /webgl/i.test(String(error))) {
      return { ok: false, reason: 'no-webgl', error };
    }
    throw error;
  }
  map.touchZoomRotate.disableRotation();
  addControls(map, options.attribution);
  return { ok: true, map };
}

/** Adds navigation, metric scale, fullscreen and attribution controls. */
function addControls(map: MapLibreMap, attribution: string[]): void {
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new FullscreenControl(), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
  map.addControl(new AttributionControl({ compact: false, customAttribution: attribution }), 'bottom-right');
}
