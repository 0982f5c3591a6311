import { describe, expect, it } from 'vitest';
import { prefetchBasemap } from '../../src/app/prefetch-basemap';
import { basemapUrlsFor, FIRST_VIEW_SOURCES, type FirstViewSource } from '../../src/style/basemap-sources';
import { basemapStyle, withInlineBasemap } from '../../src/style/basemap-style';

const COLLECTION = { type: 'FeatureCollection', features: [] };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('withInlineBasemap', () => {
  const style = basemapStyle('uk', basemapUrlsFor('https://example.org/'));

  it('puts the data that has arrived into its source and leaves the others as URLs', () => {
    const inlined = withInlineBasemap(style, { 'land-low': COLLECTION });
    expect(inlined.sources['land-low']).toMatchObject({ type: 'geojson', data: COLLECTION, maxzoom: 1 });
    expect(inlined.sources['borders-low']).toEqual(style.sources['borders-low']);
    expect(typeof (inlined.sources.labels as { data: unknown }).data).toBe('string');
  });

  it('leaves the style it was given as it was', () => {
    withInlineBasemap(style, { seas: COLLECTION });
    expect((style.sources.seas as { data: unknown }).data).toBe('https://example.org/basemap/seas.geojson');
  });
});

describe('prefetchBasemap', () => {
  const urlOf = (source: string) => `/basemap/${source}.geojson`;
  const urls = Object.fromEntries(FIRST_VIEW_SOURCES.map((s) => [s, urlOf(s)])) as Record<FirstViewSource, string>;

  it('fetches each first-view file once, at once', () => {
    const asked: string[] = [];
    prefetchBasemap(urls, (async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify(COLLECTION));
    }) as typeof fetch);
    expect(asked).toEqual(FIRST_VIEW_SOURCES.map(urlOf));
  });

  it('gives only the files that arrived whole: not a 404, not broken JSON, not one still on its way', async () => {
    const answers: Record<string, () => Promise<Response>> = {
      '/basemap/land-low.geojson': async () => new Response(JSON.stringify(COLLECTION)),
      // A server's error page with status 200 is JSON, but not a basemap file.
      '/basemap/borders-low.geojson': async () => new Response('{"error":"not found"}'),
      '/basemap/labels.geojson': async () => new Response('{"type":"FeatureColl'),
      '/basemap/seas.geojson': () => new Promise(() => {}),
    };
    const arrived = prefetchBasemap(urls, ((url: string) => answers[url]?.()) as typeof fetch);
    expect(arrived()).toEqual({});
    await settle();
    await settle();
    expect(Object.keys(arrived())).toEqual(['land-low']);
    expect(arrived()['land-low']).toEqual(COLLECTION);
  });

  it('never rejects when the network fails', async () => {
    const arrived = prefetchBasemap(urls, (async () => {
      throw new TypeError('offline');
    }) as typeof fetch);
    await settle();
    expect(Object.keys(arrived())).toEqual([]);
  });

  it('gives nothing for a file answered 404', async () => {
    const arrived = prefetchBasemap(urls, (async () => new Response('missing', { status: 404 })) as typeof fetch);
    await settle();
    await settle();
    expect(Object.keys(arrived())).toEqual([]);
  });
});
