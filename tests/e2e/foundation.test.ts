import { describe, expect, inject, it } from 'vitest';
import { openPage, screenshot, sharedBrowser, waitForMap } from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();

describe('the first view', () => {
  it('becomes ready with no console error, requesting nothing from other hosts', async () => {
    const { page, errors, requests } = await openPage(shared.browser, baseUrl);
    await waitForMap(page);
    const origin = new URL(baseUrl).origin;
    const foreign = requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:') && !r.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await screenshot(page, 'first-view');
    await page.context().close();
  });

  it('frames the whole story, Moscow to Rajin', async () => {
    const { page } = await openPage(shared.browser, baseUrl);
    await waitForMap(page);
    const inView = await page.evaluate(() => {
      const map = (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap;
      const b = map.getBounds();
      return [
        [37.6178, 55.7517],
        [130.3, 42.238],
        [40.0424, 45.8884],
      ].map(([lng, lat]) => b.contains([lng!, lat!]));
    });
    expect(inView).toEqual([true, true, true]);
    await page.context().close();
  });
});

describe('an online basemap that fails to load', () => {
  it('falls back to the embedded basemap with a notice', async () => {
    const { page, errors } = await openPage(shared.browser, inject('onlineBaseUrl'));
    await waitForMap(page);
    expect(await page.locator('.notice-warning').innerText()).toMatch(/Онлайн-підложка не завантажилась/);
    const sources = await page.evaluate(() =>
      Object.keys((window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap.getStyle().sources),
    );
    expect(sources).toContain('land-low');
    expect(sources).toContain('story-capitals');
    // The failed style request is the only error the browser logs.
    expect(errors.filter((e) => !/Failed to load resource|style\.json|Failed to fetch/i.test(e))).toEqual([]);
    await page.context().close();
  });
});
