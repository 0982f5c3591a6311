/**
 * Issue #11: a lost WebGL context. Restored, the map comes back with the story, the layers and the selection as
 * they were; lost for good, the page falls back to the static picture and the text list.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPage, renderedFeatureIds, screenshot, sharedBrowser, waitForIdle, waitForMap } from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();
type StoryMapWindow = { storyMap: import('maplibre-gl').Map; __loseContext?: WEBGL_lose_context };

/** Loses the map's WebGL context (WEBGL_lose_context) and waits for MapLibre's `webglcontextlost`. */
async function loseContext(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const w = window as unknown as StoryMapWindow;
        const gl = w.storyMap.getCanvas().getContext('webgl2');
        const ext = gl?.getExtension('WEBGL_lose_context');
        if (!ext) return reject(new Error('no WEBGL_lose_context'));
        w.__loseContext = ext;
        w.storyMap.once('webglcontextlost', () => resolve());
        ext.loseContext();
      }),
  );
}

describe('a lost WebGL context', () => {
  it('restored: the map comes back with the story, the hidden layers and the selection', async () => {
    const hash = '#layers=capitals,ports,rail-route&f=tikhoretsk-depot';
    const { page, errors } = await openPage(shared.browser, baseUrl, hash);
    await waitForMap(page);
    await page.waitForSelector('.maplibregl-popup .feature-details');
    const before = await renderedFeatureIds(page);
    expect(before).toContain('tikhoretsk-depot');
    expect(before).not.toContain('angara-maria-shuttle');
    const depotSelected = () =>
      page.evaluate(
        () =>
          (window as unknown as StoryMapWindow).storyMap.getFeatureState({
            source: 'story',
            id: 'tikhoretsk-depot',
          }).selected,
      );
    // The highlight is set a frame after the popup; losing the context before that is a race of its own.
    await expect.poll(depotSelected).toBe(true);

    await loseContext(page);
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const w = window as unknown as StoryMapWindow;
          w.storyMap.once('webglcontextrestored', () => resolve());
          w.__loseContext?.restoreContext();
        }),
    );
    await waitForIdle(page);
    expect(await renderedFeatureIds(page)).toEqual(before);
    expect(await page.locator('.maplibregl-popup .feature-name').innerText()).toMatch(/склад/i);
    await expect.poll(depotSelected).toBe(true);
    expect(await page.locator('#map').getAttribute('data-map-state')).toBe('ready');
    expect(page.url()).toContain(hash.slice(1));
    expect(await page.getByRole('checkbox', { name: 'Маршрут суден' }).isChecked()).toBe(false);
    await screenshot(page, 'context-restored');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lost for good: the static picture, the text list and a notice', async () => {
    const { page, errors } = await openPage(shared.browser, baseUrl);
    await waitForMap(page);
    // The page gives the context 3 s to come back: the test's clock runs them at once instead of waiting.
    await page.clock.install();
    await loseContext(page);
    expect(await page.locator('#map').getAttribute('data-map-state')).toBe('ready');
    await page.clock.runFor(3000);
    await page.waitForSelector('#map[data-map-state="context-lost"]', { state: 'attached', timeout: 10_000 });
    expect(await page.locator('.notice-warning').innerText()).toMatch(/WebGL/);
    expect(await page.locator('img.static-map').isVisible()).toBe(true);
    expect(await page.locator('#list-heading button').getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('li[data-feature-id="tikhoretsk-depot"]').count()).toBe(1);
    await screenshot(page, 'context-lost');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
