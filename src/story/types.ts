/**
 * The story's data model: what every feature in `geo/*.geojson` carries.
 * Pure types, shared by the loader, the popups, the URL codec and the tests.
 */
import type { Feature, FeatureCollection, LineString, MultiLineString, Point } from 'geojson';

/** The toggleable story layers, in the fixed order used by the legend and by `layers=` in the URL. */
export const STORY_LAYERS = ['capitals', 'ports', 'vessel-routes', 'rail-route', 'trips'] as const;
export type StoryLayerId = (typeof STORY_LAYERS)[number];

/** How sure a position or line is: found in a source, estimated (method in `placement_note`), or drawn to illustrate. */
export const CONFIDENCES = ['reported', 'estimated', 'schematic'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const FEATURE_KINDS = [
  'capital',
  'airport',
  'port',
  'naval-facility',
  'ammunition-depot',
  'rail-junction',
  'visit-site',
  'vessel-route',
  'rail-route',
  'trip',
] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

export interface Source {
  title: string;
  publisher: string;
  /** ISO date, `YYYY-MM-DD` (or `YYYY-MM` when only the month is known). */
  date: string;
  url?: string;
}

/** A figure two sources disagree on: kept with both values, never one picked silently. */
export interface ReportedFigure {
  value: number;
  unit: 'km' | 'containers' | 'round-trips';
  /** How the source put it: "roughly 200 km", "at least five", "more than 1,000". Absent: an exact count. */
  qualifier?: 'about' | 'at-least' | 'more-than';
  /** Who said it, e.g. "RUSI" or "White House". */
  by: string;
  source: Source;
}

export interface StoryProperties {
  /** Stable slug, the same string in GeoJSON, in the URL (`f=`) and in the quote table. */
  id: string;
  name_uk: string;
  name_en: string;
  kind: FeatureKind;
  /** One line on what the feature is, in each language. */
  summary_uk: string;
  summary_en: string;
  sources: Source[];
  confidence: Confidence;
  /** Required when confidence is `estimated` or `schematic`: how the position or line was placed. */
  placement_note?: string;
  /** Routes and trips: when it happened, free text in each language. */
  period_uk?: string;
  period_en?: string;
  /** Vessel routes: the ships, e.g. ["Angara", "Maria"]. */
  vessels?: string[];
  /** Contested or reported figures (depot distance to Ukraine, containers, round trips). */
  reported?: ReportedFigure[];
  /** Trips: draw the legs as great-circle arcs (densified with Turf when loaded). */
  great_circle?: boolean;
  /** Set when loaded, never in the files: a great-circle trip's original waypoints, before densifying. */
  waypoints?: [number, number][];
  /** Lines: ids of the point features at the start and end of the line. */
  from?: string;
  to?: string;
}

export type StoryGeometry = Point | LineString | MultiLineString;
export type StoryFeature = Feature<StoryGeometry, StoryProperties> & { id?: string };
export type StoryCollection = FeatureCollection<StoryGeometry, StoryProperties>;
