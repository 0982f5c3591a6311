import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  jumpTo,
  openPage,
  renderedFeatureIds,
  screenshot,
  sharedBrowser,
  unexpectedErrors,
  waitForIdle,
  waitForMap,
} from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();

const CASES: { layer: string; id: string; center: [number, number]; zoom: number }[] = [
  { layer: 'capitals', id: 'moscow', center: [37.6178, 55.7517], zoom: 6 },
  { layer: 'capitals', id: 'beijing', center: [116.3875, 39.9033], zoom: 6 },
  { layer: 'capitals', id: 'pyongyang', center: [125.7543, 39.0339], zoom: 6 },
  { layer: 'ports', id: 'rajin-port', center: [130.3, 42.238], zoom: 7 },
  { layer: 'ports', id: 'dunai-port', center: [132.366, 42.899], zoom: 7 },
  { layer: 'ports', id: 'tikhoretsk-depot', center: [40.0424, 45.8884], zoom: 7 },
  { layer: 'vessel-routes', id: 'angara-maria-shuttle', center: [131.4, 42.55], zoom: 6.5 },
  { layer: 'rail-route', id: 'dunai-tikhoretsk-rail', center: [82.9317, 55.0226], zoom: 5 },
  { layer: 'lavrov-flight', id: 'lavrov-trip-oct-2023', center: [120.5, 39.8], zoom: 5 },
  { layer: 'kim-train', id: 'kim-trip-sep-2023', center: [128.8, 48], zoom: 5 },
];

describe('every story layer renders', () => {
  // One page; the camera jumps to each feature in turn.
  let opened: Awaited<ReturnType<typeof openPage>>;
  beforeAll(async () => {
    opened = await openPage(shared.browser, baseUrl);
    await waitForMap(opened.page);
  });
  afterAll(async () => {
    expect(opened.errors).toEqual([]);
    await opened.page.context().close();
  });
  for (const c of CASES) {
    it(`draws ${c.id} (${c.layer}) where it is`, async () => {
      const { page } = opened;
      await jumpTo(page, c.center, c.zoom);
      expect(await renderedFeatureIds(page, c.layer)).toContain(c.id);
      await screenshot(page, `layer-${c.layer}-${c.id}`);
    });
  }
});

describe('a selection in a hidden layer', () => {
  it('is dropped: turning the layer on later opens no popup (#layers=ports&f=moscow)', async () => {
    const { page, errors } = await openPage(shared.browser, baseUrl, '#layers=ports&f=moscow');
    await waitForMap(page);
    await expect.poll(() => page.url()).not.toContain('f=moscow');
    await page.getByRole('checkbox', { name: 'Столиці' }).check();
    await expect.poll(() => page.url()).toContain('layers=capitals,ports');
    await waitForIdle(page);
    expect(await page.locator('.maplibregl-popup').count()).toBe(0);
    expect(page.url()).not.toContain('f=');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('a broken data file', () => {
  it('names the file and what is wrong, and the other layers still render', async () => {
    const { page } = await openPage(shared.browser, 'about:blank');
    await page.route('**/ports-*.geojson', (route) => route.fulfill({ status: 200, body: '{"type":"FeatureColl' }));
    await page.route('**/capitals-*.geojson', async (route) => {
      const response = await route.fetch();
      const data = await response.json();
      data.features[0].geometry.coordinates = [55.75, 137.6]; // swapped lon/lat: latitude out of range
      await route.fulfill({ response, body: JSON.stringify(data) });
    });
    await page.goto(baseUrl);
    await waitForMap(page);
    const alert = await page.locator('.data-errors').innerText();
    expect(alert).toContain('geo/ports.geojson');
    expect(alert).toContain('not valid JSON');
    expect(alert).toContain('geo/capitals.geojson');
    expect(alert).toContain('moscow');
    expect(alert).toMatch(/latitude/);
    const drawn = await renderedFeatureIds(page);
    expect(drawn).toContain('beijing');
    expect(drawn).toContain('angara-maria-shuttle');
    expect(drawn).not.toContain('moscow');
    expect(drawn).not.toContain('rajin-port');
    await screenshot(page, 'broken-data');
    await page.context().close();
  });

  it('still shows a working page when every data file is missing', async () => {
    const { page, errors } = await openPage(shared.browser, 'about:blank');
    await page.route('**/*.geojson', (route) =>
      route.request().url().includes('/basemap/') ? route.continue() : route.fulfill({ status: 404, body: '' }),
    );
    await page.goto(baseUrl);
    await waitForMap(page);
    // One message per story file: capitals, ports, the sea route, the rail route, Lavrov's flight, Kim's train.
    expect(await page.locator('.data-errors li').count()).toBe(6);
    expect(await renderedFeatureIds(page)).toEqual([]);
    expect(unexpectedErrors(errors, /\/assets\/[\w-]+\.geojson$/)).toEqual([]);
    await page.context().close();
  });
});
