/**
 * The embedded offline basemap as a MapLibre style: sea (background), land, country borders and
 * country labels in the reader's language, from the GeoJSON that scripts/build-basemap.ts writes.
 * No glyph server: `text-font` names a CSS font family that the page ships.
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { Lang } from '../i18n/strings';
import { BASEMAP_COLORS, FONT_FAMILY } from './palette';

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

/** The basemap sources fetched only for the detailed zooms. */
export const DETAIL_SOURCES = ['land-high', 'borders-high', 'land-outside', 'borders-outside'] as const;
export type DetailSource = (typeof DETAIL_SOURCES)[number];

/** URLs of the basemap files, relative to the page. */
export interface BasemapUrls {
  landLow: string;
  bordersLow: string;
  labels: string;
  detail: Record<DetailSource, string>;
}

/** The basemap files as the build writes them under `basemap/`, resolved against `base` (Vite's BASE_URL). */
export function basemapUrlsFor(base: string): BasemapUrls {
  const at = (name: string) => `${base}basemap/${name}.geojson`;
  return {
    landLow: at('land-low'),
    bordersLow: at('borders-low'),
    labels: at('labels'),
    detail: {
      'land-high': at('land-high'),
      'borders-high': at('borders-high'),
      'land-outside': at('land-outside'),
      'borders-outside': at('borders-outside'),
    },
  };
}

export const BASEMAP_ATTRIBUTION = 'Natural Earth (public domain), via world-atlas';

/** The country label field for `lang`. */
export function countryLabelFieldFor(lang: Lang): ['get', string] {
  return ['get', lang === 'uk' ? 'name_uk' : 'name_en'];
}

/** Basemap layers, drawn under the story. */
export function basemapLayers(lang: Lang, withDetail = true): LayerSpecification[] {
  const land = (id: string, zoom: { minzoom?: number; maxzoom?: number }): LayerSpecification => ({
    id,
    type: 'fill',
    source: id,
    ...zoom,
    paint: { 'fill-color': BASEMAP_COLORS.land },
  });
  const borders = (id: string, zoom: { minzoom?: number; maxzoom?: number }): LayerSpecification => ({
    id,
    type: 'line',
    source: id,
    ...zoom,
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': BASEMAP_COLORS.border,
      'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.7, 7, 1.6],
    },
  });
  const layers: LayerSpecification[] = [
    { id: 'sea', type: 'background', paint: { 'background-color': BASEMAP_COLORS.sea } },
    land('land-low', { maxzoom: DETAIL_ZOOM }),
    land('land-outside', { minzoom: DETAIL_ZOOM }),
    land('land-high', { minzoom: DETAIL_ZOOM }),
    borders('borders-low', { maxzoom: DETAIL_ZOOM }),
    borders('borders-outside', { minzoom: DETAIL_ZOOM }),
    borders('borders-high', { minzoom: DETAIL_ZOOM }),
    {
      id: 'country-labels',
      type: 'symbol',
      source: 'labels',
      layout: {
        'text-field': countryLabelFieldFor(lang),
        'text-font': [FONT_FAMILY],
        'text-size': ['interpolate', ['linear'], ['zoom'], 1, 10, 4, 13, 7, 16],
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.08,
        'text-max-width': 7,
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: {
        'text-color': BASEMAP_COLORS.label,
        'text-halo-color': BASEMAP_COLORS.halo,
        'text-halo-width': 1.2,
      },
    },
  ];
  return withDetail ? layers : layers.filter((l) => !isDetailLayer(l));
}

/** Whether a layer draws one of the detailed sources. */
function isDetailLayer(layer: LayerSpecification): boolean {
  return 'source' in layer && (DETAIL_SOURCES as readonly string[]).includes(layer.source as string);
}

/** The layers of the detailed sources, in drawing order (added with their sources near DETAIL_ZOOM). */
export function detailLayers(lang: Lang): LayerSpecification[] {
  return basemapLayers(lang).filter(isDetailLayer);
}

/** The whole embedded basemap style (story sources and layers are added on top by the map wiring). */
export function basemapStyle(lang: Lang, urls: BasemapUrls, withDetail = false): StyleSpecification {
  const geojson = (data: string, attribution?: string) =>
    ({ type: 'geojson', data, ...(attribution ? { attribution } : {}) }) as const;
  const detail = withDetail ? Object.fromEntries(DETAIL_SOURCES.map((id) => [id, geojson(urls.detail[id])])) : {};
  return {
    version: 8,
    sources: {
      'land-low': geojson(urls.landLow, BASEMAP_ATTRIBUTION),
      'borders-low': geojson(urls.bordersLow),
      labels: geojson(urls.labels),
      ...detail,
    },
    layers: basemapLayers(lang, withDetail),
  };
}
