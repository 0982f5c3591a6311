/**
 * Fetches the story's time (`geo/events.json`) and its guided steps (`geo/steps.json`) and passes them through their
 * validating boundary, against the features already loaded. A missing or broken file costs only the timeline or the
 * steps: the map works without them.
 */
import eventsUrl from '../../geo/events.json?url';
import observationsUrl from '../../geo/observations.json?url';
import stepsUrl from '../../geo/steps.json?url';
import { parseObservations } from '../story/observations';
import type { DataError } from '../story/parse-story';
import { parseSteps, parseTimeline } from '../story/parse-timeline';
import { QUOTE_BY_ID } from '../story/quotes';
import { dayRangeOf, type StoryStep, type Timeline } from '../story/timeline';
import { type FetchOptions, fetchJson } from './fetch-json';

/** Loads the timeline and the steps; never rejects, even when a file never answers. `retry` bypasses the HTTP cache. */
export async function loadTimeline(
  featureIds: ReadonlySet<string>,
  fetcher: typeof fetch = fetch,
  options: FetchOptions = {},
): Promise<{ timeline: Timeline | undefined; steps: StoryStep[]; errors: DataError[] }> {
  const [events, steps, seen] = await Promise.all([
    fetchJson('geo/events.json', eventsUrl, fetcher, options),
    fetchJson('geo/steps.json', stepsUrl, fetcher, options),
    fetchJson('geo/observations.json', observationsUrl, fetcher, options),
  ]);
  const errors = [events.error, steps.error, seen.error].filter((e): e is DataError => e !== undefined);
  const parsed = events.value === undefined ? undefined : parseTimeline('geo/events.json', events.value, featureIds);
  errors.push(...(parsed?.errors ?? []));
  let timeline = parsed?.timeline;
  // The satellite images, checked against the timeline's days: a broken file costs only their ticks.
  if (timeline && seen.value !== undefined) {
    const observed = parseObservations('geo/observations.json', seen.value, {
      range: dayRangeOf(timeline),
      features: featureIds,
    });
    errors.push(...observed.errors);
    timeline = { ...timeline, observations: observed.observations };
  }
  if (!timeline || steps.value === undefined) return { timeline, steps: [], errors };
  const parsedSteps = parseSteps('geo/steps.json', steps.value, {
    features: featureIds,
    events: new Set(timeline.events.map((e) => e.id)),
    quotes: new Set(QUOTE_BY_ID.keys()),
    timeline,
  });
  return { timeline, steps: parsedSteps.steps, errors: [...errors, ...parsedSteps.errors] };
}
