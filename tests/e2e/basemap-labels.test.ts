/**
 * Issue #16: a basemap a reader can find their way on. Over both story regions, at zooms 5, 7 and 9, the map draws
 * the labels of the countries, seas and towns in view. Screenshots are saved in test-results/ for a human to look at.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { jumpTo, openPage, screenshot, sharedBrowser, waitForMap } from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();

const LABEL_LAYERS = ['country-labels', 'country-labels-detail', 'sea-labels', 'place-labels'];

interface View {
  name: string;
  center: [number, number];
  zoom: number;
  /** English names of what must be labelled in view: countries, seas and towns. */
  countries: string[];
  seas: string[];
  towns: string[];
}

const VIEWS: View[] = [
  {
    name: 'rajin-dunai-z5',
    center: [131.3, 42.6],
    zoom: 5,
    countries: ['Russia', 'China', 'North Korea'],
    seas: ['Sea of Japan'],
    towns: ['Ussuriysk', 'Chongjin'],
  },
  {
    name: 'rajin-dunai-z7',
    center: [131.3, 42.6],
    zoom: 7,
    countries: ['Russia', 'China', 'North Korea'],
    seas: ['Sea of Japan', 'Peter the Great Gulf'],
    // (Nakhodka is just right of the map since #31's layout gave the map a column beside the text.)
    towns: ['Hunchun', 'Artyom', 'Bolshoy Kamen'],
  },
  {
    name: 'rajin-z9',
    center: [130.3, 42.3],
    zoom: 9,
    countries: ['North Korea'],
    seas: ['Sea of Japan'],
    towns: [],
  },
  {
    name: 'dunai-z9',
    center: [132.37, 42.9],
    zoom: 9,
    countries: ['Russia'],
    seas: ['Peter the Great Gulf'],
    towns: ['Fokino'],
  },
  {
    name: 'tikhoretsk-ukraine-z5',
    center: [38.5, 47],
    zoom: 5,
    countries: ['Russia', 'Ukraine'],
    seas: ['Sea of Azov', 'Black Sea'],
    towns: ['Krasnodar', 'Rostov-on-Don', 'Donetsk'],
  },
  {
    name: 'tikhoretsk-ukraine-z7',
    center: [38.8, 46.6],
    zoom: 7,
    countries: ['Russia', 'Ukraine'],
    seas: ['Sea of Azov'],
    // (Kropotkin is just below the map since #31's layout gave the map a column beside the text.)
    towns: ['Rostov-on-Don', 'Mariupol'],
  },
  {
    name: 'tikhoretsk-z9',
    center: [40.04, 45.89],
    zoom: 9,
    countries: ['Russia'],
    seas: [],
    towns: [],
  },
  {
    name: 'mariupol-z9',
    center: [37.8, 47.15],
    zoom: 9,
    countries: ['Ukraine'],
    seas: ['Sea of Azov'],
    towns: ['Mariupol'],
  },
];

/** English names of the basemap labels MapLibre has placed in view, by kind. */
async function labelsInView(page: Page): Promise<{ countries: string[]; seas: string[]; towns: string[] }> {
  return page.evaluate((layerIds) => {
    const map = (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap;
    const layers = layerIds.filter((id) => map.getLayer(id));
    const canvas = map.getCanvas().getBoundingClientRect();
    // MapLibre also places symbols just beyond the edges; only the labels whose point is on screen count.
    const onScreen = (f: import('maplibre-gl').MapGeoJSONFeature) => {
      if (f.geometry.type !== 'Point') return false;
      const { x, y } = map.project(f.geometry.coordinates as [number, number]);
      return x >= 0 && y >= 0 && x <= canvas.width && y <= canvas.height;
    };
    const names = (ids: string[]) =>
      [
        ...new Set(
          map
            .queryRenderedFeatures({ layers: layers.filter((id) => ids.includes(id)) })
            .filter(onScreen)
            .map((f) => String(f.properties.name_en)),
        ),
      ].sort();
    return {
      countries: names(['country-labels', 'country-labels-detail']),
      seas: names(['sea-labels']),
      towns: names(['place-labels']),
    };
  }, LABEL_LAYERS);
}

describe('labels a reader finds their way by', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openPage(shared.browser, baseUrl, '#layers=rail-route,vessel-routes,ports'));
    await waitForMap(page);
  });
  afterAll(async () => {
    await page.context().close();
  });

  it('first view (the whole story): names the countries and the three seas', async () => {
    const seen = await labelsInView(page);
    await screenshot(page, 'basemap-first-view');
    for (const country of ['Russia', 'China', 'Mongolia', 'Kazakhstan']) expect(seen.countries).toContain(country);
    expect(seen.seas).toEqual(expect.arrayContaining(['Sea of Japan', 'Black Sea', 'Caspian Sea']));
  });

  it.each(VIEWS)('$name: names the countries, seas and towns in view', async (view) => {
    await jumpTo(page, view.center, view.zoom);
    const seen = await labelsInView(page);
    await screenshot(page, `basemap-${view.name}`);
    for (const country of view.countries) expect(seen.countries, view.name).toContain(country);
    for (const sea of view.seas) expect(seen.seas, view.name).toContain(sea);
    for (const town of view.towns) expect(seen.towns, view.name).toContain(town);
  });

  it('loads the close-up coast only near the story’s close-up zooms', async () => {
    const { page: fresh, requests } = await openPage(shared.browser, baseUrl);
    await waitForMap(fresh);
    await jumpTo(fresh, [90, 55], 7);
    expect(requests.filter((url) => url.includes('/basemap/land-window'))).toEqual([]);
    await jumpTo(fresh, [132.37, 42.9], 7);
    expect(requests.filter((url) => url.includes('/basemap/land-window'))).toHaveLength(1);
    await fresh.context().close();
  });

  it('writes the basemap labels in English when the reader switches language', async () => {
    const { page: fresh } = await openPage(shared.browser, baseUrl, '#map=7/42.6/131.3');
    await waitForMap(fresh);
    const fields = () =>
      fresh.evaluate((ids) => {
        const map = (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap;
        return ids.map((id) => JSON.stringify(map.getLayoutProperty(id, 'text-field')));
      }, LABEL_LAYERS);
    expect(await fields()).toEqual(LABEL_LAYERS.map(() => '["get","name_uk"]'));
    await fresh.evaluate(() => {
      window.location.hash = `${window.location.hash}&lang=en`;
    });
    await fresh.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await fields()).toEqual(LABEL_LAYERS.map(() => '["get","name_en"]'));
    await fresh.context().close();
  });
});
