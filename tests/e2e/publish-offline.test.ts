/**
 * Issue #14, offline: after one visit, the service worker has the app, the basemap, the font and the data,
 * so the map reopens with the story and no network.
 */
import { describe, expect, inject, it } from 'vitest';
import { t } from '../../src/i18n/strings';
import { openPage, screenshot, sharedBrowser, waitForMap } from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();

describe('a reader who opened the map once', () => {
  it('reopens it offline, ready with the story', async () => {
    // The default view frames the whole story, so every layer has features on screen.
    const { page } = await openPage(shared.browser, baseUrl);
    await waitForMap(page);
    // The service worker is registered after the map is ready; `ready` resolves once it is active, which is
    // after it has precached everything.
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(baseUrl);

    await page.context().setOffline(true);
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
    await page.reload();
    await waitForMap(page);
    const story = await page.evaluate(() => {
      const map = (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap;
      return ['capitals', 'ports', 'vessel-routes', 'rail-route', 'lavrov-flight', 'kim-train'].map(
        (layer) => map.querySourceFeatures('story', { filter: ['==', ['get', 'story_layer'], layer] }).length,
      );
    });
    expect(
      story.every((n) => n > 0),
      `features per story layer: ${story}`,
    ).toBe(true);
    expect(await page.locator('.data-errors').count()).toBe(0);
    expect(await page.locator('.topbar h1').innerText()).toBe(t('uk', 'app.title'));
    await screenshot(page, 'publish-offline');
    expect(failed).toEqual([]);
    await page.context().close();
  });
});
