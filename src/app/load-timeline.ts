/**
 * Fetches the story's time (`geo/events.json`) and its guided steps (`geo/steps.json`) and passes them through their
 * validating boundary, against the features already loaded. A missing or broken file costs only the timeline or the
 * steps: the map works without them.
 */
import eventsUrl from '../../geo/events.json?url';
import stepsUrl from '../../geo/steps.json?url';
import type { DataError } from '../story/parse-story';
import { parseSteps, parseTimeline } from '../story/parse-timeline';
import { QUOTE_BY_ID } from '../story/quotes';
import type { StoryStep, Timeline } from '../story/timeline';
import { type FetchOptions, fetchJson } from './fetch-json';

/** Loads the timeline and the steps; never rejects, even when a file never answers. `retry` bypasses the HTTP cache. */
export async function loadTimeline(
  featureIds: ReadonlySet<string>,
  fetcher: typeof fetch = fetch,
  options: FetchOptions = {},
): Promise<{ timeline: Timeline | undefined; steps: StoryStep[]; errors: DataError[] }> {
  const [events, steps] = await Promise.all([
    fetchJson('geo/events.json', eventsUrl, fetcher, options),
    fetchJson('geo/steps.json', stepsUrl, fetcher, options),
  ]);
  const errors = [events.error, steps.error].filter((e): e is DataError => e !== undefined);
  const parsed = events.value === undefined ? undefined : parseTimeline('geo/events.json', events.value, featureIds);
  errors.push(...(parsed?.errors ?? []));
  const timeline = parsed?.timeline;
  if (!timeline || steps.value === undefined) return { timeline, steps: [], errors };
  const parsedSteps = parseSteps('geo/steps.json', steps.value, {
    features: featureIds,
    events: new Set(timeline.events.map((e) => e.id)),
    quotes: new Set(QUOTE_BY_ID.keys()),
    timeline,
  });
  return { timeline, steps: parsedSteps.steps, errors: [...errors, ...parsedSteps.errors] };
}
