/**
 * The world view's basemap files, fetched by the page as soon as it starts, side by side with the map code. When the
 * style is built, the files already here go into it inline, so MapLibre's worker starts laying out tiles at once
 * instead of fetching the files only after the style has loaded. A file not here yet (slow, or failed) stays a URL
 * in the style: the worker fetches it as before, and a failure is reported and retried as before.
 */
import { FIRST_VIEW_SOURCES, type FirstViewSource } from '../style/basemap-sources';
import { fetchJson } from './fetch-json';

export type BasemapPrefetch = () => Partial<Record<FirstViewSource, unknown>>;

/** Starts fetching the first view's basemap files; the returned function gives the ones that have arrived whole. */
export function prefetchBasemap(urls: Record<FirstViewSource, string>, fetcher: typeof fetch): BasemapPrefetch {
  const arrived: Partial<Record<FirstViewSource, unknown>> = {};
  for (const source of FIRST_VIEW_SOURCES) {
    void fetchJson(`basemap/${source}.geojson`, urls[source], fetcher).then(({ value }) => {
      if (isFeatureCollection(value)) arrived[source] = value;
    });
  }
  return () => ({ ...arrived });
}

function isFeatureCollection(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'FeatureCollection' &&
    Array.isArray((value as { features?: unknown }).features)
  );
}
