/**
 * Story layers as pure functions returning MapLibre layer specifications. The single source of truth
 * for map layer ids: `mapLayerIdsFor(layer)` lists every part of a story layer (lines, arrows, points, labels).
 */

import type {
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import type { Lang } from '../i18n/strings';
import type { StoryLayerData } from '../story/prepare-story';
import { STORY_LAYERS, type StoryLayerId } from '../story/types';
import { FONT_FAMILY, STORY_COLORS, STORY_DASHES } from './palette';
import { labelSides, labelTextFor } from './story-labels';

export type LayerPart = 'line' | 'line-dashed' | 'arrows' | 'circle' | 'label';
const PARTS: readonly LayerPart[] = ['line', 'line-dashed', 'arrows', 'circle', 'label'];

/**
 * The one GeoJSON source of every story layer. One source, not one per layer: MapLibre's worker lays out each
 * source's tiles on their own and the map draws a frame whenever one arrives, so five sources drew the story in
 * pieces over several frames while the map loaded. Each layer's parts pick their features by STORY_LAYER_PROPERTY.
 */
export const STORY_SOURCE = 'story';
/** The property that names a feature's story layer in STORY_SOURCE (added to the data, not stored in geo/). */
export const STORY_LAYER_PROPERTY = 'story_layer';

/** Only the features of `layer`, and of those only the ones `filter` keeps. */
function ofLayer(layer: StoryLayerId, filter: FilterSpecification): FilterSpecification {
  return ['all', ['==', ['get', STORY_LAYER_PROPERTY], layer], filter] as FilterSpecification;
}

/** The map layer id of one part of a story layer. */
export function mapLayerIdFor(layer: StoryLayerId, part: LayerPart): string {
  return `story-${layer}-${part}`;
}

/** Every map layer id that belongs to a story layer, in drawing order. */
export function mapLayerIdsFor(layer: StoryLayerId): string[] {
  return PARTS.map((part) => mapLayerIdFor(layer, part));
}

/** Map layer ids a click or hover can hit (points and lines), most specific (points) first. */
export function clickableLayerIds(): string[] {
  const points = STORY_LAYERS.map((l) => mapLayerIdFor(l, 'circle'));
  const lines = STORY_LAYERS.flatMap((l) => [mapLayerIdFor(l, 'line'), mapLayerIdFor(l, 'line-dashed')]);
  return [...points, ...lines];
}

/** The image id of a layer's direction arrow. */
export function arrowImageIdFor(layer: StoryLayerId): string {
  return `arrow-${layer}`;
}

const isLine: FilterSpecification = ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]];
const isPoint: FilterSpecification = ['==', ['geometry-type'], 'Point'];
const solid: FilterSpecification = ['all', isLine, ['==', ['get', 'confidence'], 'reported']];
const dashed: FilterSpecification = ['all', isLine, ['!=', ['get', 'confidence'], 'reported']];
const hovered = ['boolean', ['feature-state', 'hover'], false] as const;
const chosen = ['boolean', ['feature-state', 'selected'], false] as const;

/** Point radius per kind: the depot and the ports, the story's evidence, stand out. */
const radius = [
  'match',
  ['get', 'kind'],
  'capital',
  6,
  'ammunition-depot',
  7,
  'port',
  6.5,
  'naval-facility',
  6.5,
  4.5,
] as const;

/** Trip stops (Khasan, Vladivostok, …) sit on the ports at a small scale: they show from this zoom on. */
export const TRIP_STOP_MIN_ZOOM = 5;

/**
 * The journeys (Lavrov's flight, Kim Jong Un's train): their stops show only from TRIP_STOP_MIN_ZOOM, and their lines
 * stay thinner than the munitions chain.
 */
export const TRIP_LAYERS: readonly StoryLayerId[] = ['lavrov-flight', 'kim-train'];

/** A layer's line width in px: the munitions chain (sea, rail) leads; the journeys are context. */
export function lineWidthFor(layer: StoryLayerId): number {
  return TRIP_LAYERS.includes(layer) ? 2 : 3.5;
}

/** All map layers of one story layer. `visible` sets their initial visibility. */
export function storyLayerSpecs(layer: StoryLayerId, lang: Lang, visible = true): LayerSpecification[] {
  const source = STORY_SOURCE;
  const color = STORY_COLORS[layer];
  const visibility = visible ? 'visible' : 'none';
  const trip = TRIP_LAYERS.includes(layer);
  const width = lineWidthFor(layer);
  const lineWidth = ['case', ['any', hovered, chosen], width + 2, width] as const;
  const stops = trip ? { minzoom: TRIP_STOP_MIN_ZOOM } : {};
  const { dash, round } = STORY_DASHES[layer];
  return [
    {
      id: mapLayerIdFor(layer, 'line'),
      type: 'line',
      source,
      filter: ofLayer(layer, solid),
      layout: { visibility, 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': color, 'line-width': lineWidth as never },
    },
    {
      id: mapLayerIdFor(layer, 'line-dashed'),
      type: 'line',
      source,
      filter: ofLayer(layer, dashed),
      layout: { visibility, 'line-join': 'round', ...(round ? { 'line-cap': 'round' as const } : {}) },
      paint: { 'line-color': color, 'line-width': lineWidth as never, 'line-dasharray': [...dash] },
    },
    {
      id: mapLayerIdFor(layer, 'arrows'),
      type: 'symbol',
      source,
      filter: ofLayer(layer, isLine),
      layout: {
        visibility,
        'symbol-placement': 'line',
        'symbol-spacing': 90,
        'icon-image': arrowImageIdFor(layer),
        'icon-size': trip ? 0.7 : 0.9,
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'icon-rotation-alignment': 'map',
      },
    },
    {
      id: mapLayerIdFor(layer, 'circle'),
      type: 'circle',
      source,
      filter: ofLayer(layer, isPoint),
      ...stops,
      layout: { visibility },
      paint: {
        'circle-color': color,
        'circle-radius': ['case', ['any', hovered, chosen], ['+', radius, 2.5], radius] as never,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': ['case', chosen, 3, 1.5] as never,
      },
    },
    {
      id: mapLayerIdFor(layer, 'label'),
      type: 'symbol',
      source,
      filter: ofLayer(layer, isPoint),
      ...stops,
      layout: {
        visibility,
        'text-field': labelTextFor(lang),
        'text-font': [FONT_FAMILY],
        'text-size': ['match', ['get', 'kind'], 'capital', 15, 13] as never,
        'text-variable-anchor-offset': labelSides(),
        'text-justify': 'auto',
        'text-max-width': 9,
        'symbol-sort-key': [
          'match',
          ['get', 'kind'],
          'capital',
          0,
          ['ammunition-depot', 'port', 'naval-facility'],
          1,
          2,
        ] as never,
      },
      paint: {
        'text-color': '#1a1a1a',
        'text-halo-color': '#ffffff',
        'text-halo-width': 1.6,
      },
    },
  ];
}

/**
 * The order story layers draw in, bottom first: the two journeys under everything, the munitions chain (sea, rail, the
 * ports and the depot) on top, so it leads the eye and a click on a port's dot picks the port, not a trip stop under it
 * (MapLibre returns the topmost feature first).
 */
export const DRAW_ORDER: readonly StoryLayerId[] = [
  'lavrov-flight',
  'kim-train',
  'capitals',
  'vessel-routes',
  'rail-route',
  'ports',
];

/** Every story layer's specs, in drawing order (later layers draw on top). */
export function allStoryLayerSpecs(lang: Lang, visible: readonly StoryLayerId[] = STORY_LAYERS): LayerSpecification[] {
  // Lines first, then points, so a point is never hidden under a route.
  const order = [...DRAW_ORDER, ...STORY_LAYERS.filter((l) => !DRAW_ORDER.includes(l))];
  const specs = order.map((l) => storyLayerSpecs(l, lang, visible.includes(l)));
  const lineParts = specs.flatMap((s) => s.filter((l) => l.type === 'line' || l.id.endsWith('-arrows')));
  const pointParts = specs.flatMap((s) => s.filter((l) => l.type === 'circle'));
  // MapLibre places the topmost layer's labels first: the capitals' names go on top, so that where the names crowd
  // (a phone's first view) Pyongyang's is drawn before the ports' beside it.
  const labelParts = [
    ...specs.filter((_, i) => order[i] !== 'capitals'),
    ...specs.filter((_, i) => order[i] === 'capitals'),
  ].flatMap((s) => s.filter((l) => l.id.endsWith('-label')));
  return [...lineParts, ...pointParts, ...labelParts];
}

/** Every story layer's features in one collection, each marked with its layer (STORY_LAYER_PROPERTY). */
export function storyData(layers: readonly StoryLayerData[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: STORY_LAYERS.flatMap((id) =>
      (layers.find((l) => l.id === id)?.features ?? []).map((f) => ({
        ...f,
        properties: { ...f.properties, [STORY_LAYER_PROPERTY]: id },
      })),
    ),
  };
}

/** The story's GeoJSON source, with its data inline, keyed by source id. `promoteId` makes `id` the feature id. */
export function storySources(layers: readonly StoryLayerData[]): Record<string, GeoJSONSourceSpecification> {
  return { [STORY_SOURCE]: { type: 'geojson', data: storyData(layers), promoteId: 'id' } };
}

/** `base` with the story's sources and layers on top, so the first frame draws everything at once. */
export function withStory(
  base: StyleSpecification,
  layers: readonly StoryLayerData[],
  lang: Lang,
  visible: readonly StoryLayerId[],
): StyleSpecification {
  return {
    ...base,
    sources: { ...base.sources, ...storySources(layers) },
    layers: [...base.layers, ...allStoryLayerSpecs(lang, visible)],
  };
}
