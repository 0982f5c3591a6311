/**
 * The bundled offline basemap as a MapLibre style: sea (background), land, country borders, and labels of
 * countries, seas and context towns in the reader's language, from the GeoJSON that scripts/build-basemap.ts writes.
 * No glyph server: `text-font` names a CSS font family that the page ships.
 */
import type {
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { type Lang, t } from '../i18n/strings';
import {
  type BasemapUrls,
  DETAIL_LABEL_SOURCES,
  DETAIL_SOURCES,
  DETAIL_ZOOM,
  detailSourcesFor,
  FIRST_VIEW_SOURCES,
  type FirstViewSource,
  WINDOW_SOURCES,
  WINDOW_ZOOM,
  windowSourcesFor,
} from './basemap-sources';
import { BASEMAP_COLORS, FONT_FAMILY } from './palette';

/** The bundled basemap's credits in `lang` (shown by the map's attribution control, not by a source). */
export function basemapAttributionFor(lang: Lang): string {
  return t(lang, 'map.credits.basemap');
}

/** The country label field for `lang`. */
export function countryLabelFieldFor(lang: Lang): ['get', string] {
  return ['get', lang === 'uk' ? 'name_uk' : 'name_en'];
}

/** The image drawn at each context town (added by the map wiring with the layer that uses it). */
export const PLACE_DOT_IMAGE = 'place-dot';

/** A town dot: a dark disc with a white ring, `size` device pixels square, as RGBA. */
export function placeDotImage(size = 12): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  const centre = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - centre, y - centre);
      const alpha = Math.max(0, Math.min(1, size / 2 - r));
      const ink = r < size / 2 - 2.5 ? 90 : 255;
      data.set([ink, ink - 5, ink - 10, Math.round(alpha * 255)], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

// The feature of a clipped land file that is its extent, not land (src/basemap/basemap-files.ts).
const isExtent: ExpressionSpecification = ['==', ['get', 'extent'], true];

// Shown from the feature's `minzoom` (an integer: MapLibre evaluates zoom in filters at integer zooms).
const fromMinZoom: ExpressionSpecification = ['<=', ['get', 'minzoom'], ['zoom']];
const inZoomBand: ExpressionSpecification = ['all', fromMinZoom, ['>', ['get', 'maxzoom'], ['zoom']]];

/** Basemap layers, drawn under the story. */
export function basemapLayers(lang: Lang, withDetail = true): LayerSpecification[] {
  const land = (id: string, zoom: { minzoom?: number; maxzoom?: number }): LayerSpecification => ({
    id,
    type: 'fill',
    source: id,
    ...zoom,
    filter: ['!', isExtent],
    paint: { 'fill-color': BASEMAP_COLORS.land },
  });
  // The sea of a clipped land file: its extent feature (src/basemap/basemap-files.ts), drawn from the same source as
  // its land, so both arrive with the same tile.
  const seaOf = (id: string, source: string, zoom: { minzoom: number }): LayerSpecification => ({
    id,
    type: 'fill',
    source,
    ...zoom,
    filter: isExtent,
    paint: { 'fill-color': BASEMAP_COLORS.sea },
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
  const countryLabels = (id: string, source: string, filter?: ExpressionSpecification): LayerSpecification => ({
    id,
    type: 'symbol',
    source,
    ...(filter ? { filter } : {}),
    layout: {
      'text-field': countryLabelFieldFor(lang),
      'text-font': [FONT_FAMILY],
      'text-size': ['interpolate', ['linear'], ['zoom'], 1, 10, 4, 13, 7, 16],
      'text-transform': 'uppercase',
      'text-letter-spacing': 0.08,
      'text-max-width': 7,
      // An area's name may sit a little off its point where a town or the story's labels take the point.
      'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
      'text-radial-offset': 1,
      'symbol-sort-key': ['get', 'rank'],
    },
    paint: {
      'text-color': BASEMAP_COLORS.label,
      'text-halo-color': BASEMAP_COLORS.halo,
      'text-halo-width': 1.2,
    },
  });
  const layers: LayerSpecification[] = [
    { id: 'sea', type: 'background', paint: { 'background-color': BASEMAP_COLORS.sea } },
    // The world view's land stays under the detailed files at every zoom: each of those paints its own sea over it,
    // tile by tile, so it shows only where a detailed tile has not arrived yet (issue #15).
    land('land-low', {}),
    seaOf('land-outside-sea', 'land-outside', { minzoom: DETAIL_ZOOM }),
    land('land-outside', { minzoom: DETAIL_ZOOM }),
    seaOf('land-high-sea', 'land-high', { minzoom: DETAIL_ZOOM }),
    land('land-high', { minzoom: DETAIL_ZOOM }),
    borders('borders-low', { maxzoom: DETAIL_ZOOM }),
    borders('borders-outside', { minzoom: DETAIL_ZOOM }),
    borders('borders-high', { minzoom: DETAIL_ZOOM }),
    // The close-up windows: sea over the detailed land and borders, then the unsimplified coast and borders.
    seaOf('window-sea', 'land-window', { minzoom: WINDOW_ZOOM }),
    land('land-window', { minzoom: WINDOW_ZOOM }),
    borders('borders-window', { minzoom: WINDOW_ZOOM }),
    countryLabels('country-labels', 'labels'),
    countryLabels('country-labels-detail', 'labels-detail', inZoomBand),
    // MapLibre places the upper layer's labels first: towns, then seas (few, and no other label names the water),
    // then countries.
    {
      id: 'sea-labels',
      type: 'symbol',
      source: 'seas',
      filter: inZoomBand,
      layout: {
        'text-field': countryLabelFieldFor(lang),
        'text-font': [FONT_FAMILY],
        'text-size': ['interpolate', ['linear'], ['zoom'], 2, 11, 6, 14, 9, 16],
        'text-letter-spacing': 0.12,
        'text-max-width': 6,
        // Where the story's labels cover the point, the name may sit beside it, still on the water.
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.6,
      },
      paint: { 'text-color': BASEMAP_COLORS.water, 'text-halo-color': BASEMAP_COLORS.sea, 'text-halo-width': 1 },
    },
    {
      id: 'place-labels',
      type: 'symbol',
      source: 'places',
      filter: fromMinZoom,
      layout: {
        'icon-image': PLACE_DOT_IMAGE,
        'text-field': countryLabelFieldFor(lang),
        'text-font': [FONT_FAMILY],
        'text-size': ['interpolate', ['linear'], ['zoom'], 3, 11, 8, 13],
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.55,
        'text-justify': 'auto',
        'text-max-width': 8,
        'symbol-sort-key': ['get', 'sort'],
      },
      paint: { 'text-color': BASEMAP_COLORS.place, 'text-halo-color': BASEMAP_COLORS.halo, 'text-halo-width': 1.2 },
    },
  ];
  return withDetail ? layers : layers.filter((l) => !isLazyLayer(l));
}

/** Whether a layer draws one of the sources added lazily (detailed or close-up). */
function isLazyLayer(layer: LayerSpecification): boolean {
  return isDetailLayer(layer) || isWindowLayer(layer);
}

function isDetailLayer(layer: LayerSpecification): boolean {
  const detail: readonly string[] = [...DETAIL_SOURCES, ...DETAIL_LABEL_SOURCES];
  return 'source' in layer && detail.includes(layer.source as string);
}

function isWindowLayer(layer: LayerSpecification): boolean {
  const window: readonly string[] = WINDOW_SOURCES;
  return 'source' in layer && window.includes(layer.source as string);
}

/** The layers of the detailed sources and labels, in drawing order (added with their sources near DETAIL_ZOOM). */
export function detailLayers(lang: Lang): LayerSpecification[] {
  return basemapLayers(lang).filter(isDetailLayer);
}

/** The layers of the close-up windows, in drawing order (added with their sources near WINDOW_ZOOM). */
export function windowLayers(lang: Lang): LayerSpecification[] {
  return basemapLayers(lang).filter(isWindowLayer);
}

/**
 * `style` with the data of the first view's sources given inline where `data` has it (the rest keep their URLs).
 * Data given inline reaches MapLibre's worker with the style, so it is not fetched again after the style loads.
 */
export function withInlineBasemap(
  style: StyleSpecification,
  data: Partial<Record<FirstViewSource, unknown>>,
): StyleSpecification {
  const sources = { ...style.sources };
  for (const id of FIRST_VIEW_SOURCES) {
    const source = sources[id];
    if (source?.type === 'geojson' && data[id] !== undefined) {
      sources[id] = { ...source, data: data[id] as GeoJSONSourceSpecification['data'] };
    }
  }
  return { ...style, sources };
}

/** The whole bundled basemap style (story sources and layers are added on top by the map wiring). */
export function basemapStyle(lang: Lang, urls: BasemapUrls, withDetail = false): StyleSpecification {
  const geojson = (data: string, attribution?: string) =>
    ({ type: 'geojson', data, ...(attribution ? { attribution } : {}) }) as const;
  const lazy = withDetail ? { ...detailSourcesFor(urls), ...windowSourcesFor(urls) } : {};
  return {
    version: 8,
    // Paint changes apply at once. MapLibre's default eases them over 300 ms, drawing a frame each time: three
    // extra frames while the map loaded (before any data had arrived), and after every time step or layer change.
    transition: { duration: 0, delay: 0 },
    sources: {
      // Cut into tiles at zoom 1 only (the story region is one tile), drawn enlarged beyond: the tile under a view
      // after a pan or a jump is the one already loaded. The tolerance keeps the simplification of zoom 3 tiles.
      'land-low': { ...geojson(urls.landLow), maxzoom: 1, tolerance: 0.375 / 4 },
      'borders-low': geojson(urls.bordersLow),
      labels: geojson(urls.labels),
      seas: geojson(urls.seas),
      ...lazy,
    },
    layers: basemapLayers(lang, withDetail),
  };
}
