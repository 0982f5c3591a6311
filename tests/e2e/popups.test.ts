/** Issue: popups that quote the article, with Turf-computed distances, and the article beside the map. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { quotesFor } from '../../src/story/quotes';
import { jumpTo, openPage, pagePointOf, screenshot, sharedBrowser, waitForMap } from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();

interface ClickCase {
  id: string;
  at: [number, number];
  zoom: number;
  heading: RegExp;
  distances: string[];
}

const CASES: ClickCase[] = [
  { id: 'moscow', at: [37.6178, 55.7517], zoom: 5, heading: /Москва/, distances: ['leg'] },
  { id: 'beijing', at: [116.3875, 39.9033], zoom: 5, heading: /Пекін/, distances: ['leg'] },
  { id: 'pyongyang', at: [125.7543, 39.0339], zoom: 7, heading: /Пхеньян/, distances: ['leg'] },
  {
    id: 'rajin-port',
    at: [130.3, 42.238],
    zoom: 7,
    heading: /Раджин/,
    distances: ['by-sea', 'great-circle', 'passage'],
  },
  {
    id: 'dunai-port',
    at: [132.366, 42.899],
    zoom: 7,
    heading: /Дунай/,
    distances: ['by-sea', 'great-circle', 'passage', 'straight', 'by-rail'],
  },
  {
    id: 'tikhoretsk-depot',
    at: [40.0424, 45.8884],
    zoom: 7,
    heading: /склад/i,
    distances: ['to-ukraine', 'straight', 'by-rail'],
  },
  {
    id: 'angara-maria-shuttle',
    at: [131.45, 42.56],
    zoom: 7,
    heading: /Ангар/,
    distances: ['route-length', 'great-circle', 'passage'],
  },
];

async function clickFeature(page: Page, c: ClickCase): Promise<void> {
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('.maplibregl-popup').count()).toBe(0);
  await jumpTo(page, c.at, c.zoom);
  const { x, y } = await pagePointOf(page, c.at);
  await page.mouse.click(x, y);
  await page.waitForSelector('.maplibregl-popup .feature-details');
  // Quotes, distances, figures and sources are folded under the key facts (#24): open them as a reader would.
  await page.locator('.maplibregl-popup .feature-more > summary').click();
}

describe('clicking a story feature on the map', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openPage(shared.browser, baseUrl));
    await waitForMap(page);
  });
  afterAll(async () => {
    await page.context().close();
  });

  for (const c of CASES) {
    it(`opens ${c.id}'s popup with its quote and distances`, async () => {
      await clickFeature(page, c);
      const popup = page.locator('.maplibregl-popup');
      expect(await popup.count()).toBe(1);
      expect(await popup.locator('.feature-name').innerText()).toMatch(c.heading);
      const quotes = await popup.locator('blockquote').allInnerTexts();
      expect(quotes).toEqual(quotesFor(c.id).map((q) => `«${q.uk}»`));
      expect(quotes.length).toBeGreaterThan(0);
      for (const kind of c.distances) {
        const row = popup.locator(`[data-distance="${kind}"] dd`).first();
        await expect.poll(() => row.innerText(), { timeout: 10_000 }).toMatch(/\d.*(км|год)/);
      }
      await expect.poll(() => page.url()).toContain(`f=${c.id}`);
      if (c.id === 'tikhoretsk-depot' || c.id === 'angara-maria-shuttle') await screenshot(page, `popup-${c.id}`);
    });
  }

  it('shows the depot computed distance beside both reported figures', async () => {
    await clickFeature(page, CASES.find((c) => c.id === 'tikhoretsk-depot')!);
    const popup = page.locator('.maplibregl-popup');
    const row = popup.locator('[data-distance="to-ukraine"] dd');
    // The computed figure comes first, once Ukraine's outline is loaded; the sources' figures follow it.
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toMatch(/^\d/);
    const computed = await row.innerText();
    const km = Number(computed.match(/^[\d\s]+/)?.[0].replace(/\s/g, ''));
    expect(km).toBeGreaterThan(180);
    expect(km).toBeLessThan(210);
    expect(computed).toContain('RUSI: близько 200 км');
    expect(computed).toContain('Білий дім: близько 290 км');
    const reported = await popup.locator('.reported').innerText();
    expect(reported).toContain('RUSI: близько 200 км');
    expect(reported).toContain('Білий дім: близько 290 км');
    expect(reported).toMatch(/розходяться/);
  });

  it("shows the shuttle's figures as their sources give them, in Ukrainian, and none as contested", async () => {
    await clickFeature(page, CASES.find((c) => c.id === 'angara-maria-shuttle')!);
    const popup = page.locator('.maplibregl-popup');
    const reported = await popup.locator('.reported').innerText();
    expect(reported).toContain('RUSI: щонайменше 5 рейсів туди й назад');
    expect(reported).toContain('«Голос Америки»: щонайменше 4 судна заходили до Раджина');
    expect(reported).not.toMatch(/розходяться|1\s?000|VOA/);
    expect(await popup.locator('.feature-meta').first().innerText()).not.toMatch(/[A-Za-z]{3,}/);
    const text = await popup.innerText();
    expect(text).toContain('Ангара, Марія');
    expect(text).not.toContain('Angara');
  });

  it('closes with Escape and with a click on empty map', async () => {
    await clickFeature(page, CASES[0]!);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.maplibregl-popup').count()).toBe(0);
    await clickFeature(page, CASES[0]!);
    const { x, y } = await pagePointOf(page, [29, 56]);
    await page.mouse.click(x, y);
    await expect.poll(() => page.locator('.maplibregl-popup').count()).toBe(0);
    await expect.poll(() => page.url()).not.toContain('f=');
  });

  it('shows a pointer cursor over a clickable feature', async () => {
    const c = CASES[2]!;
    await jumpTo(page, c.at, c.zoom);
    const { x, y } = await pagePointOf(page, c.at);
    await page.mouse.move(x, y);
    await expect.poll(() => page.evaluate(() => document.querySelector('canvas')?.style.cursor)).toBe('pointer');
  });

  it('picks the point, not the line under it, where they overlap', async () => {
    // Rajin port is both a point and the start of the vessel route.
    await clickFeature(page, CASES.find((c) => c.id === 'rajin-port')!);
    expect(await page.locator('.maplibregl-popup .feature-name').innerText()).toMatch(/Раджин/);
  });
});

describe('the article beside the map', () => {
  it('opens a popup from a marked sentence, and "show in article" highlights it', async () => {
    const { page, errors } = await openPage(shared.browser, baseUrl);
    await waitForMap(page);
    await page.getByRole('button', { name: /Стаття/ }).click();
    const passage = page.locator('.passage', { hasText: 'склад боєприпасів' });
    await passage.click();
    await page.waitForSelector('.maplibregl-popup .feature-details');
    expect(await page.locator('.maplibregl-popup .feature-name').innerText()).toMatch(/склад/i);
    await expect.poll(() => page.url()).toContain('f=tikhoretsk-depot');
    await screenshot(page, 'article-to-popup');

    await page.keyboard.press('Escape');
    await page.locator('.passage', { hasText: 'двох російських кораблів' }).click();
    await page.waitForSelector('.maplibregl-popup .feature-details');
    await page.locator('.maplibregl-popup .feature-more > summary').click();
    await page.locator('.maplibregl-popup').getByRole('button', { name: 'Показати в статті' }).first().click();
    const highlighted = page.locator('.passage.highlighted');
    await expect.poll(() => highlighted.count()).toBe(1);
    expect(await highlighted.innerText()).toContain('двох російських кораблів');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
