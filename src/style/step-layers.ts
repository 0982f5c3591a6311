/** The layers a story step draws on top of the story (what src/story/step-visuals.ts computes). */
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { FONT_FAMILY, STORY_COLORS } from './palette';

/** The source of what a story step draws on top (src/story/step-visuals.ts). */
export const STEP_SOURCE = 'story-step';

/**
 * The layers of a step's own drawing: the nearest-border line (dashed, dark), its end, the marks (a ring for
 * containers, a dot for a ship) and every label. Labels are always drawn: the step's text names them.
 */
export function stepLayerSpecs(): LayerSpecification[] {
  const role: ExpressionSpecification = ['get', 'role'];
  return [
    {
      id: 'story-step-line',
      type: 'line',
      source: STEP_SOURCE,
      filter: ['==', role, 'border-line'] as FilterSpecification,
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': '#1a1a1a', 'line-width': 2.5, 'line-dasharray': [1, 1.5] },
    },
    {
      id: 'story-step-ring',
      type: 'circle',
      source: STEP_SOURCE,
      filter: ['in', role, ['literal', ['containers', 'border-end', 'stop']]] as FilterSpecification,
      paint: {
        'circle-radius': ['match', role, 'containers', 14, 'stop', 5, 4] as never,
        'circle-color': [
          'match',
          role,
          'containers',
          'rgba(0,0,0,0)',
          'stop',
          STORY_COLORS['kim-train'],
          '#1a1a1a',
        ] as never,
        'circle-stroke-color': ['match', role, 'containers', STORY_COLORS.ports, '#ffffff'] as never,
        'circle-stroke-width': ['match', role, 'containers', 3, 1.5] as never,
      },
    },
    {
      id: 'story-step-dot',
      type: 'circle',
      source: STEP_SOURCE,
      filter: ['==', role, 'ship'] as FilterSpecification,
      paint: {
        'circle-radius': 7,
        'circle-color': STORY_COLORS['vessel-routes'],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2.5,
      },
    },
    {
      id: 'story-step-label',
      type: 'symbol',
      source: STEP_SOURCE,
      filter: ['!=', role, 'border-line'] as FilterSpecification,
      layout: {
        'text-field': ['get', 'text'] as never,
        'text-font': [FONT_FAMILY],
        'text-size': 13,
        'text-max-width': 14,
        'text-variable-anchor': ['bottom-left', 'top-left', 'left', 'right', 'bottom', 'top'],
        'text-radial-offset': 1.2,
        'text-justify': 'auto',
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#1a1a1a', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    },
  ];
}
