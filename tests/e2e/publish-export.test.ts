/**
 * Issue #14, export: the current view as a PNG (the map's size × devicePixelRatio, changing with the layers),
 * the story as GeoJSON that passes the parser of geo/, and one printed A4 page.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { t } from '../../src/i18n/strings';
import { parseStoryLayer } from '../../src/story/parse-story';
import { STORY_LAYERS } from '../../src/story/types';
import { openPage, screenshot, sharedBrowser, waitForIdle, waitForMap } from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();
const DPR = 2;

let page: Page;
beforeAll(async () => {
  ({ page } = await openPage(shared.browser, baseUrl, '', {
    viewport: { width: 1100, height: 720 },
    deviceScaleFactor: DPR,
    acceptDownloads: true,
  }));
  await waitForMap(page);
});
afterAll(async () => {
  await page.context().close();
});

/** Clicks an item of the Download menu and returns the downloaded file's name and bytes. */
async function download(item: string): Promise<{ name: string; bytes: Buffer }> {
  const menu = page.getByRole('button', { name: t('uk', 'export.button') });
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: item }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/**
 * Decodes a PNG in the page, keeping its pixels between the burnt-in bands there under `key`; returns its size
 * and how many distinct colours a sample of those pixels has.
 */
async function decode(png: Buffer, key: string): Promise<{ width: number; height: number; colours: number }> {
  return page.evaluate(
    async ([base64, name]) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      context.drawImage(bitmap, 0, 0);
      const top = Math.round(bitmap.height * 0.15);
      const { data } = context.getImageData(0, top, bitmap.width, Math.round(bitmap.height * 0.7));
      const store = window as unknown as { decoded?: Record<string, Uint8ClampedArray> };
      store.decoded = { ...store.decoded, [name]: data };
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return { width: bitmap.width, height: bitmap.height, colours: colours.size };
    },
    [png.toString('base64'), key] as const,
  );
}

/** How many pixels differ between two PNGs that decode() kept. */
async function changedPixels(a: string, b: string): Promise<number> {
  return page.evaluate(
    ([x, y]) => {
      const { decoded } = window as unknown as { decoded: Record<string, Uint8ClampedArray> };
      const [p, q] = [decoded[x]!, decoded[y]!];
      let changed = 0;
      for (let i = 0; i < p.length; i += 4)
        if (p[i] !== q[i] || p[i + 1] !== q[i + 1] || p[i + 2] !== q[i + 2]) changed++;
      return changed;
    },
    [a, b] as const,
  );
}

describe('Download image', () => {
  let first: { width: number; height: number; colours: number };

  it('saves a PNG of the view at the map’s size × devicePixelRatio', async () => {
    const { name, bytes } = await download(t('uk', 'export.image'));
    expect(name).toMatch(/^lavrov-pyongyang-map-\d{4}-\d{2}-\d{2}\.png$/);
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/publish-export.png', bytes);
    first = await decode(bytes, 'all-layers');
    const size = await page.evaluate(() => {
      const canvas = (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap.getCanvas();
      return { width: canvas.clientWidth, height: canvas.clientHeight };
    });
    expect(first.width).toBe(size.width * DPR);
    expect(first.height).toBe(size.height * DPR);
    expect(first.colours, 'not blank: the map has many colours between the bands').toBeGreaterThan(20);
    // A compact legend over the bottom band, lower left (#31): a label and a swatch in each layer's colour.
    const swatches = await page.evaluate(
      async ([base64, dpr]) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
        context.drawImage(bitmap, 0, 0);
        const [w, h] = [260 * dpr, 130 * dpr];
        const { data } = context.getImageData(0, bitmap.height - 44 * dpr - h, w, h);
        const found = new Set<string>();
        const wanted: Record<string, [number, number, number]> = {
          vessel: [0x00, 0x72, 0xb2],
          rail: [0xcc, 0x79, 0xa7],
          journeys: [0x00, 0x9e, 0x73],
          ports: [0xd5, 0x5e, 0x00],
        };
        for (let i = 0; i < data.length; i += 4)
          for (const [name, [r, g, b]] of Object.entries(wanted))
            if (Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b) < 12) found.add(name);
        return [...found].sort();
      },
      [bytes.toString('base64'), DPR] as const,
    );
    expect(swatches).toEqual(['journeys', 'ports', 'rail', 'vessel']);
  });

  it('differs when a layer is hidden', async () => {
    await page.keyboard.press('Escape');
    for (const layer of ['layers.lavrov-flight', 'layers.kim-train'] as const)
      await page.getByRole('checkbox', { name: t('uk', layer) }).uncheck();
    await waitForIdle(page);
    const second = await decode((await download(t('uk', 'export.image'))).bytes, 'no-journeys');
    expect([second.width, second.height]).toEqual([first.width, first.height]);
    expect(await changedPixels('all-layers', 'no-journeys'), 'pixels of the map that changed').toBeGreaterThan(500);
    for (const layer of ['layers.lavrov-flight', 'layers.kim-train'] as const)
      await page.getByRole('checkbox', { name: t('uk', layer) }).check();
    await waitForIdle(page);
  });
});

describe('Download image without the test hook', () => {
  it('reaches the map through src/map, not window.storyMap (which production builds may not have)', async () => {
    const { page: other } = await openPage(shared.browser, baseUrl, '', { acceptDownloads: true });
    await waitForMap(other);
    await other.evaluate(() => {
      delete (window as { storyMap?: unknown }).storyMap;
    });
    await other.getByRole('button', { name: t('uk', 'export.button') }).click();
    const [file] = await Promise.all([
      other.waitForEvent('download'),
      other.getByRole('button', { name: t('uk', 'export.image') }).click(),
    ]);
    const png = readFileSync(await file.path());
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(await other.locator('.notice-warning').count()).toBe(0);
    await other.context().close();
  });
});

describe('Download data', () => {
  it('saves the whole story as one GeoJSON file that passes the parser of geo/', async () => {
    const { name, bytes } = await download(t('uk', 'export.data'));
    expect(name).toMatch(/^lavrov-pyongyang-story-\d{4}-\d{2}-\d{2}\.geojson$/);
    const parsed = parseStoryLayer(name, JSON.parse(bytes.toString('utf8')));
    expect(parsed.errors).toEqual([]);
    const inFiles = STORY_LAYERS.reduce(
      (n, id) => n + JSON.parse(readFileSync(`geo/${id}.geojson`, 'utf8')).features.length,
      0,
    );
    expect(parsed.features).toHaveLength(inFiles);
    expect(parsed.features.every((f) => f.properties.sources.length > 0)).toBe(true);
  });

  it('shows how to cite the view', async () => {
    const cite = await page.locator('.export-cite').innerText();
    expect(cite).toContain(t('uk', 'export.cite'));
    expect(cite).toContain(baseUrl);
  });
});

describe('Print', () => {
  it('puts the current view with title, legend and credits on one A4 page', async () => {
    await page.evaluate(() => {
      (window as unknown as { printed: boolean }).printed = false;
      window.print = () => {
        (window as unknown as { printed: boolean }).printed = true;
      };
    });
    await page.getByRole('button', { name: t('uk', 'export.print') }).click();
    await page.waitForFunction(() => (window as unknown as { printed: boolean }).printed);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-map').isVisible()).toBe(true);
    expect(await page.locator('.topbar h1').isVisible()).toBe(true);
    expect(await page.locator('.print-legend').innerText()).toContain(t('uk', 'layers.ports'));
    expect(await page.locator('.print-sheet').innerText()).toContain(t('uk', 'card.credit'));
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    await screenshot(page, 'publish-print');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });
  });

  it('folds the menu on Escape, back to its button', async () => {
    await page.getByRole('button', { name: t('uk', 'export.data') }).focus();
    await page.keyboard.press('Escape');
    expect(await page.locator('#export-panel').count()).toBe(0);
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-controls'));
    expect(focused).toBe('export-panel');
  });
});

describe('Ctrl+P, without the Print button', () => {
  it('prints the view as it is at that moment, ready before the page is laid out', async () => {
    const { page: fresh } = await openPage(shared.browser, baseUrl, '#map=4/44/45', { reducedMotion: 'reduce' });
    await waitForMap(fresh);
    // A reader presses Ctrl+P some moments after the map is ready.
    await fresh.waitForFunction(() =>
      performance.getEntriesByType('resource').some((r) => /export-actions-[\w-]+\.js$/.test(r.name)),
    );
    /** What the printed page shows as the map, read in the same task as `beforeprint` (as the print layout is). */
    const printNow = () =>
      fresh.evaluate(() => {
        window.dispatchEvent(new Event('afterprint'));
        window.dispatchEvent(new Event('beforeprint'));
        const frozen = document.querySelector('.print-map');
        const drawable =
          frozen instanceof HTMLCanvasElement ||
          (frozen instanceof HTMLImageElement && frozen.complete && frozen.naturalWidth > 0);
        if (!drawable) return { drawn: false, colours: 0, signature: '' };
        const small = document.createElement('canvas');
        small.width = 48;
        small.height = 32;
        const context = small.getContext('2d') as CanvasRenderingContext2D;
        context.drawImage(frozen as CanvasImageSource, 0, 0, small.width, small.height);
        const pixels = context.getImageData(0, 0, small.width, small.height).data;
        const colours = new Set<number>();
        for (let i = 0; i < pixels.length; i += 4)
          colours.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
        return { drawn: true, colours: colours.size, signature: Array.from(pixels).join(',') };
      });
    const first = await printNow();
    expect(first.drawn).toBe(true);
    // Not a blank canvas: land, sea, borders and the story's marks.
    expect(first.colours).toBeGreaterThan(20);
    await fresh.evaluate(() =>
      (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap.jumpTo({ center: [130, 42], zoom: 5 }),
    );
    await waitForIdle(fresh);
    const second = await printNow();
    expect(second.drawn).toBe(true);
    expect(second.signature).not.toBe(first.signature);
    await fresh.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await fresh.locator('.print-map').count()).toBe(0);
    await fresh.context().close();
  });
});
