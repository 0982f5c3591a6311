/**
 * Issue #11, bugs 1, 2 and 7: choosing a feature frames it with its popup in view, a link with `f=` and no
 * `map=` frames its feature, phones get the details as a bottom sheet, and the popup's × returns focus.
 */
import { readFileSync } from 'node:fs';
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage, screenshot, sharedBrowser, waitForIdle, waitForMap } from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();

const FILES = ['capitals', 'ports', 'rail-route', 'lavrov-flight', 'kim-train', 'vessel-routes'];
/** Every story feature's id and its lon/lat bounding box, read from the data files. */
const FEATURES = FILES.flatMap((file) =>
  (JSON.parse(readFileSync(`geo/${file}.geojson`, 'utf8')) as FeatureCollection).features.map((f) => ({
    id: String(f.properties?.id),
    bbox: bbox(f) as [number, number, number, number],
  })),
);
const KEY_FEATURES = [
  'tikhoretsk-depot',
  'rajin-port',
  'dunai-port',
  'moscow',
  'pyongyang',
  'angara-maria-shuttle',
  'dunai-tikhoretsk-rail',
  'lavrov-trip-oct-2023',
  'kim-trip-sep-2023',
];

type StoryMapWindow = { storyMap: import('maplibre-gl').Map };
type Box = { left: number; top: number; right: number; bottom: number };

/** The map's box, the feature's bounds and the popup's box, all in page pixels, once the map is still. */
async function boxesFor(page: Page, id: string): Promise<{ map: Box; feature: Box; popup: Box; zoom: number }> {
  await waitForIdle(page);
  const [w, s, e, n] = FEATURES.find((f) => f.id === id)!.bbox;
  return page.evaluate(
    ({ w, s, e, n }) => {
      const map = (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap;
      const r = map.getContainer().getBoundingClientRect();
      const a = map.project([w, n]);
      const b = map.project([e, s]);
      const p = document.querySelector('.maplibregl-popup')!.getBoundingClientRect();
      const box = (x: { left: number; top: number; right: number; bottom: number }) => ({
        left: x.left,
        top: x.top,
        right: x.right,
        bottom: x.bottom,
      });
      return {
        map: box(r),
        feature: { left: r.left + a.x, top: r.top + a.y, right: r.left + b.x, bottom: r.top + b.y },
        popup: box(p),
        zoom: map.getZoom(),
      };
    },
    { w, s, e, n },
  );
}

function expectInside(inner: Box, outer: Box, what: string): void {
  const slack = 1;
  expect(
    inner.left >= outer.left - slack &&
      inner.top >= outer.top - slack &&
      inner.right <= outer.right + slack &&
      inner.bottom <= outer.bottom + slack,
    `${what} ${JSON.stringify(inner)} inside ${JSON.stringify(outer)}`,
  ).toBe(true);
}

describe('showing a feature chosen from the list', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openPage(shared.browser, baseUrl));
    await waitForMap(page);
    await page.locator('#list-heading button').click();
    await page.waitForSelector('.feature-list');
  });
  afterAll(async () => {
    await page.context().close();
  });

  for (const id of KEY_FEATURES) {
    it(`ends with ${id} and its popup inside the map`, async () => {
      await page.locator(`li[data-feature-id="${id}"] button.feature-item`).click();
      await page.waitForSelector(`.maplibregl-popup [id="popup-title-${id}"]`);
      // The camera animates (no reduced motion here): wait until it has arrived and the popup is open.
      await expect
        .poll(() => page.evaluate(() => (window as unknown as StoryMapWindow).storyMap.isMoving()), { timeout: 10_000 })
        .toBe(false);
      const boxes = await boxesFor(page, id);
      expectInside(boxes.feature, boxes.map, `${id}'s bounds`);
      expectInside(boxes.popup, boxes.map, `${id}'s popup`);
      if (id === 'angara-maria-shuttle') {
        expect(boxes.zoom).toBeGreaterThan(5);
        await screenshot(page, 'popup-camera-list-vessel-route');
      }
    });
  }

  it('keeps a popup in view when its content grows after it opened (a part of it arriving late)', async () => {
    const id = 'moscow';
    await page.locator(`li[data-feature-id="${id}"] button.feature-item`).click();
    await page.waitForSelector(`.maplibregl-popup [id="popup-title-${id}"]`);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as StoryMapWindow).storyMap.isMoving()), { timeout: 10_000 })
      .toBe(false);
    // 200 px more content, as a claims block or a measured distance arriving after the camera framed the popup (a
    // popup of 173 px framed 150 px above the map's foot).
    await page.evaluate(() => {
      const late = document.createElement('div');
      late.style.height = '200px';
      document.querySelector('.maplibregl-popup .feature-details')!.append(late);
    });
    await expect
      .poll(
        async () => {
          const { popup, map } = await boxesFor(page, id);
          return popup.bottom <= map.bottom + 1 && popup.top >= map.top - 1;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
  });
});

describe('a link with f= and no map=', () => {
  it('frames its feature with the popup in view', async () => {
    const { page, errors } = await openPage(shared.browser, baseUrl, '#f=angara-maria-shuttle');
    await waitForMap(page);
    await page.waitForSelector('.maplibregl-popup .feature-details');
    const boxes = await boxesFor(page, 'angara-maria-shuttle');
    expectInside(boxes.feature, boxes.map, 'the route');
    expectInside(boxes.popup, boxes.map, 'the popup');
    expect(boxes.zoom).toBeGreaterThan(5);
    await screenshot(page, 'popup-camera-link-without-map');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps the camera of a link that has map=', async () => {
    const { page } = await openPage(shared.browser, baseUrl, '#map=4/45/60&f=angara-maria-shuttle');
    await waitForMap(page);
    await page.waitForSelector('.maplibregl-popup .feature-details');
    await waitForIdle(page);
    const camera = await page.evaluate(() => {
      const map = (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap;
      return { zoom: map.getZoom(), center: map.getCenter().toArray() };
    });
    expect(camera.zoom).toBeCloseTo(4, 5);
    expect(camera.center[0]).toBeCloseTo(60, 3);
    await page.context().close();
  });
});

describe('on a phone (375×667), the details open as a bottom sheet', () => {
  const phone = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

  it('inside the viewport, full width, for every feature', async () => {
    const { page, errors } = await openPage(shared.browser, baseUrl, '', phone);
    await waitForMap(page);
    for (const { id } of FEATURES) {
      await page.evaluate((f) => {
        window.location.hash = `f=${f}`;
      }, id);
      await page.waitForSelector(`.maplibregl-popup [id="popup-title-${id}"]`);
      await waitForIdle(page);
      const sheet = await page.locator('.maplibregl-popup').boundingBox();
      const inside =
        sheet!.x >= 0 && sheet!.y >= 0 && sheet!.x + sheet!.width <= 375 && sheet!.y + sheet!.height <= 667;
      expect(inside, `${id}'s sheet ${JSON.stringify(sheet)}`).toBe(true);
      expect(sheet!.width, id).toBeGreaterThanOrEqual(374);
      expect(await page.locator('.maplibregl-popup-close-button').isVisible(), id).toBe(true);
    }
    await screenshot(page, 'popup-camera-phone-sheet');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('takes focus when opened from the list, and its × gives it back', async () => {
    const { page } = await openPage(shared.browser, baseUrl, '', phone);
    await waitForMap(page);
    await page.locator('#list-heading button').click();
    const opener = page.locator('li[data-feature-id="moscow"] button.feature-item');
    await opener.click();
    await page.waitForSelector('.maplibregl-popup .feature-details');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.maplibregl-popup'))).toBe(true);
    const sheet = await page.locator('.maplibregl-popup').boundingBox();
    expect(sheet!.y + sheet!.height).toBeLessThanOrEqual(667);
    await page.locator('.maplibregl-popup-close-button').click();
    await expect.poll(() => page.locator('.maplibregl-popup').count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('li')?.dataset.featureId ?? 'body'))
      .toBe('moscow');
    await page.context().close();
  });

  it('frames a linked feature above the sheet', async () => {
    const { page } = await openPage(shared.browser, baseUrl, '#f=angara-maria-shuttle', phone);
    await waitForMap(page);
    await page.waitForSelector('.maplibregl-popup .feature-details');
    const boxes = await boxesFor(page, 'angara-maria-shuttle');
    expectInside(boxes.feature, { ...boxes.map, bottom: boxes.popup.top }, 'the route above the sheet');
    await screenshot(page, 'popup-camera-phone-link');
    await page.context().close();
  });
});

describe('closing the popup with its ×', () => {
  it('returns focus to the list button that opened it', async () => {
    const { page } = await openPage(shared.browser, baseUrl);
    await waitForMap(page);
    await page.locator('#list-heading button').click();
    await page.waitForSelector('.feature-list');
    const opener = page.locator('li[data-feature-id="rajin-port"] button.feature-item');
    await opener.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.maplibregl-popup .feature-details');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.maplibregl-popup'))).toBe(true);
    await page.locator('.maplibregl-popup-close-button').click();
    await expect.poll(() => page.locator('.maplibregl-popup').count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('li')?.dataset.featureId ?? 'body'))
      .toBe('rajin-port');
    await page.context().close();
  });
});
