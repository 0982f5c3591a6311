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
  trips: '#009E73',
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
