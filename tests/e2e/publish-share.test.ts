/**
 * Issue #14, share cards: the built page has Open Graph and Twitter tags in its language, and og:image is a
 * 1200×630 PNG drawn at build time from the story's GeoJSON; SITE_URL makes its URL absolute.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, inject, it } from 'vitest';
import { t } from '../../src/i18n/strings';
import { sharedBrowser } from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();

/** The `content` of every meta tag in `html`, by its property or name. */
function metaTags(html: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const m of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g)) tags[m[1]!] = m[2]!;
  return tags;
}

describe('the share card', () => {
  it('is a 1200×630 PNG in dist/', () => {
    const png = readFileSync('dist/share-card.png');
    expect(png.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
    // The IHDR chunk comes first: width and height are its first two 32-bit fields.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it('is not blank: the map, its routes and the title band are drawn', async () => {
    const page = await shared.browser.newPage();
    await page.goto(`${baseUrl}share-card.png`);
    const stats = await page.evaluate(async () => {
      const img = document.querySelector('img') as HTMLImageElement;
      await img.decode();
      const canvas = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
      const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const colours = new Set<number>();
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) {
        colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
        if (data[i]! + data[i + 1]! + data[i + 2]! < 200) dark++;
      }
      return { width: canvas.width, height: canvas.height, colours: colours.size, dark };
    });
    expect(stats.width).toBe(1200);
    expect(stats.height).toBe(630);
    expect(stats.colours, 'distinct colours').toBeGreaterThan(100);
    expect(stats.dark, 'dark pixels of the title text').toBeGreaterThan(5000);
    await page.context().close();
  });
});

describe('the link preview tags', () => {
  it('give the title, a Ukrainian description and the card, in the page’s language', () => {
    const html = readFileSync('dist/index.html', 'utf8');
    const meta = metaTags(html);
    expect(html).toMatch(/<html lang="uk">/);
    expect(meta['og:title']).toBe(t('uk', 'app.title'));
    expect(meta['twitter:title']).toBe(t('uk', 'app.title'));
    expect(meta.description).toBe(t('uk', 'meta.description'));
    expect(meta['og:description']).toBe(t('uk', 'meta.description'));
    expect(meta['twitter:description']).toBe(t('uk', 'meta.description'));
    expect(meta['og:image']).toBe('./share-card.png');
    expect(meta['twitter:image']).toBe('./share-card.png');
    expect(meta['twitter:card']).toBe('summary_large_image');
    expect([meta['og:image:width'], meta['og:image:height']]).toEqual(['1200', '630']);
    expect(meta['og:url']).toBeUndefined();
  });

  it('make the image URL absolute when SITE_URL is given at build time', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'story-map-site-url-'));
    process.env.SITE_URL = 'https://news.example/graphics/lavrov-map';
    try {
      await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
    } finally {
      delete process.env.SITE_URL;
    }
    const meta = metaTags(readFileSync(join(outDir, 'index.html'), 'utf8'));
    rmSync(outDir, { recursive: true, force: true });
    expect(meta['og:image']).toBe('https://news.example/graphics/lavrov-map/share-card.png');
    expect(meta['twitter:image']).toBe('https://news.example/graphics/lavrov-map/share-card.png');
    expect(meta['og:url']).toBe('https://news.example/graphics/lavrov-map/');
  });
});
