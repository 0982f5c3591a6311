/**
 * Colours: the story layers use the Okabe–Ito colour-blind-safe palette (one hue per layer,
 * each also told apart by shape or dash); the basemap stays pale so the story reads first.
 */
import type { StoryLayerId } from '../story/types';

export const STORY_COLORS: Record<StoryLayerId, string> = {
  capitals: '#000000',
  ports: '#D55E00',
  'vessel-routes': '#0072B2',
  'rail-route': '#CC79A7',
  // Both journeys are context, in one green; their dashes (STORY_DASHES) tell them apart.
  'lavrov-flight': '#009E73',
  'kim-train': '#009E73',
};

/**
 * How each layer's lines that are not `reported` are dashed, in multiples of the line's width (MapLibre's
 * `line-dasharray`); the legends draw the same patterns. `round`: the dashes have round ends, so a zero-length dash is a
 * dot. Lavrov's flight is long-dashed and Kim Jong Un's train dotted, so the two green journeys read apart.
 */
export const STORY_DASHES: Record<StoryLayerId, { dash: readonly [number, number]; round: boolean }> = {
  capitals: { dash: [2, 1.5], round: false },
  ports: { dash: [2, 1.5], round: false },
  'vessel-routes': { dash: [2, 1.5], round: false },
  'rail-route': { dash: [2, 1.5], round: false },
  'lavrov-flight': { dash: [4, 2], round: false },
  'kim-train': { dash: [0, 2], round: true },
};

export const BASEMAP_COLORS = {
  sea: '#d7e6ee',
  land: '#f6f3ec',
  border: '#a89a8c',
  coast: '#9fb8c6',
  label: '#6b625a',
  place: '#3d3833',
  water: '#4b7791',
  halo: '#ffffff',
} as const;

export const FONT_FAMILY = 'Noto Sans';
