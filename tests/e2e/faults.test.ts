/**
 * Issue #11: faults. Code chunks and data files that fail to load: a message names what failed, the rest of the
 * page works, and Retry loads it again. One page per case, one browser for the file.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  launchBrowser,
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

/** Answers 404 for every request matching `pattern` until the returned function is called; records the URLs. */
async function fail404(page: Page, pattern: RegExp): Promise<{ urls: string[]; stop: () => Promise<void> }> {
  const urls: string[] = [];
  const handler = (route: import('playwright-core').Route) => {
    urls.push(route.request().url());
    return route.fulfill({ status: 404, body: 'not found' });
  };
  await page.route(pattern, handler);
  return { urls, stop: () => page.unroute(pattern, handler) };
}

describe('a code chunk that fails to load', () => {
  it('the map chunk: a message with Retry, the text list meanwhile, and the map after Retry', async () => {
    const { page, errors } = await openPage(shared.browser, 'about:blank');
    const failing = await fail404(page, /\/assets\/runtime-[^/]*\.js$/);
    await page.goto(baseUrl);
    const alert = page.locator('.notice-error');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Не вдалося завантажити код карти');
    expect(await page.locator('#map').getAttribute('data-map-state')).toBe('code-failed');
    expect(await page.locator('li[data-feature-id="moscow"]').count()).toBe(1);
    await screenshot(page, 'fault-map-chunk');
    expect(failing.urls.length).toBeGreaterThan(0);
    await failing.stop();
    await alert.getByRole('button', { name: 'Спробувати ще раз' }).click();
    await waitForMap(page);
    expect(await page.locator('.notice-error').count()).toBe(0);
    expect(unexpectedErrors(errors, failing.urls)).toEqual([]);
    await page.context().close();
  });

  it('the article chunk: a message with Retry instead of "loading" forever, and the article after Retry', async () => {
    const { page, errors } = await openPage(shared.browser, 'about:blank');
    const failing = await fail404(page, /\/assets\/ArticlePanel-[^/]*\.js$/);
    await page.goto(baseUrl);
    await page.locator('#article-heading button').click();
    const alert = page.locator('#article-panel [role="alert"]');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Не вдалося завантажити статтю');
    await failing.stop();
    await alert.getByRole('button', { name: 'Спробувати ще раз' }).click();
    await page.locator('#article-panel .article').waitFor();
    expect(await page.locator('#article-panel [role="alert"]').count()).toBe(0);
    expect(unexpectedErrors(errors, failing.urls)).toEqual([]);
    await page.context().close();
  });
});

describe('without WebGL', () => {
  it("the text list shows every distance, the depot's distance to Ukraine among them", async () => {
    const noGl = await launchBrowser({ webgl: false });
    try {
      const { page, errors } = await openPage(noGl, baseUrl);
      await page.waitForSelector('#map[data-map-state="no-webgl"]', { state: 'attached' });
      const depot = page.locator('li[data-feature-id="tikhoretsk-depot"] [data-distance="to-ukraine"]');
      // The computed distance comes first in the row; the sources' figures beside it also have digits.
      const computed = depot.locator('dd');
      await expect.poll(() => computed.innerText(), { timeout: 10_000 }).toMatch(/^\d[\d\s]*км/);
      expect(await page.locator('.feature-list').innerText()).not.toContain('обчислюється');
      expect(errors.filter((e) => !/WebGL/i.test(e))).toEqual([]);
      await page.context().close();
    } finally {
      await noGl.close();
    }
  });
});

type Fault = '404' | '500' | 'truncated JSON' | 'a 5 s delay';
const FAULTS: Fault[] = ['404', '500', 'truncated JSON', 'a 5 s delay'];
const DELAY_MS = 5000;
const STORY_FILES = ['capitals', 'ports', 'vessel-routes', 'rail-route', 'trips'] as const;
/** The basemap files of the first view (the detailed ones load only near zoom 3.5). */
const BASEMAP_FILES = ['land-low', 'borders-low', 'labels'] as const;

type BrokenFile =
  | { name: string; pattern: RegExp; kind: 'story'; layer: (typeof STORY_FILES)[number] }
  | { name: string; pattern: RegExp; kind: 'basemap'; source: (typeof BASEMAP_FILES)[number] };

const FILES: BrokenFile[] = [
  ...STORY_FILES.map((layer) => ({
    name: `geo/${layer}.geojson`,
    pattern: new RegExp(`/assets/${layer}-[\\w-]+\\.geojson$`),
    kind: 'story' as const,
    layer,
  })),
  ...BASEMAP_FILES.map((source) => ({
    name: `basemap/${source}.geojson`,
    pattern: new RegExp(`/basemap/${source}\\.geojson(\\?.*)?$`),
    kind: 'basemap' as const,
    source,
  })),
];

/** Makes every request for `file` answer with `fault`; returns the URLs it broke and a function that stops it. */
async function breakFile(page: Page, file: BrokenFile, fault: Fault) {
  const urls: string[] = [];
  const handler = async (route: Route) => {
    if (fault === 'a 5 s delay') {
      await new Promise((resolve) => setTimeout(resolve, DELAY_MS));
      return route.continue();
    }
    urls.push(route.request().url());
    if (fault === '404' || fault === '500') return route.fulfill({ status: Number(fault), body: 'broken' });
    const body = await (await route.fetch()).text();
    return route.fulfill({ status: 200, contentType: 'application/json', body: body.slice(0, body.length / 2) });
  };
  await page.route(file.pattern, handler);
  return { urls, stop: () => page.unroute(file.pattern, handler) };
}

/** Features of the story layer, or of the basemap source, that the map holds now. */
function drawnCount(page: Page, file: BrokenFile): Promise<number> {
  if (file.kind === 'story') return renderedFeatureIds(page, file.layer).then((ids) => ids.length);
  return page.evaluate(
    (source) =>
      (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap.querySourceFeatures(source).length,
    file.source,
  );
}

/** The other story layers each draw something on the visible map. */
async function expectOthersDrawn(page: Page, file: BrokenFile) {
  for (const layer of STORY_FILES) {
    if (file.kind === 'story' && layer === file.layer) continue;
    expect((await renderedFeatureIds(page, layer)).length, `${layer} drawn`).toBeGreaterThan(0);
  }
  expect(await page.locator('canvas.maplibregl-canvas').isVisible()).toBe(true);
}

/**
 * Every fault for the first story file and the first basemap file; one fault each, in turn, for the other files
 * (the same code paths, so the suite stays within CI's time). FAULTS_FULL=1 runs every file with every fault.
 */
const CASES: [BrokenFile, Fault][] = FILES.flatMap((file, i) =>
  process.env.FAULTS_FULL || file === FILES[0] || file.kind !== FILES[i - 1]?.kind
    ? FAULTS.map((fault) => [file, fault] as [BrokenFile, Fault])
    : [[file, FAULTS[i % FAULTS.length]!] as [BrokenFile, Fault]],
);

describe('a story or basemap file that fails', () => {
  for (const [file, fault] of CASES) {
    it(`${file.name} with ${fault}: ${fault === 'a 5 s delay' ? 'arrives late and is drawn' : 'named, the rest drawn, Retry loads it'}`, async () => {
      const { page, errors } = await openPage(shared.browser, 'about:blank');
      const broken = await breakFile(page, file, fault);
      await page.goto(baseUrl);
      await waitForMap(page);
      await expectOthersDrawn(page, file);
      if (fault === 'a 5 s delay') {
        await expect.poll(() => drawnCount(page, file), { timeout: 15_000 }).toBeGreaterThan(0);
        expect(await page.locator('.data-errors').count()).toBe(0);
      } else {
        const alert = page.locator('.data-errors');
        await alert.waitFor();
        expect(await alert.innerText()).toContain(file.name);
        expect(await drawnCount(page, file)).toBe(0);
        if (file === FILES[0] || file.kind === 'basemap')
          await screenshot(page, `fault-${file.name.replace('/', '-')}-${fault.replace(/\W+/g, '-')}`);
        await broken.stop();
        await alert.getByRole('button', { name: 'Спробувати ще раз' }).click();
        await alert.waitFor({ state: 'detached' });
        await waitForIdle(page);
        await expect.poll(() => drawnCount(page, file), { timeout: 15_000 }).toBeGreaterThan(0);
      }
      expect(unexpectedErrors(errors, broken.urls)).toEqual([]);
      await page.context().close();
    });
  }
});
