/**
 * Issue #25: landmarks that help, names without glyphs, a map that is described and whose focus ring shows.
 * Read from Chromium's own accessibility tree (CDP), which is what a screen reader is given.
 */

import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPage, sharedBrowser, waitForMap } from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();

const LANDMARKS = new Set(['main', 'region', 'navigation', 'complementary', 'banner', 'contentinfo', 'search', 'form']);

interface AxNode {
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  description?: { value: string };
}

async function axTree(page: Page): Promise<AxNode[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  await cdp.detach();
  return nodes.filter((n) => !n.ignored);
}

async function landmarks(page: Page): Promise<string[]> {
  return (await axTree(page))
    .filter((n) => LANDMARKS.has(n.role?.value ?? ''))
    .map((n) => `${n.role?.value}: ${n.name?.value ?? ''}`);
}

/** The accessible description of the map's focusable region (the canvas). */
async function mapDescription(page: Page): Promise<string> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.maplibregl-canvas');
    const ids = canvas?.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  });
}

describe('landmarks and names', () => {
  for (const lang of ['uk', 'en'] as const) {
    it(`in ${lang}: one main, no landmark twice, one named map, no glyph in a name`, async () => {
      const { page, errors } = await openPage(shared.browser, baseUrl, `#lang=${lang}&f=tikhoretsk-depot`);
      await waitForMap(page);
      await page.waitForSelector('.maplibregl-popup .feature-details');
      await page.locator('#list-heading button').click();
      await page.waitForSelector('.feature-list');
      const marks = await landmarks(page);
      expect(marks.filter((m) => m.startsWith('main:'))).toHaveLength(1);
      expect(marks.length - new Set(marks).size, marks.join('\n')).toBe(0);
      expect(marks.length, marks.join('\n')).toBeLessThanOrEqual(12);
      // The map is one region with one name, not an instruction.
      const canvasRole = await page.evaluate(() => document.querySelector('.maplibregl-canvas')?.getAttribute('role'));
      expect(canvasRole).toBe('region');
      const mapRegions = marks.filter((m) => m.startsWith('region:') && /map|карт/i.test(m));
      expect(mapRegions, marks.join('\n')).toHaveLength(1);
      expect(mapRegions[0]).not.toMatch(/arrow|стрілк/i);
      const names = (await axTree(page)).map((n) => n.name?.value ?? '');
      expect(names.filter((n) => /[▸▾▴◂]/.test(n))).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});

describe('the map is described', () => {
  it('names what it shows, the day and the text version, and follows layers and language', async () => {
    const { page } = await openPage(shared.browser, baseUrl, '#lang=en');
    await waitForMap(page);
    const first = await mapDescription(page);
    expect(first).toMatch(/Rajin/);
    expect(first).toMatch(/Tikhoretsk/);
    expect(first).toMatch(/place/i); // points to the text version
    await page.locator('input[name="layer"][value="rail-route"]').uncheck();
    await expect.poll(() => mapDescription(page)).not.toBe(first);
    expect(await mapDescription(page)).not.toMatch(/rail/i);
    await page.getByRole('button', { name: 'Українська' }).click();
    await expect.poll(() => mapDescription(page)).toMatch(/Раджин|Расон|Наджин/);
    await page.context().close();
  });
});

describe('the map shows where focus is', () => {
  it('draws a visible focus ring inside the map when the canvas has keyboard focus', async () => {
    const { page } = await openPage(shared.browser, baseUrl, '#lang=en');
    await waitForMap(page);
    const box = await page.locator('.maplibregl-canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    /** The share of the canvas's top 6 px rows that are the focus colour (#d55e00), read from a screenshot. */
    const orangeAtEdges = async () => {
      const png = (await page.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: 6 } })).toString(
        'base64',
      );
      return page.evaluate(async (b64) => {
        const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        const ctx = new OffscreenCanvas(image.width, image.height).getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.drawImage(image, 0, 0);
        const { data } = ctx.getImageData(0, 0, image.width, image.height);
        let n = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i]! > 190 && data[i + 1]! > 70 && data[i + 1]! < 120 && data[i + 2]! < 40) n++;
        }
        return n / (image.width * image.height);
      }, png);
    };
    const before = await orangeAtEdges();
    // Keyboard focus, as a reader tabbing would give it.
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(true);
    const after = await orangeAtEdges();
    expect(after - before).toBeGreaterThan(0.3);
    await page.context().close();
  });
});
