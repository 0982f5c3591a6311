/** Issue: for every reader: two languages, keyboard and screen reader, no-WebGL fallback, phones. */

import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchBrowser, openPage, screenshot, sharedBrowser, waitForIdle, waitForMap } from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();
const article = readFileSync(new URL('../../src/article/ukrinform-2023-10-18.uk.txt', import.meta.url), 'utf8');
/** The article's sentences the map quotes, as a reviewer counted them (10 of its sentences). */
const QUOTED_SENTENCES = 10;

describe('axe-core finds no serious or critical violation', () => {
  for (const lang of ['uk', 'en'] as const) {
    it(`in ${lang}, with a popup open and with the list open`, async () => {
      const { page, errors } = await openPage(shared.browser, baseUrl, `#f=tikhoretsk-depot&lang=${lang}`);
      await waitForMap(page);
      await page.waitForSelector('.maplibregl-popup .feature-details');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('#list-heading button').click();
      await page.waitForSelector('.feature-list');
      await page.locator('#article-heading button').click();
      await page.waitForSelector('.article .passage');
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});

describe('English', () => {
  it('translates the interface and names, keeps the quotes in Ukrainian with the translation beneath', async () => {
    const { page } = await openPage(shared.browser, baseUrl, '#f=rajin-port');
    await waitForMap(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.url()).toContain('lang=en');
    expect(await page.locator('h1').innerText()).toMatch(/Lavrov in Pyongyang/);
    expect(await page.getByRole('checkbox', { name: 'Vessel route' }).count()).toBe(1);
    const popup = page.locator('.maplibregl-popup');
    await expect.poll(() => popup.locator('.feature-name').innerText()).toMatch(/Rajin/);
    await popup.locator('.feature-more > summary').click();
    expect(await popup.locator('blockquote').first().getAttribute('lang')).toBe('uk');
    // Written out here from the article and our translation, not read from the app's quote table.
    expect(await popup.locator('blockquote').first().innerText()).toBe(
      '«За даними RUSI, ці судна від серпня перевезли кілька сотень контейнерів до порту в Північній Кореї та з нього до Росії.»',
    );
    expect(await popup.locator('figcaption.translation').first().innerText()).toMatch(
      /^According to RUSI, since August/,
    );
    expect(await page.getByRole('button', { name: 'Zoom in' }).count()).toBe(1);
    await waitForIdle(page);
    await screenshot(page, 'english-popup');
    await page.context().close();
  });
});

describe('keyboard only', () => {
  it('tabs to the list, picks the depot, reads its popup, and Escape returns focus', async () => {
    const { page, errors } = await openPage(shared.browser, baseUrl);
    await waitForMap(page);
    // Tab from the top of the page to the list's heading button and open it.
    const focusedText = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.tagName === 'BUTTON' ? el.innerText : '';
      });
    for (let i = 0; i < 30 && !(await focusedText()).includes('Усі об’єкти історії'); i++)
      await page.keyboard.press('Tab');
    expect(await focusedText()).toContain('Усі об’єкти історії');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.feature-list');
    // Tab on to the depot's "show on map" button and press it.
    const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    for (let i = 0; i < 200 && !(await focusedLabel()).startsWith('Склад боєприпасів'); i++)
      await page.keyboard.press('Tab');
    expect(await focusedLabel()).toMatch(/^Склад боєприпасів.*Показати на карті/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.maplibregl-popup .feature-details');
    const dialog = page.getByRole('dialog', { name: /Склад боєприпасів/ });
    expect(await dialog.count()).toBe(1);
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.maplibregl-popup'))).toBe(true);
    // Focus is on the heading (#25): the key figure is in view, the quotes folded; Tab and Enter open them.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    expect(await dialog.innerText()).toMatch(/до кордону України/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await dialog.innerText()).toMatch(/склад боєприпасів поблизу кордону з Україною/);
    expect(await page.locator('li[data-feature-id="tikhoretsk-depot"] [aria-current="true"]').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.maplibregl-popup').count()).toBe(0);
    expect(await focusedLabel()).toMatch(/^Склад боєприпасів/);
    // The canvas keeps MapLibre's keyboard pan and zoom.
    await page.locator('canvas').focus();
    const before = await page.evaluate(() =>
      (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap.getZoom(),
    );
    await page.keyboard.press('=');
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap.getZoom()),
      )
      .toBeGreaterThan(before + 0.5);
    expect(errors).toEqual([]);
    await screenshot(page, 'keyboard-focus');
    await page.context().close();
  });
});

describe('without WebGL', () => {
  it('shows a notice, the static picture and every quote, with no page error', async () => {
    const noGl = await launchBrowser({ webgl: false });
    try {
      const { page, errors } = await openPage(noGl, baseUrl);
      await page.waitForSelector('#map[data-map-state="no-webgl"]', { state: 'attached' });
      expect(await page.locator('.notice-warning').innerText()).toMatch(/WebGL2/);
      const img = page.locator('img.static-map');
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
      expect(await img.isVisible()).toBe(true);
      await page.waitForSelector('.feature-list blockquote');
      const quotes = await page.locator('.feature-list blockquote').allInnerTexts();
      // Every quoted sentence is verbatim from the article, and all of them are there.
      const distinct = new Set(quotes.map((q) => q.replace(/^«|»$/g, '')));
      for (const q of distinct) expect(article.includes(q), q).toBe(true);
      expect(distinct.size).toBe(QUOTED_SENTENCES);
      expect(await page.locator('[data-distance="route-length"]').count()).toBeGreaterThan(0);
      expect(errors.filter((e) => !/WebGL/i.test(e))).toEqual([]);
      await screenshot(page, 'no-webgl');
      await page.context().close();
    } finally {
      await noGl.close();
    }
  });
});

describe('on a phone (375×667)', () => {
  it('gives the map half the screen, folds the panels, fits the popup and pans with two fingers', async () => {
    const { page, errors } = await openPage(shared.browser, baseUrl, '', {
      viewport: { width: 375, height: 667 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    await waitForMap(page);
    // #31: the page scrolls under one finger (tests/e2e/page.test.ts), so the map takes a fixed share of the screen.
    const mapBox = await page.locator('#map').boundingBox();
    expect(mapBox!.width).toBe(375);
    expect(mapBox!.height).toBeGreaterThan(667 * 0.45);
    expect(await page.locator('#layers-heading button').getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#list-heading button').getAttribute('aria-expanded')).toBe('false');
    await screenshot(page, 'phone-first-view');

    const centerBefore = await page.evaluate(() =>
      (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap.getCenter().toArray(),
    );
    const cdp = await page.context().newCDPSession(page);
    const y0 = Math.round(mapBox!.y + mapBox!.height / 2);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints:
          type === 'touchEnd'
            ? []
            : [
                { x, y, id: 0 },
                { x: x + 60, y, id: 1 },
              ],
      });
    await touch('touchStart', 150, y0);
    for (let i = 1; i <= 10; i++) await touch('touchMove', 150 - i * 10, y0 + i * 5);
    await touch('touchEnd', 50, y0 + 50);
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap.getCenter().toArray(),
        ),
      )
      .not.toEqual(centerBefore);

    await page.goto(`${baseUrl}#map=6/45.9/40.1&f=tikhoretsk-depot`);
    await page.reload();
    await waitForMap(page);
    await page.waitForSelector('.maplibregl-popup .feature-details');
    const popup = await page.locator('.maplibregl-popup-content').boundingBox();
    expect(popup!.width).toBeLessThanOrEqual(375);
    await screenshot(page, 'phone-popup');
    // The sheet lies over the page's bottom while the map is pinned: the reader closes it to reach the panels.
    await page.keyboard.press('Escape');
    await page.waitForSelector('.maplibregl-popup', { state: 'detached' });
    await page.locator('#layers-heading button').click();
    await page.locator('#layers-heading').scrollIntoViewIfNeeded();
    await screenshot(page, 'phone-layers-open');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
