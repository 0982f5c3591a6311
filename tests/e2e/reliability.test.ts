/**
 * Issue #26, in a real browser, where the behaviour is the page's: an open popup through a language switch, a link
 * whose camera is broken, a map that starts before the story answers, an online style that never answers, and the
 * parts that used to fail silently (a first-view basemap file, the time control's code, the Download actions).
 * Held responses, never fixed sleeps. The loaders' timeouts and Retry races are unit tests (tests/unit/).
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  openPage,
  renderedFeatureIds,
  screenshot,
  sharedBrowser,
  unexpectedErrors,
  waitForIdle,
  waitForMap,
} from './browser';

const baseUrl = inject('baseUrl');
const onlineBaseUrl = inject('onlineBaseUrl');
const onlineStyleUrl = inject('onlineStyleUrl');
const shared = sharedBrowser();
const RETRY = 'Спробувати ще раз';

type Hooks = { storyMap: import('maplibre-gl').Map; storyModel: { listOpen: { value: boolean } } };

/** Holds every request matching `pattern` until `release()` (then they go to the server) ; records their URLs. */
async function hold(page: Page, pattern: RegExp) {
  const urls: string[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(pattern, async (route: Route) => {
    urls.push(route.request().url());
    await released;
    await route.continue().catch(() => undefined);
  });
  return { urls, release };
}

/** Answers 404 for `pattern` until `stop()`; records the URLs it broke. */
async function fail404(page: Page, pattern: RegExp) {
  const urls: string[] = [];
  const handler = (route: Route) => {
    urls.push(route.request().url());
    return route.fulfill({ status: 404, body: 'not found' });
  };
  await page.route(pattern, handler);
  return { urls, stop: () => page.unroute(pattern, handler) };
}

describe('a language switch with a popup open (#26 item 1)', () => {
  // The camera does not move. The map may change size: at 1280 px the Ukrainian title takes two lines and the English
  // one, so the header is 33 px shorter in English and the map 33 px taller (MapLibre's resize keeps the centre and
  // zoom, and fires a movestart of its own).
  it('changes its text in place: the same element, the same camera, focus stays on the language button', {
    timeout: 120_000,
  }, async () => {
    const { page, errors } = await openPage(shared.browser, baseUrl);
    await waitForMap(page);
    await page.evaluate(() => {
      (window as unknown as Hooks).storyModel.listOpen.value = true;
    });
    await page.locator('li[data-feature-id="moscow"] .feature-item').click();
    const popup = page.locator('.maplibregl-popup');
    await popup.locator('.feature-details').waitFor();
    await waitForIdle(page);
    await page.evaluate(() => {
      const element = document.querySelector('.maplibregl-popup') as HTMLElement;
      element.dataset.before = 'switch';
      const map = (window as unknown as Hooks).storyMap;
      const camera = () => [map.getCenter().lng, map.getCenter().lat, map.getZoom(), map.getBearing(), map.getPitch()];
      const seen = { before: camera(), starts: 0, moves: 0 };
      (window as unknown as { seen: typeof seen; camera: typeof camera }).seen = seen;
      (window as unknown as { camera: typeof camera }).camera = camera;
      // A resize moves once per movestart; a camera animation (easeTo, flyTo, fitBounds) moves once a frame.
      map.on('movestart', () => {
        seen.starts++;
      });
      map.on('move', () => {
        seen.moves++;
      });
    });
    expect(await popup.locator('.feature-name').innerText()).toMatch(/Москва/);
    await page.locator('.lang-switch').click();
    await expect.poll(() => popup.locator('.feature-name').innerText()).toMatch(/Moscow/);
    await waitForIdle(page);
    expect(await popup.getAttribute('data-before')).toBe('switch');
    expect(await page.locator('.maplibregl-popup').count()).toBe(1);
    const { before, after, starts, moves } = await page.evaluate(() => {
      const w = window as unknown as {
        seen: { before: number[]; starts: number; moves: number };
        camera: () => number[];
      };
      return { before: w.seen.before, after: w.camera(), starts: w.seen.starts, moves: w.seen.moves };
    });
    expect(moves, 'frames of a camera animation').toBeLessThanOrEqual(starts);
    for (const [i, v] of after.entries()) expect(v, 'centre, zoom, bearing, pitch').toBeCloseTo(before[i]!, 6);
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('lang-switch');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('a link with a broken camera (#26 item 6)', () => {
  it('#map=bad&f=moscow frames Moscow, as a link without map= does', async () => {
    const { page, errors } = await openPage(shared.browser, baseUrl, '#map=bad&f=moscow');
    await waitForMap(page);
    await page.locator('.maplibregl-popup .feature-details').waitFor();
    await waitForIdle(page);
    const center = await page.evaluate(() => (window as unknown as Hooks).storyMap.getCenter().toArray());
    // Moscow is at 37.6° E, 55.8° N; the story's overview is centred far to the east of it.
    expect(Math.abs(center[0]! - 37.6)).toBeLessThan(8);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the map does not wait for the story (#26 item 3)', () => {
  it('a story file held: the map and its basemap are there, and the story is drawn once it answers', async () => {
    const { page, errors } = await openPage(shared.browser, 'about:blank');
    const held = await hold(page, /\/assets\/capitals-[\w-]+\.geojson$/);
    await page.goto(baseUrl);
    await page.waitForFunction(() => {
      const map = (window as unknown as Partial<Hooks>).storyMap;
      return map?.getSource('land-low') !== undefined && map.loaded();
    });
    expect(held.urls.length).toBeGreaterThan(0);
    expect(await page.locator('#map').getAttribute('data-map-ready')).toBeNull();
    held.release();
    await waitForMap(page);
    await expect.poll(() => renderedFeatureIds(page, 'capitals').then((ids) => ids.length)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an online style that never answers: the bundled basemap stands in, with the notice', async () => {
    const { page } = await openPage(shared.browser, 'about:blank');
    await hold(page, new RegExp(`^${onlineStyleUrl.replace(/[.?]/g, '\\$&')}`));
    await page.goto(onlineBaseUrl);
    await waitForMap(page, 30_000);
    expect(await page.locator('.notices').innerText()).toContain('Онлайнову базову карту не вдалося завантажити');
    expect(await page.evaluate(() => (window as unknown as Hooks).storyMap.getSource('land-low') !== undefined)).toBe(
      true,
    );
    expect((await renderedFeatureIds(page)).length).toBeGreaterThan(0);
    await screenshot(page, 'reliability-online-style-silent');
    await page.context().close();
  });
});

describe('parts that failed silently are named, and Retry loads them (#26 item 4)', () => {
  it('basemap/seas.geojson (a first-view file) answering 404', async () => {
    const { page, errors } = await openPage(shared.browser, 'about:blank');
    const failing = await fail404(page, /\/basemap\/seas\.geojson(\?.*)?$/);
    await page.goto(baseUrl);
    await waitForMap(page);
    const alert = page.locator('.data-errors');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('basemap/seas.geojson');
    await failing.stop();
    await alert.getByRole('button', { name: RETRY }).click();
    await alert.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as Hooks).storyMap.querySourceFeatures('seas').length))
      .toBeGreaterThan(0);
    expect(unexpectedErrors(errors, failing.urls)).toEqual([]);
    await page.context().close();
  });

  it("the time control's code answering 404: named, and Retry brings the time control", async () => {
    const { page, errors } = await openPage(shared.browser, 'about:blank');
    const failing = await fail404(page, /\/assets\/TimeBar-[\w-]+\.js$/);
    await page.goto(baseUrl);
    await waitForMap(page);
    const alert = page.locator('.data-errors');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('TimeBar.js');
    await failing.stop();
    await alert.getByRole('button', { name: RETRY }).click();
    await page.waitForSelector('.time-slider');
    expect(await page.locator('.data-errors').count()).toBe(0);
    expect(unexpectedErrors(errors, failing.urls)).toEqual([]);
    await page.context().close();
  });

  it('the Download actions answering 404: named, and after Retry the download works', async () => {
    const { page, errors } = await openPage(shared.browser, 'about:blank');
    const failing = await fail404(page, /\/assets\/export-actions-[\w-]+\.js$/);
    await page.goto(baseUrl);
    await waitForMap(page);
    await page.getByRole('button', { name: 'Завантажити', exact: true }).click();
    await page.getByRole('button', { name: 'Дані історії (GeoJSON)' }).click();
    const alert = page.locator('.data-errors');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('export-actions.js');
    await failing.stop();
    await alert.getByRole('button', { name: RETRY }).click();
    await alert.waitFor({ state: 'detached' });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Дані історії (GeoJSON)' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.geojson$/);
    expect(unexpectedErrors(errors, failing.urls)).toEqual([]);
    await page.context().close();
  });
});
