import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { openPage, screenshot, sharedBrowser, unexpectedErrors, waitForMap } from './browser';

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

const onlineStyleUrl = inject('onlineStyleUrl');
type StoryMapWindow = { storyMap: import('maplibre-gl').Map };

describe('an online basemap', () => {
  it('falls back to the bundled basemap with a notice when its style fails to load', async () => {
    const { page, errors } = await openPage(shared.browser, 'about:blank');
    await page.route(onlineStyleUrl, (route) => route.abort('connectionrefused'));
    await page.goto(inject('onlineBaseUrl'));
    await waitForMap(page);
    expect(await page.locator('.notice-warning').innerText()).toMatch(/Онлайнову базову карту не вдалося завантажити/);
    const sources = await page.evaluate(() =>
      Object.keys((window as unknown as StoryMapWindow).storyMap.getStyle().sources),
    );
    expect(sources).toContain('land-low');
    expect(sources).toContain('story');
    // The credits now name the bundled basemap's source.
    await expect.poll(() => page.locator('.maplibregl-ctrl-attrib-inner').innerText()).toContain('Natural Earth');
    // The refused style request is the only error the browser logs.
    expect(unexpectedErrors(errors, [onlineStyleUrl])).toEqual([]);
    await page.context().close();
  });

  it('stays when the style loads and one of its tiles later fails', async () => {
    const { page, errors, requests } = await openPage(shared.browser, 'about:blank');
    const failedTiles: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/tiles/') && r.status() === 404) failedTiles.push(r.url());
    });
    await page.goto(inject('onlineBaseUrl'));
    await waitForMap(page);
    expect(failedTiles.length).toBeGreaterThan(0);
    const sources = await page.evaluate(() =>
      Object.keys((window as unknown as StoryMapWindow).storyMap.getStyle().sources),
    );
    expect(sources).toContain('online');
    expect(sources).not.toContain('land-low');
    // The bundled basemap only stands in if the online one fails: its world-view files are not fetched ahead of the
    // map (Ukraine's outline is, after ready, for the depot's distance to the border).
    expect(requests.filter((r) => /\/basemap\/(land-low|borders-low|labels|seas)\.geojson/.test(r))).toEqual([]);
    expect(await page.locator('.maplibregl-ctrl-attrib-inner').innerText()).not.toContain('Natural Earth');
    expect(sources).toContain('story');
    expect(await page.locator('.notice-warning').count()).toBe(0);
    // Only the tiles the style server fails on purpose are logged as failed.
    expect(unexpectedErrors(errors, failedTiles)).toEqual([]);
    await screenshot(page, 'online-basemap-tile-failed');
    await page.context().close();
  });
});

describe('the production build', () => {
  it('has no test hooks: window.storyMap and storyModel exist only in the test build', async () => {
    const scripts = (dir: string) =>
      readdirSync(`${dir}/assets`)
        .filter((f) => f.endsWith('.js'))
        .map((f) => readFileSync(`${dir}/assets/${f}`, 'utf8'));
    for (const hook of ['storyMap', 'storyModel']) {
      expect(scripts('dist-e2e').some((code) => code.includes(hook))).toBe(true);
      expect(scripts('dist').filter((code) => code.includes(hook))).toEqual([]);
    }
    const { page } = await openPage(shared.browser, inject('productionBaseUrl'));
    await waitForMap(page);
    expect(await page.evaluate(() => 'storyMap' in window)).toBe(false);
    await page.context().close();
  });
});

describe('the static picture', () => {
  const pictures = (requests: string[]) =>
    requests.map((r) => new URL(r).pathname).filter((p) => p.startsWith('/static-map.'));

  // The picture is in the prerendered HTML (#28), in the page's language: the English page fetches the English one
  // alone. (An old `#lang=en` link on the Ukrainian page fetches both: the HTML cannot read the hash.)
  it("is fetched once, in the page's language", async () => {
    const { page, requests } = await openPage(shared.browser, `${baseUrl}en/`);
    await waitForMap(page);
    expect(pictures(requests)).toEqual(['/static-map.en.svg']);
    await page.context().close();
  });

  it('is not fetched again in the other language while the live map hides it', async () => {
    const { page, requests } = await openPage(shared.browser, baseUrl);
    await waitForMap(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
    expect(pictures(requests)).toEqual(['/static-map.uk.svg']);
    await page.context().close();
  });
});

describe('a language switch', () => {
  it('relabels the map controls in place, without rebuilding them', async () => {
    const { page, errors } = await openPage(shared.browser, baseUrl);
    await waitForMap(page);
    const controls = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.maplibregl-ctrl')].map((el) => ({
          marked: el.dataset.testMark === 'before',
          labels: [...el.querySelectorAll('button')].map((b) => `${b.title}|${b.getAttribute('aria-label')}`),
          text: el.classList.contains('maplibregl-ctrl-scale') ? el.textContent : '',
        })),
      );
    await page.evaluate(() => {
      for (const el of document.querySelectorAll<HTMLElement>('.maplibregl-ctrl')) el.dataset.testMark = 'before';
    });
    const before = await controls();
    expect(before.flatMap((c) => c.labels)).toContain('Збільшити|Збільшити');
    expect(before.find((c) => c.text)?.text).toMatch(/км$/);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await expect.poll(async () => (await controls()).flatMap((c) => c.labels)).toContain('Zoom in|Zoom in');
    const after = await controls();
    expect(after.length).toBe(before.length);
    expect(after.every((c) => c.marked)).toBe(true);
    expect(after.flatMap((c) => c.labels)).toContain('Zoom out|Zoom out');
    expect(after.flatMap((c) => c.labels)).toContain('Enter fullscreen|Enter fullscreen');
    expect(after.find((c) => c.text)?.text).toMatch(/\d\s*km$/);
    expect(await page.locator('canvas.maplibregl-canvas').getAttribute('aria-label')).toBe('Story map');
    // Strings MapLibre writes again later stay in the new language: the scale after a move, the fullscreen
    // button after a toggle, the close button of a popup opened now.
    await page.evaluate(() =>
      (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap.jumpTo({ center: [40, 46], zoom: 7 }),
    );
    expect(await page.locator('.maplibregl-ctrl-scale').innerText()).toMatch(/^\d+\s*km$/);
    await page.locator('.maplibregl-ctrl-fullscreen').click();
    const shrink = page.locator('.maplibregl-ctrl-shrink');
    await shrink.waitFor();
    expect(`${await shrink.getAttribute('title')}|${await shrink.getAttribute('aria-label')}`).toBe(
      'Exit fullscreen|Exit fullscreen',
    );
    await shrink.click();
    await page.locator('.maplibregl-ctrl-fullscreen').waitFor();
    expect(await page.locator('.maplibregl-ctrl-fullscreen').getAttribute('title')).toBe('Enter fullscreen');
    await page.evaluate(() =>
      (window as unknown as { storyModel: { select(id: string, origin: 'map'): void } }).storyModel.select(
        'tikhoretsk-depot',
        'map',
      ),
    );
    expect(await page.locator('.maplibregl-popup-close-button').getAttribute('aria-label')).toBe('Close');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
