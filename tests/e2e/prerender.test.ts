/**
 * Issue #28 (1, 2): the page is drawn at build time, in Ukrainian (index.html) and in English (en/index.html), and
 * reads without JavaScript: the title, the lede, every place with its quotes and distances, and the article. With
 * JavaScript the app takes over the same DOM (no element twice, no error, no layout shift), and the HTML does not
 * preload the map library ahead of the page's own code.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { type Lang, t } from '../../src/i18n/strings';
import { openPage, screenshot, sharedBrowser, waitForMap } from './browser';

// What readers download: the production build.
const baseUrl = inject('productionBaseUrl');
const shared = sharedBrowser();
const PAGES: Record<Lang, string> = { uk: baseUrl, en: `${baseUrl}en/` };
const ARTICLE_LINES = readFileSync(new URL('../../src/article/ukrinform-2023-10-18.uk.txt', import.meta.url), 'utf8')
  .split('\n')
  .map(normalized)
  .filter((line) => line !== '');

function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

interface PlaceText {
  id: string;
  name: string;
  quotes: string[];
  distances: string[];
}

/** Every place of the text list as the page has it: name, quotes and distances, in the DOM's order. */
function placesOf(page: Page): Promise<PlaceText[]> {
  return page.locator('#feature-list li[data-feature-id]').evaluateAll((items) =>
    items.map((li) => {
      const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
      return {
        id: li.getAttribute('data-feature-id') ?? '',
        name: text(li.querySelector('.feature-name')),
        quotes: [...li.querySelectorAll('.quotes blockquote')].map(text),
        distances: [...li.querySelectorAll('.distance')].map(
          (d) => `${text(d.querySelector('dt'))} = ${text(d.querySelector('dd'))}`,
        ),
      };
    }),
  );
}

/** The article's paragraphs as text, without our translations (the English page puts them after each quote). */
function articleLinesOf(page: Page): Promise<string[]> {
  return page.locator('#article-panel .article').evaluate((article) => {
    const copy = article.cloneNode(true) as Element;
    for (const el of copy.querySelectorAll('.passage-translation, .article-hint, .article-credit')) el.remove();
    return [...copy.querySelectorAll('p')].map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim());
  });
}

/** The text list as the live app shows it once everything it measures has arrived (Ukraine's outline included). */
async function placesShownByTheApp(lang: Lang): Promise<PlaceText[]> {
  const { page, errors } = await openPage(shared.browser, PAGES[lang]);
  await waitForMap(page);
  await page.locator('#list-heading button').click();
  await page.waitForSelector('#feature-list [data-distance="to-ukraine"]');
  await expect
    .poll(() => page.locator('#feature-list [data-distance="to-ukraine"] dd').innerText())
    .not.toContain(t(lang, 'dist.computing'));
  const places = await placesOf(page);
  expect(errors).toEqual([]);
  await page.context().close();
  return places;
}

describe('the page without JavaScript', () => {
  for (const lang of ['uk', 'en'] as const) {
    it(`reads in ${lang}: the title, the lede, every place with its quotes and distances, and the article`, async () => {
      const expected = await placesShownByTheApp(lang);
      const { page, errors } = await openPage(shared.browser, PAGES[lang], '', { javaScriptEnabled: false });
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      expect(await page.title()).toBe(t(lang, 'app.title'));
      expect(normalized(await page.locator('h1').innerText())).toBe(t(lang, 'app.title'));
      expect(await page.locator('.lede').isVisible()).toBe(true);
      expect(normalized(await page.locator('.lede').innerText())).toBe(normalized(t(lang, 'page.lede')));
      // The static picture stands in for the map, in the page's language, with its text alternative.
      const picture = page.locator('img.static-map');
      expect(await picture.getAttribute('alt')).toBe(t(lang, 'map.staticAlt'));
      expect(await picture.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      expect(await picture.getAttribute('src')).toContain(`static-map.${lang}.svg`);
      // The legend.
      expect(await page.locator('.layer-panel').isVisible()).toBe(true);

      // Every place the app lists, with the same quotes and the same numbers, and the list is shown.
      const places = await placesOf(page);
      expect(places.length).toBeGreaterThan(10);
      expect(places).toEqual(expected);
      expect(places.flatMap((p) => p.quotes).length).toBeGreaterThan(5);
      expect(places.find((p) => p.id === 'tikhoretsk-depot')?.distances.join(' ')).toMatch(/\d/);
      expect(
        await page.locator('#feature-list li[data-feature-id="tikhoretsk-depot"] blockquote').first().isVisible(),
      ).toBe(true);

      // The whole article, shown.
      expect(await articleLinesOf(page)).toEqual(ARTICLE_LINES);
      expect(await page.locator('#article-panel .article').isVisible()).toBe(true);

      // Controls that need JavaScript are not offered; the other language's page is a link.
      expect(await page.locator('.story-bar').isVisible()).toBe(false);
      expect(await page.locator('.notice-loading').isVisible()).toBe(false);
      const other = page.locator('a.lang-link');
      expect(await other.isVisible()).toBe(true);
      await screenshot(page, `prerender-no-js-${lang}`);
      await other.click();
      await page.waitForURL(lang === 'uk' ? PAGES.en : PAGES.uk);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang === 'uk' ? 'en' : 'uk');
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});

describe('the page with JavaScript', () => {
  for (const lang of ['uk', 'en'] as const) {
    it(`takes over the prerendered ${lang} page: no error, no element twice, no layout shift`, async () => {
      const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(() => {
        const shifts: { at: number; value: number }[] = [];
        (window as unknown as { layoutShifts: typeof shifts }).layoutShifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            shifts.push({ at: entry.startTime, value: (entry as unknown as { value: number }).value });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(PAGES[lang]);
      await waitForMap(page);
      const counts = () =>
        page.evaluate(() =>
          [
            '#app > .app',
            'h1',
            '.topbar-full',
            '.lede',
            '.story-bar',
            'img.static-map',
            '#map',
            '#layers-heading',
            '#list-heading',
            '#article-heading',
            '.print-sheet',
          ].map((selector) => `${selector} ${document.querySelectorAll(selector).length}`),
        );
      const once = (await counts()).map((c) => c.replace(/\d+$/, '1'));
      expect(await counts()).toEqual(once);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      expect(normalized(await page.locator('h1').innerText())).toBe(t(lang, 'app.title'));
      // Folded panels are folded again (their prerendered text is for readers without JavaScript).
      expect(await page.locator('#feature-list li[data-feature-id]').count()).toBe(0);
      expect(await page.locator('#article-panel .article').count()).toBe(0);
      await page.locator('#list-heading button').click();
      await page.waitForSelector('#feature-list li[data-feature-id="moscow"]');
      expect(await page.locator('#feature-list li[data-feature-id="moscow"]').count()).toBe(1);
      expect(await page.locator('.story-bar').isVisible()).toBe(true);
      expect(await page.locator('a.lang-link').isVisible()).toBe(false);
      // Until the map is ready: the first paint, the takeover, the font, the story's data and the map. (The time
      // control, which comes after, lays out its ticks in lanes once it is drawn.)
      const shifts = await page.evaluate(() => {
        const ready = performance.getEntriesByName('story-map:ready')[0]?.startTime ?? Number.POSITIVE_INFINITY;
        const all = (window as unknown as { layoutShifts: { at: number; value: number }[] }).layoutShifts;
        return all.filter((s) => s.at <= ready).map((s) => s.value);
      });
      console.log(`${lang}: layout shifts until the map was ready: ${JSON.stringify(shifts)}`);
      expect(shifts.reduce((a, b) => a + b, 0)).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('keeps old links working: #lang=en on the Ukrainian page is English, #lang=uk on the English page Ukrainian', async () => {
    for (const [url, lang] of [
      [`${PAGES.uk}#lang=en&f=moscow`, 'en'],
      [`${PAGES.en}#lang=uk`, 'uk'],
    ] as const) {
      const { page, errors } = await openPage(shared.browser, url);
      await waitForMap(page);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      expect(normalized(await page.locator('h1').innerText())).toBe(t(lang, 'app.title'));
      expect(await page.locator('h1').count()).toBe(1);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });
});

describe('the HTML', () => {
  for (const lang of ['uk', 'en'] as const) {
    it(`of the ${lang} page preloads no maplibre-gl and has no inline script but JSON-LD, nor inline style`, async () => {
      const html = await (await fetch(PAGES[lang])).text();
      // (Matched parts only: the whole page in a failure message would bury it.)
      expect(/<script type="module" crossorigin src="[^"]*assets\/index-[^"]+\.js"><\/script>/.test(html)).toBe(true);
      const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*>/g)].map((m) => m[0]);
      expect(preloads.filter((link) => link.includes('maplibre-gl'))).toEqual([]);
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? '');
      expect(scripts.filter((attrs) => !/\bsrc="/.test(attrs) && !/type="application\/ld\+json"/.test(attrs))).toEqual(
        [],
      );
      expect(html.match(/\sstyle="[^"]*"/g) ?? []).toEqual([]);
      // The prerendered page is in the HTML: the title and the depot's place in the list.
      expect(html.includes(`<h1>${t(lang, 'app.title')}</h1>`), 'the title as h1').toBe(true);
      expect(html.includes('data-feature-id="tikhoretsk-depot"'), 'the depot in the list').toBe(true);
    });
  }
});
