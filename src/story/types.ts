/**
 * The story's data model: what every feature in `geo/*.geojson` carries.
 * Pure types, shared by the loader, the popups, the URL codec and the tests.
 */
import type { Feature, LineString, MultiLineString, Point } from 'geojson';

/** The toggleable story layers, in the fixed order used by the legend and by `layers=` in the URL. */
export const STORY_LAYERS = ['capitals', 'ports', 'vessel-routes', 'rail-route', 'lavrov-flight', 'kim-train'] as const;
export type StoryLayerId = (typeof STORY_LAYERS)[number];

/** How sure a position or line is: found in a source, estimated (method in `placement_note_*`), or drawn to illustrate. */
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

/**
 * A published source. The publisher is named in each language; the headline is given as published (`title`, in its
 * own language and script) or, where it was not verified, described by us in each language (`about_uk`/`about_en`).
 */
export interface Source {
  publisher_uk: string;
  publisher_en: string;
  /** The headline as published, verbatim, in its own language. */
  title?: string;
  /** The headline's language (BCP 47, e.g. `en`), so screen readers read it in that language. */
  title_lang?: string;
  /** Our description of the item when its headline is not verified. */
  about_uk?: string;
  about_en?: string;
  /** ISO date, `YYYY-MM-DD` (or `YYYY-MM` when only the month is known). */
  date: string;
  url?: string;
}

/** What a reported figure counts: figures of one measure can be compared; different measures never contest. */
export const MEASURES = [
  'distance-to-ukraine',
  'round-trips',
  'ships-calling-rajin',
  'containers-at-najin',
  'containers-nk-to-russia',
] as const;
export type Measure = (typeof MEASURES)[number];

/** A figure two sources disagree on: kept with both values, never one picked silently. */
export const REPORTED_UNITS = ['km', 'containers', 'round-trips', 'ships'] as const;
export type ReportedUnit = (typeof REPORTED_UNITS)[number];
export const QUALIFIERS = ['about', 'at-least', 'more-than'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export interface ReportedFigure {
  /** What is counted; two figures contest each other only when they count the same measure. */
  measure: Measure;
  value: number;
  unit: ReportedUnit;
  /** How the source put it: "roughly 200 km", "at least five", "more than 1,000". Absent: an exact count. */
  qualifier?: Qualifier;
  /** What the number counts and when, in each language, e.g. "called at Rajin, 26 Aug – 14 Oct 2023". */
  what_uk: string;
  what_en: string;
  /** Who says it, in each language, e.g. "Білий дім" / "White House". */
  by_uk: string;
  by_en: string;
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
  /** Required when confidence is `estimated` or `schematic`: how the position or line was placed, in each language. */
  placement_note_uk?: string;
  placement_note_en?: string;
  /** Routes and trips: when it happened, free text in each language. */
  period_uk?: string;
  period_en?: string;
  /** Vessel routes: the ships' names in each language, in the same order, e.g. ["Ангара", "Марія"]. */
  vessels_uk?: string[];
  vessels_en?: string[];
  /** Figures as their sources give them (depot distance to Ukraine, containers, round trips, ships). */
  reported?: ReportedFigure[];
  /** Schematic rail lines: the estimated length of the real track, in km, shown beside the drawn length. */
  track_km_estimate?: number;
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
