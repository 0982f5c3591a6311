/**
 * The embedded offline basemap as a MapLibre style: sea (background), land, country borders and
 * country labels in the reader's language, from the GeoJSON that scripts/build-basemap.ts writes.
 * No glyph server: `text-font` names a CSS font family that the page ships.
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { Lang } from '../i18n/strings';
import { BASEMAP_COLORS, FONT_FAMILY } from './palette';

/** Zoom where the detailed (1:50m, clipped to the story region) land and borders take over. */
export const DETAIL_ZOOM = 3.5;

/** URLs of the basemap files, relative to the page. */
export interface BasemapUrls {
  landLow: string;
  bordersLow: string;
  landHigh: string;
  bordersHigh: string;
  labels: string;
}

/** The basemap files as the build writes them under `basemap/`, resolved against `base` (Vite's BASE_URL). */
export function basemapUrlsFor(base: string): BasemapUrls {
  const at = (name: string) => `${base}basemap/${name}.geojson`;
  return {
    landLow: at('land-low'),
    bordersLow: at('borders-low'),
    landHigh: at('land-high'),
    bordersHigh: at('borders-high'),
    labels: at('labels'),
  };
}

export const BASEMAP_ATTRIBUTION = 'Natural Earth (public domain), via world-atlas';

/** The country label field for `lang`. */
export function countryLabelFieldFor(lang: Lang): ['get', string] {
  return ['get', lang === 'uk' ? 'name_uk' : 'name_en'];
}

/** Basemap layers, drawn under the story. */
export function basemapLayers(lang: Lang): LayerSpecification[] {
  return [
    { id: 'sea', type: 'background', paint: { 'background-color': BASEMAP_COLORS.sea } },
    {
      id: 'land-low',
      type: 'fill',
      source: 'land-low',
      maxzoom: DETAIL_ZOOM,
      paint: { 'fill-color': BASEMAP_COLORS.land, 'fill-outline-color': BASEMAP_COLORS.coast },
    },
    {
      id: 'land-high',
      type: 'fill',
      source: 'land-high',
      minzoom: DETAIL_ZOOM,
      paint: { 'fill-color': BASEMAP_COLORS.land, 'fill-outline-color': BASEMAP_COLORS.coast },
    },
    {
      id: 'borders-low',
      type: 'line',
      source: 'borders-low',
      maxzoom: DETAIL_ZOOM,
      paint: { 'line-color': BASEMAP_COLORS.border, 'line-width': 0.8 },
    },
    {
      id: 'borders-high',
      type: 'line',
      source: 'borders-high',
      minzoom: DETAIL_ZOOM,
      paint: {
        'line-color': BASEMAP_COLORS.border,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.8, 7, 1.6],
      },
    },
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
}

/** The whole embedded basemap style (story sources and layers are added on top by the map wiring). */
export function basemapStyle(lang: Lang, urls: BasemapUrls): StyleSpecification {
  const geojson = (data: string, attribution?: string) =>
    ({ type: 'geojson', data, ...(attribution ? { attribution } : {}) }) as const;
  return {
    version: 8,
    sources: {
      'land-low': geojson(urls.landLow, BASEMAP_ATTRIBUTION),
      'borders-low': geojson(urls.bordersLow),
      'land-high': geojson(urls.landHigh),
      'borders-high': geojson(urls.bordersHigh),
      labels: geojson(urls.labels),
    },
    layers: basemapLayers(lang),
  };
}
