/**
 * The validating boundary for the story's time: `geo/events.json` (dated, attributed events) and `geo/steps.json`
 * (the guided story). Like parse-story, it never throws, keeps what is valid and names the file, the item and what
 * was expected; references to features, events and quotes that do not exist are errors too.
 */
import { STRINGS } from '../i18n/strings';
import { bilingualProblem, type DataError, isObject, isText } from './parse-story';
import { SLUG } from './slug';
import { resolveSources, type SourceLedger } from './sources';
import { storySources } from './story-sources';
import { dayOf, dayRangeOf, daysOf, type StoryEvent, type StoryStep, type Timeline } from './timeline';
import { type Source, STORY_LAYERS, type StoryLayerId } from './types';

type Json = unknown;

/** A key event's label on the time control: short enough to sit beside its tick. */
const KEY_LABEL_MAX = 24;

function idsProblem(value: Json, field: string, known: ReadonlySet<string>, what: string): string | undefined {
  if (!Array.isArray(value) || value.length === 0 || !value.every(isText)) return `${field} as a non-empty list of ids`;
  const unknown = value.find((id) => !known.has(id));
  return unknown === undefined ? undefined : `${field} naming known ${what} (no ${unknown})`;
}

function eventProblem(
  e: Record<string, Json>,
  range: [number, number],
  featureIds: ReadonlySet<string>,
  ledger: SourceLedger,
) {
  if (typeof e.id !== 'string' || !SLUG.test(e.id)) return 'id as a lower-case slug';
  const start = typeof e.start === 'string' ? dayOf(e.start) : undefined;
  if (start === undefined) return 'start as a calendar date YYYY-MM-DD';
  const end = e.end === undefined ? start : typeof e.end === 'string' ? dayOf(e.end) : undefined;
  if (end === undefined) return 'end as a calendar date YYYY-MM-DD';
  if (end < start) return 'end on or after start';
  if (start < range[0] || end > range[1]) return 'dates inside the timeline';
  if (e.precision !== 'day' && e.precision !== 'approximate') return 'precision, one of day, approximate';
  for (const stem of ['title', 'text', 'by']) {
    const problem = bilingualProblem(e, stem, '');
    if (problem) return problem;
  }
  const key = bilingualProblem(e, 'key', '', true);
  if (key) return key;
  if ([e.key_uk, e.key_en].some((k) => typeof k === 'string' && k.length > KEY_LABEL_MAX)) {
    return `key_uk and key_en of at most ${KEY_LABEL_MAX} characters (a label on the time control)`;
  }
  const features = idsProblem(e.features, 'features', featureIds, 'features');
  if (features) return features;
  if (e.part_of !== undefined && !isText(e.part_of)) return 'part_of as an event id';
  return resolveSources(e.sources, 'sources', ledger).problem;
}

/**
 * Checks `geo/events.json` (already JSON-parsed) against the feature ids it may name, resolving its source ids against
 * the ledger (`geo/sources.json` unless given). Never throws.
 */
export function parseTimeline(
  file: string,
  value: Json,
  featureIds: ReadonlySet<string>,
  ledger: SourceLedger = storySources(),
): { timeline: Timeline | undefined; errors: DataError[] } {
  if (!isObject(value) || !isObject(value.timeline) || !Array.isArray(value.events)) {
    return { timeline: undefined, errors: [{ file, message: 'expected { timeline: { start, end }, events: [...] }' }] };
  }
  const { start, end } = value.timeline;
  const range = [
    typeof start === 'string' ? dayOf(start) : undefined,
    typeof end === 'string' ? dayOf(end) : undefined,
  ];
  if (range[0] === undefined || range[1] === undefined || range[1] <= range[0]) {
    return {
      timeline: undefined,
      errors: [{ file, message: 'expected timeline.start before timeline.end, as YYYY-MM-DD' }],
    };
  }
  const errors: DataError[] = [];
  const events: StoryEvent[] = [];
  value.events.forEach((e: Json, index: number) => {
    const label = isObject(e) && typeof e.id === 'string' ? e.id.slice(0, 64) : `#${index}`;
    const problem = isObject(e) ? eventProblem(e, range as [number, number], featureIds, ledger) : 'an event object';
    if (problem) errors.push({ file, feature: label, message: `expected ${problem}` });
    else if (events.some((x) => x.id === label)) errors.push({ file, feature: label, message: 'expected a unique id' });
    else {
      const sources = resolveSources((e as { sources: Json }).sources, 'sources', ledger).sources as Source[];
      events.push({ ...(e as unknown as StoryEvent), sources });
    }
  });
  for (const e of events.filter((x) => x.part_of !== undefined)) {
    const journey = events.find((x) => x.id === e.part_of);
    const [a, b] = daysOf(e);
    if (!journey || a < daysOf(journey)[0] || b > daysOf(journey)[1]) {
      errors.push({ file, feature: e.id, message: `expected part_of naming an event whose days include it` });
    }
  }
  return { timeline: { start: start as string, end: end as string, events }, errors };
}

/** Checks `geo/steps.json` against the features, events, layers and quotes it may name. Never throws. */
export function parseSteps(
  file: string,
  value: Json,
  known: {
    features: ReadonlySet<string>;
    events: ReadonlySet<string>;
    quotes: ReadonlySet<string>;
    timeline: Timeline;
  },
): { steps: StoryStep[]; errors: DataError[] } {
  if (!isObject(value) || !Array.isArray(value.steps)) {
    return { steps: [], errors: [{ file, message: 'expected { steps: [...] }' }] };
  }
  const [first, last] = dayRangeOf(known.timeline);
  const errors: DataError[] = [];
  const steps: StoryStep[] = [];
  value.steps.forEach((s: Json, index: number) => {
    const label = isObject(s) && typeof s.id === 'string' ? s.id.slice(0, 64) : `#${index}`;
    const problem = isObject(s) ? stepProblem(s, known, [first, last]) : 'a step object';
    if (problem) errors.push({ file, feature: label, message: `expected ${problem}` });
    else steps.push(s as unknown as StoryStep);
  });
  return { steps, errors };
}

function stepProblem(
  s: Record<string, Json>,
  known: { features: ReadonlySet<string>; events: ReadonlySet<string>; quotes: ReadonlySet<string> },
  range: [number, number],
): string | undefined {
  if (typeof s.id !== 'string' || !SLUG.test(s.id)) return 'id as a lower-case slug';
  const day = typeof s.date === 'string' ? dayOf(s.date) : undefined;
  if (day === undefined || day < range[0] || day > range[1]) return 'date as a day inside the timeline';
  for (const stem of ['title', 'text']) {
    const problem = bilingualProblem(s, stem, '');
    if (problem) return problem;
  }
  return (
    idsProblem(s.features, 'features', known.features, 'features') ??
    idsProblem(s.layers, 'layers', new Set<string>(STORY_LAYERS satisfies readonly StoryLayerId[]), 'layers') ??
    (Array.isArray(s.quotes) && s.quotes.length === 0
      ? undefined
      : idsProblem(s.quotes, 'quotes', known.quotes, 'quotes')) ??
    idsProblem(s.events, 'events', known.events, 'events') ??
    (s.distances_of === undefined || (isText(s.distances_of) && known.features.has(s.distances_of))
      ? undefined
      : 'distances_of naming a known feature') ??
    visualProblem(s.visual, known.features)
  );
}

/** A step's `visual` (src/story/step-visuals.ts): every feature it names is known, every mark has a known role. */
function visualProblem(visual: Json, features: ReadonlySet<string>): string | undefined {
  if (visual === undefined) return undefined;
  if (!isObject(visual)) return 'visual as an object';
  if (visual.border !== undefined && !(isText(visual.border) && features.has(visual.border)))
    return 'visual.border naming a known feature';
  if (visual.labels !== undefined) {
    const problem = idsProblem(visual.labels, 'visual.labels', features, 'features');
    if (problem) return problem;
  }
  const marks = visual.marks;
  if (marks === undefined) return undefined;
  const ok =
    Array.isArray(marks) &&
    marks.every(
      (m: Json) =>
        isObject(m) &&
        isText(m.at) &&
        features.has(m.at) &&
        (m.role === 'ship' || m.role === 'containers') &&
        isText(m.text) &&
        `step.mark.${m.text}` in STRINGS.en,
    );
  return ok ? undefined : 'visual.marks as { at: a known feature, role: ship or containers, text: a step.mark string }';
}
