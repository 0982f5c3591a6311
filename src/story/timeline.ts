/**
 * The story in time: dated events (`geo/events.json`) and what the map shows on a given day. Pure: dates are ISO
 * strings (`YYYY-MM-DD`, UTC days), days are whole numbers counted from 1970-01-01.
 */

import { along, length } from '@turf/turf';
import type { Feature, LineString, Position } from 'geojson';
import type { Observation } from './observations';
import type { Source, StoryLayerId } from './types';

/** A reported event: when (a day or a range of days), how sure the date is, who reports it, and where. */
export interface StoryEvent {
  id: string;
  /** First day, `YYYY-MM-DD`. */
  start: string;
  /** Last day, `YYYY-MM-DD`; absent for a one-day event. */
  end?: string;
  /** `day`: the sources give the day; `approximate`: they give "mid-August" or "end of September" and we chose a day. */
  precision: 'day' | 'approximate';
  title_uk: string;
  title_en: string;
  /** A key event's short label, written beside its tick on the time control (at most 24 characters). */
  key_uk?: string;
  key_en?: string;
  /** One to three sentences, each claim attributed. */
  text_uk: string;
  text_en: string;
  /** Who reports it, in each language. */
  by_uk: string;
  by_en: string;
  /** The story features it concerns. */
  features: string[];
  /** For a stop of a journey: the id of the journey's event (Kim's train stops belong to `kim-train`). */
  part_of?: string;
  sources: Source[];
}

export interface Timeline {
  /** The slider's first and last days. */
  start: string;
  end: string;
  events: StoryEvent[];
  /** What was seen from orbit and when (geo/observations.json), apart from what was reported; none when not loaded. */
  observations?: readonly Observation[];
}

/** One step of the guided story. */
export interface StoryStep {
  id: string;
  /** The day the timeline shows during this step. */
  date: string;
  title_uk: string;
  title_en: string;
  text_uk: string;
  text_en: string;
  /** Features the camera frames. */
  features: string[];
  /** Layers shown during the step. */
  layers: StoryLayerId[];
  /** Ids of the article's sentences that apply (src/story/quotes.ts). */
  quotes: string[];
  /** Events the step tells; their sources are the step's sources. */
  events: string[];
  /** A feature whose computed distances the step shows. */
  distances_of?: string;
  /** What the step draws on top of the story layers (src/story/step-visuals.ts). */
  visual?: StepVisual;
}

/** A step's own drawing: a nearest-border line, names of features, marks of what happened where. */
export interface StepVisual {
  /** A point feature whose nearest-border line to Ukraine is drawn, labelled with its figures. */
  border?: string;
  /** Point features whose names are drawn, whatever the zoom. */
  labels?: string[];
  /** Marks at point features: a role (its symbol) and a label (`step.mark.<text>` in src/i18n/strings.ts). */
  marks?: { at: string; role: 'ship' | 'containers'; text: string }[];
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of an ISO date, or undefined when it is not a real calendar day. */
export function dayOf(iso: string): number | undefined {
  const m = ISO_DAY.exec(iso);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / DAY_MS;
}

/** A parsed timeline's first and last days (days since 1970-01-01): the slider's range. */
export function dayRangeOf(timeline: Pick<Timeline, 'start' | 'end'>): readonly [number, number] {
  return [dayOf(timeline.start)!, dayOf(timeline.end)!];
}

/** The ISO date of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** An event's first and last day numbers. */
export function daysOf(event: StoryEvent): [number, number] {
  const start = dayOf(event.start)!;
  return [start, event.end ? dayOf(event.end)! : start];
}

/** Where a feature stands on a day: its story has not begun, is happening, is over, or it has no date at all. */
export type Phase = 'before' | 'active' | 'after' | 'timeless';

/** The phase of every feature that an event concerns, on `day`; features no event names are `timeless`. */
export function phasesOn(day: number, events: readonly StoryEvent[]): Map<string, Phase> {
  const spans = new Map<string, [number, number][]>();
  for (const event of events) {
    for (const id of event.features) spans.set(id, [...(spans.get(id) ?? []), daysOf(event)]);
  }
  const phases = new Map<string, Phase>();
  for (const [id, list] of spans) {
    if (list.some(([a, b]) => a <= day && day <= b)) phases.set(id, 'active');
    else if (list.every(([a]) => day < a)) phases.set(id, 'before');
    else phases.set(id, 'after');
  }
  return phases;
}

/** The events happening on `day`, in the file's order. */
export function eventsOn(day: number, events: readonly StoryEvent[]): StoryEvent[] {
  return events.filter((e) => {
    const [a, b] = daysOf(e);
    return a <= day && day <= b;
  });
}

/**
 * Where a journey (Kim's train) is on `day`: the feature of its latest stop so far, or `home` before the first stop
 * and on the journey's last day; undefined outside the journey.
 */
export function stopOn(
  day: number,
  journeyId: string,
  home: string,
  events: readonly StoryEvent[],
): string | undefined {
  const journey = events.find((e) => e.id === journeyId);
  if (!journey) return undefined;
  const [first, last] = daysOf(journey);
  if (day < first || day > last) return undefined;
  if (day === last) return home;
  const reached = events
    .filter((e) => e.part_of === journeyId && daysOf(e)[0] <= day)
    .sort((a, b) => daysOf(a)[0] - daysOf(b)[0]);
  return reached.at(-1)?.features[0] ?? home;
}

/** Where an illustrative ship is on its shuttle, and which way it sails. */
export interface ShipPosition {
  position: Position;
  /** Km sailed from the line's start (Rajin) at this moment. */
  km: number;
  /** `out`: along the line (Rajin → Dunai); `back`: against it. */
  leg: 'out' | 'back';
}

/**
 * The illustrative ship's position `elapsedMs` after it left the start of `line`, sailing there and back forever.
 * Its pace follows the passage time: one leg takes `hours × msPerHour`, where `hours` is the line's length at `knots`.
 * An illustration of the reported shuttle, never a tracked position.
 */
export function shipPositionAt(
  line: Feature<LineString> | LineString,
  elapsedMs: number,
  { knots, msPerHour }: { knots: number; msPerHour: number },
): ShipPosition {
  const feature: Feature<LineString> =
    line.type === 'Feature' ? line : { type: 'Feature', properties: {}, geometry: line };
  const km = length(feature, { units: 'kilometers' });
  const legMs = (km / 1.852 / knots) * msPerHour;
  const cycle = 2 * legMs;
  const t = ((elapsedMs % cycle) + cycle) % cycle;
  const out = t < legMs;
  const sailed = out ? (t / legMs) * km : ((cycle - t) / legMs) * km;
  return {
    position: along(feature, sailed, { units: 'kilometers' }).geometry.coordinates,
    km: sailed,
    leg: out ? 'out' : 'back',
  };
}
