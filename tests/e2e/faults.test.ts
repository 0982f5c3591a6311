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

type Fault = '404' | '500' | 'truncated JSON' | 'held back';
/** The answers that break a file; each file meets all three, one after another, through the message's Retry. */
const BROKEN_ANSWERS: Exclude<Fault, 'held back'>[] = ['404', '500', 'truncated JSON'];
const STORY_FILES = ['capitals', 'ports', 'vessel-routes', 'rail-route', 'lavrov-flight', 'kim-train'] as const;
/** The basemap files of the first view (the detailed ones load only near zoom 3.5). */
const BASEMAP_FILES = ['land-low', 'borders-low', 'labels'] as const;

type BrokenFile =
  | { name: string; pattern: RegExp; kind: 'story'; layer: (typeof STORY_FILES)[number] }
  | { name: string; pattern: RegExp; kind: 'basemap'; source: (typeof BASEMAP_FILES)[number] };

const ALL_FILES: BrokenFile[] = [
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
/**
 * The browser meets each fault once per loader: the story's loader (the page's fetch) and the basemap's (MapLibre's
 * worker, after the page's prefetch). Every file × every fault runs in node against the same loaders
 * (tests/unit/loaders.test.ts).
 */
const FILES: BrokenFile[] = ALL_FILES.filter(
  (f) => f.name === 'geo/vessel-routes.geojson' || f.name === 'basemap/labels.geojson',
);

/**
 * Makes every request for `file` answer with a fault; `set` changes the fault (undefined: answer normally). Returns
 * the URLs it broke. A file held back waits, with every request for it, until `release()`; `arrived` resolves when
 * the first request for it has come.
 */
async function breakFile(page: Page, file: BrokenFile, first: Fault) {
  const urls: string[] = [];
  let fault: Fault | undefined = first;
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  await page.route(file.pattern, async (route: Route) => {
    if (fault === undefined) return route.continue();
    if (fault === 'held back') {
      arrive();
      await released;
      return route.continue();
    }
    urls.push(route.request().url());
    if (fault === '404' || fault === '500') return route.fulfill({ status: Number(fault), body: 'broken' });
    const body = await (await route.fetch()).text();
    return route.fulfill({ status: 200, contentType: 'application/json', body: body.slice(0, body.length / 2) });
  });
  return {
    urls,
    set: (next: Fault | undefined) => {
      fault = next;
    },
    arrived,
    release,
  };
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
 * Every file meets every fault. The three broken answers run in one page per file: the page opens with one of them
 * (a different one first for each file, so each answer is met on the first load too), and the message's Retry then
 * meets the next, until the file is answered normally and drawn. The delay needs a page of its own.
 */
describe('a story or basemap file that fails', () => {
  FILES.forEach((file, i) => {
    const answers = BROKEN_ANSWERS.map((_, k) => BROKEN_ANSWERS[(i + k) % BROKEN_ANSWERS.length]!);
    it(`${file.name} answering ${answers.join(', then ')}: named each time, the rest drawn, Retry loads it`, async () => {
      const { page, errors } = await openPage(shared.browser, 'about:blank');
      const broken = await breakFile(page, file, answers[0]!);
      await page.goto(baseUrl);
      await waitForMap(page);
      await expectOthersDrawn(page, file);
      const alert = page.locator('.data-errors');
      const retry = () => alert.getByRole('button', { name: 'Спробувати ще раз' }).click();
      for (const [k, answer] of answers.entries()) {
        await alert.waitFor();
        expect(await alert.innerText(), answer).toContain(file.name);
        expect(await drawnCount(page, file), answer).toBe(0);
        if (k === 0 && (file === FILES[0] || file.kind === 'basemap'))
          await screenshot(page, `fault-${file.name.replace('/', '-')}-${answer.replace(/\W+/g, '-')}`);
        broken.set(answers[k + 1]);
        await retry();
        if (k + 1 < answers.length) {
          // The message is drawn again for the next answer: wait for the new one, not the old one still there.
          await expect.poll(() => broken.urls.length, { timeout: 15_000 }).toBeGreaterThan(k + 1);
        }
      }
      await alert.waitFor({ state: 'detached' });
      await waitForIdle(page);
      await expect.poll(() => drawnCount(page, file), { timeout: 15_000 }).toBeGreaterThan(0);
      await expectOthersDrawn(page, file);
      // The story's time waits for a working story, and comes once Retry has made it work.
      await page.waitForSelector('.time-slider');
      expect(unexpectedErrors(errors, broken.urls)).toEqual([]);
      await page.context().close();
    });

    it(`${file.name} held back until every other file is in: arrives late and is drawn, with no message`, async () => {
      const { page, errors } = await openPage(shared.browser, 'about:blank');
      const finished: string[] = [];
      page.on('requestfinished', (r) => finished.push(r.url()));
      const held = await breakFile(page, file, 'held back');
      await page.goto(baseUrl);
      await held.arrived;
      const others = ALL_FILES.filter((f) => f !== file);
      await expect
        .poll(() => others.filter((f) => !finished.some((url) => f.pattern.test(url))).map((f) => f.name), {
          timeout: 30_000,
        })
        .toEqual([]);
      // Late, not failed: the map waits for it, with no message.
      expect(await page.locator('#map').getAttribute('data-map-ready')).toBeNull();
      expect(await page.locator('.data-errors').count()).toBe(0);
      held.release();
      await waitForMap(page);
      await expectOthersDrawn(page, file);
      await expect.poll(() => drawnCount(page, file), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await page.locator('.data-errors').count()).toBe(0);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  });
});

describe("the story's time that fails", () => {
  it('geo/events.json answering 404: named, the map works, and Retry brings the time control', async () => {
    const { page, errors } = await openPage(shared.browser, 'about:blank');
    const failing = await fail404(page, /\/assets\/events-[\w-]+\.json$/);
    await page.goto(baseUrl);
    await waitForMap(page);
    const alert = page.locator('.data-errors');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('geo/events.json');
    expect(await page.locator('.time-slider').count()).toBe(0);
    expect((await renderedFeatureIds(page)).length).toBeGreaterThan(0);
    await failing.stop();
    await alert.getByRole('button', { name: 'Спробувати ще раз' }).click();
    await alert.waitFor({ state: 'detached' });
    await page.waitForSelector('.time-slider');
    expect(failing.urls.length).toBeGreaterThan(0);
    expect(unexpectedErrors(errors, failing.urls)).toEqual([]);
    await page.context().close();
  });
});
