/**
 * Fetches the story's GeoJSON files (emitted as separate assets by Vite, never inlined) and passes
 * each through the one validating boundary. A missing or malformed file costs only its own layer.
 */
import capitalsUrl from '../../geo/capitals.geojson?url';
import kimTrainUrl from '../../geo/kim-train.geojson?url';
import lavrovFlightUrl from '../../geo/lavrov-flight.geojson?url';
import portsUrl from '../../geo/ports.geojson?url';
import railRouteUrl from '../../geo/rail-route.geojson?url';
import vesselRoutesUrl from '../../geo/vessel-routes.geojson?url';
import { type DataError, dedupeIds, type ParsedLayer, parseStoryLayer } from '../story/parse-story';
import { drawnFeature, type StoryLayerData } from '../story/prepare-story';
import { STORY_LAYERS, type StoryLayerId } from '../story/types';
import { type FetchOptions, fetchJson } from './fetch-json';

export const STORY_FILE_URLS: Record<StoryLayerId, string> = {
  capitals: capitalsUrl,
  ports: portsUrl,
  'vessel-routes': vesselRoutesUrl,
  'rail-route': railRouteUrl,
  'lavrov-flight': lavrovFlightUrl,
  'kim-train': kimTrainUrl,
};

/** The file name shown in error messages for a layer. */
export function fileNameFor(layer: StoryLayerId): string {
  return `geo/${layer}.geojson`;
}

async function fetchLayer(layer: StoryLayerId, fetcher: typeof fetch, options: FetchOptions): Promise<ParsedLayer> {
  const file = fileNameFor(layer);
  const { value, error } = await fetchJson(file, STORY_FILE_URLS[layer], fetcher, options);
  return error ? { features: [], errors: [error] } : parseStoryLayer(file, value);
}

/**
 * Loads every story layer; never rejects, and a file that does not answer in time is an error like any other.
 * `retry` bypasses the HTTP cache, so a file that came back broken is fetched again (the data-error message's Retry).
 */
export async function loadStory(
  fetcher: typeof fetch = fetch,
  options: FetchOptions = {},
): Promise<{ layers: StoryLayerData[]; errors: DataError[] }> {
  const parsed = await Promise.all(STORY_LAYERS.map((layer) => fetchLayer(layer, fetcher, options)));
  const files = STORY_LAYERS.map((layer, i) => ({ file: fileNameFor(layer), parsed: parsed[i]! }));
  const duplicateErrors = dedupeIds(files);
  return {
    layers: STORY_LAYERS.map((id, i) => ({ id, features: parsed[i]!.features.map(drawnFeature) })),
    errors: [...parsed.flatMap((p) => p.errors), ...duplicateErrors],
  };
}
