/**
 * The bundled basemap's files: which a camera needs (the world view's always, the detailed ones near DETAIL_ZOOM, the
 * close-up windows near WINDOW_ZOOM over one of them), their URLs, and their GeoJSON sources. The layers that draw
 * them are in basemap-style.ts.
 */
import type { GeoJSONSourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import { DETAIL_WINDOWS } from '../basemap/windows';

/**
 * Zoom where the detailed land and borders (1:10m simplified, clipped to the story region, with 1:110m outside it)
 * take over from the world view's 1:110m. Their files are fetched only when the camera nears this zoom.
 */
export const DETAIL_ZOOM = 3.5;
/** How far below DETAIL_ZOOM the detailed files start loading, so they are there when needed. */
export const DETAIL_PREFETCH = 0.75;

/** Whether a camera at `zoom` needs the detailed basemap files. */
export function needsDetail(zoom: number): boolean {
  return zoom >= DETAIL_ZOOM - DETAIL_PREFETCH;
}

/** The basemap sources fetched only for the detailed zooms: land and borders. */
export const DETAIL_SOURCES = ['land-high', 'borders-high', 'land-outside', 'borders-outside'] as const;
export type DetailSource = (typeof DETAIL_SOURCES)[number];

/** Label sources fetched with the detailed files: country labels per zoom band and the context towns. */
export const DETAIL_LABEL_SOURCES = ['labels-detail', 'places'] as const;
export type DetailLabelSource = (typeof DETAIL_LABEL_SOURCES)[number];

/**
 * Zoom from which the close-up windows (src/basemap/windows.ts) show the 1:10m coast and borders unsimplified:
 * below it the detailed files' 0.01° simplification is under a pixel.
 */
export const WINDOW_ZOOM = 6;
/** The close-up files: fetched only when the camera nears WINDOW_ZOOM over one of the windows. */
export const WINDOW_SOURCES = ['land-window', 'borders-window'] as const;
export type WindowSource = (typeof WINDOW_SOURCES)[number];

/** Whether a camera at `zoom` seeing `bounds` ([west, south, east, north]) needs the close-up files. */
export function needsWindows(zoom: number, [west = 0, south = 0, east = 0, north = 0]: readonly number[]): boolean {
  if (zoom < WINDOW_ZOOM - DETAIL_PREFETCH) return false;
  return DETAIL_WINDOWS.some(([w, s, e, n]) => west <= e && east >= w && south <= n && north >= s);
}

/** URLs of the basemap files, relative to the page. */
export interface BasemapUrls {
  landLow: string;
  bordersLow: string;
  labels: string;
  seas: string;
  detail: Record<DetailSource, string>;
  detailLabels: Record<DetailLabelSource, string>;
  window: Record<WindowSource, string>;
}

/** The basemap files as the build writes them under `basemap/`, resolved against `base` (Vite's BASE_URL). */
export function basemapUrlsFor(base: string): BasemapUrls {
  const at = (name: string) => `${base}basemap/${name}.geojson`;
  const each = <T extends string>(ids: readonly T[]) =>
    Object.fromEntries(ids.map((id) => [id, at(id)])) as Record<T, string>;
  return {
    landLow: at('land-low'),
    bordersLow: at('borders-low'),
    labels: at('labels'),
    seas: at('seas'),
    detail: each(DETAIL_SOURCES),
    detailLabels: each(DETAIL_LABEL_SOURCES),
    window: each(WINDOW_SOURCES),
  };
}

/** The sources of the close-up windows, keyed by source id. */
export function windowSourcesFor(urls: BasemapUrls): Record<string, GeoJSONSourceSpecification> {
  return Object.fromEntries(WINDOW_SOURCES.map((id) => [id, { type: 'geojson', data: urls.window[id] } as const]));
}

/** The sources fetched with the detailed files, keyed by source id. */
export function detailSourcesFor(urls: BasemapUrls): Record<string, GeoJSONSourceSpecification> {
  return Object.fromEntries([
    ...DETAIL_SOURCES.map((id) => [id, { type: 'geojson', data: urls.detail[id] }]),
    ...DETAIL_LABEL_SOURCES.map((id) => [id, { type: 'geojson', data: urls.detailLabels[id] }]),
  ]);
}

/** The basemap sources of the first view (the world view), fetched before any zoom-dependent file. */
export const FIRST_VIEW_SOURCES = ['land-low', 'borders-low', 'labels', 'seas'] as const;
export type FirstViewSource = (typeof FIRST_VIEW_SOURCES)[number];

/** The URL of each first-view file, keyed by its source id. */
export function firstViewUrlsFor(urls: BasemapUrls): Record<FirstViewSource, string> {
  return { 'land-low': urls.landLow, 'borders-low': urls.bordersLow, labels: urls.labels, seas: urls.seas };
}
