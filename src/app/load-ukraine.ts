/**
 * Ukraine's outline from the basemap, for the depot's distance to the border; loaded after the first view, with the
 * code that measures to it. Never rejects: a failure comes back as a DataError naming the file or the code.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Border } from '../story/border-distance';
import type { DataError } from '../story/parse-story';
import { type FetchOptions, fetchJson } from './fetch-json';
import { retryableImport } from './retry-import';

export const UKRAINE_FILE = 'basemap/ukraine.geojson';
/** The name of the lazily loaded code that measures distances to the border, in the data-error message. */
export const BORDER_CODE = 'border-distance.js';

/** The code that measures distances to the border, asked for again by the data-error message's Retry. */
const importBorderCode = retryableImport(() => import('../story/border-distance'));

/** Fetches the outline at `url` (a FeatureCollection of one feature, or a Feature) and makes it a Border. */
export async function loadUkraine(
  url: string,
  fetcher: typeof fetch = fetch,
  options: FetchOptions = {},
  code: () => Promise<typeof import('../story/border-distance')> = importBorderCode,
): Promise<{ border?: Border; error?: DataError }> {
  const { value, error } = await fetchJson(UKRAINE_FILE, url, fetcher, options);
  if (error) return { error };
  const json = value as { type?: string; features?: unknown[] } | null;
  const feature = (json?.type === 'FeatureCollection' ? json.features?.[0] : json) as Feature | undefined;
  const type = feature?.geometry?.type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return { error: { file: UKRAINE_FILE, message: 'expected a Polygon or MultiPolygon feature' } };
  }
  try {
    const { borderOf } = await code();
    return { border: borderOf(feature as Feature<Polygon | MultiPolygon>) };
  } catch {
    return { error: { file: BORDER_CODE, message: 'could not be loaded' } };
  }
}
