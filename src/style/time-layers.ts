/**
 * The map at a chosen day, as pure functions: how opaque each story feature is for its phase (not begun: faded;
 * happening: full; over: muted), and the layers of the moving points (the illustrative ship, Kim's train, the
 * containers arriving at the depot), labelled in the reader's language.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { type Lang, t } from '../i18n/strings';
import type { Phase } from '../story/timeline';
import { FONT_FAMILY, STORY_COLORS } from './palette';

export const MOVING_SOURCE = 'story-moving';
export const MOVING_LAYERS = ['story-moving-ring', 'story-moving-dot', 'story-moving-label'] as const;

/** Opacity per phase: what has not happened yet is barely there, what is over steps back. */
export const PHASE_OPACITY: Record<Exclude<Phase, 'timeless'>, number> = { before: 0.12, active: 1, after: 0.4 };
/** Features no event names (context such as Tikhoretsk town) stay readable but quiet while a day is chosen. */
const TIMELESS_OPACITY = 0.7;

/** The opacity of each story feature (by its promoted `id`) on a day; 1 for every feature when all time is shown. */
export function phaseOpacity(phases: ReadonlyMap<string, Phase> | undefined): ExpressionSpecification | number {
  if (!phases) return 1;
  const ids = (phase: Exclude<Phase, 'timeless'>) => [...phases].filter(([, p]) => p === phase).map(([id]) => id);
  const branches: (string[] | number)[] = [];
  for (const phase of ['before', 'active', 'after'] as const) {
    const list = ids(phase);
    if (list.length > 0) branches.push(list, PHASE_OPACITY[phase]);
  }
  if (branches.length === 0) return TIMELESS_OPACITY;
  return ['match', ['get', 'id'], ...branches, TIMELESS_OPACITY] as unknown as ExpressionSpecification;
}

/** Kinds that are places, not events: they keep full contrast on every day (only events and routes fade). */
export const PLACE_KINDS = [
  'capital',
  'airport',
  'port',
  'naval-facility',
  'ammunition-depot',
  'rail-junction',
] as const;

/**
 * The opacity of a story layer's parts on a day: lines and arrows follow their phase; points and labels too, except
 * places, which stay at full strength so their names stay legible.
 */
export function storyOpacityFor(
  type: LayerSpecification['type'],
  id: string,
  opacity: ExpressionSpecification | number,
): ExpressionSpecification | number {
  const point = type === 'circle' || (type === 'symbol' && !id.endsWith('-arrows'));
  if (!point || opacity === 1) return opacity;
  return ['case', ['in', ['get', 'kind'], ['literal', PLACE_KINDS]], 1, opacity] as ExpressionSpecification;
}

/** Paint properties that carry a story layer's opacity, by layer type. */
export function opacityPropertiesFor(type: LayerSpecification['type'], id: string): string[] {
  if (type === 'line') return ['line-opacity'];
  if (type === 'circle') return ['circle-opacity', 'circle-stroke-opacity'];
  if (type === 'symbol') return id.endsWith('-arrows') ? ['icon-opacity'] : ['text-opacity'];
  return [];
}

/** The moving points' layers: a ring for arriving containers, a dot for the ship and the train, and their labels. */
export function movingLayerSpecs(lang: Lang): LayerSpecification[] {
  const role: ExpressionSpecification = ['get', 'role'];
  return [
    {
      id: MOVING_LAYERS[0],
      type: 'circle',
      source: MOVING_SOURCE,
      filter: ['==', role, 'containers'],
      paint: {
        'circle-radius': 15,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': STORY_COLORS.ports,
        'circle-stroke-width': 3,
      },
    },
    {
      id: MOVING_LAYERS[1],
      type: 'circle',
      source: MOVING_SOURCE,
      filter: ['in', role, ['literal', ['ship', 'train']]],
      paint: {
        'circle-radius': 7,
        'circle-color': ['match', role, 'ship', STORY_COLORS['vessel-routes'], STORY_COLORS['kim-train']] as never,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2.5,
      },
    },
    {
      id: MOVING_LAYERS[2],
      type: 'symbol',
      source: MOVING_SOURCE,
      layout: {
        'text-field': [
          'match',
          role,
          'ship',
          t(lang, 'time.ship'),
          'train',
          t(lang, 'time.train'),
          t(lang, 'time.containers'),
        ] as never,
        'text-font': [FONT_FAMILY],
        'text-size': 12,
        'text-anchor': 'top',
        'text-offset': [0, 1.2],
        'text-max-width': 12,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#1a1a1a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
    },
  ];
}

/**
 * `base` with the moving points' source (empty until a day is chosen) and layers on top, so they are part of the first
 * style: added once it has loaded, they changed the style again and cost the first view a frame.
 */
export function withMoving(base: StyleSpecification, lang: Lang): StyleSpecification {
  return {
    ...base,
    sources: {
      ...base.sources,
      [MOVING_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [...base.layers, ...movingLayerSpecs(lang)],
  };
}
