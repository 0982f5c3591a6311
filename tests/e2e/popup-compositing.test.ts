/**
 * Issue #17: with a popup open, the screenshot shows the map wherever the canvas has drawn it. The canvas's
 * own pixels are read back inside a `render` handler (the drawing buffer is not preserved after it), and
 * compared with a screenshot at points outside the popup and the map's controls.
 */

import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { popupAnchorFor } from '../../src/story/camera';
import type { StoryFeature } from '../../src/story/types';
import { openPage, pagePointOf, screenshot, sharedBrowser, waitForIdle, waitForMap } from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();

function anchorOf(file: string, id: string): [number, number] {
  const data = JSON.parse(readFileSync(`geo/${file}.geojson`, 'utf8')) as FeatureCollection;
  const feature = data.features.find((f) => f.properties?.id === id) as unknown as StoryFeature;
  return popupAnchorFor(feature) as [number, number];
}

const PLACES: { id: string; at: [number, number] }[] = [
  { id: 'tikhoretsk-depot', at: anchorOf('ports', 'tikhoretsk-depot') },
  { id: 'rajin-port', at: anchorOf('ports', 'rajin-port') },
  { id: 'angara-maria-shuttle', at: anchorOf('vessel-routes', 'angara-maria-shuttle') },
  { id: 'moscow', at: anchorOf('capitals', 'moscow') },
];

type Drawn = { w: number; h: number; pixels: Uint8Array };

/** The canvas's pixels as drawn in its next frame, kept on `window[key]` for `mismatches`. */
async function readCanvas(page: Page, key: 'before' | 'after'): Promise<void> {
  await page.evaluate(
    (key) =>
      new Promise<void>((resolve) => {
        const map = (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap;
        const gl = map.getCanvas().getContext('webgl2') as WebGL2RenderingContext;
        map.once('render', () => {
          const w = gl.drawingBufferWidth;
          const h = gl.drawingBufferHeight;
          const pixels = new Uint8Array(w * h * 4);
          gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
          (window as unknown as Record<string, Drawn>)[key] = { w, h, pixels };
          resolve();
        });
        map.triggerRepaint();
      }),
    key,
  );
}

/**
 * Reads the canvas, takes a screenshot, reads the canvas again, and returns the points (every 4 px, outside the
 * popup, its shadow and the controls) where the screenshot differs from a canvas that did not change meanwhile,
 * and how many points changed on the canvas itself between the two reads.
 */
async function mismatches(
  page: Page,
): Promise<{ checked: number; changed: number; bad: { x: number; y: number; drawn: number[]; shown: number[] }[] }> {
  await readCanvas(page, 'before');
  const png = (await page.screenshot()).toString('base64');
  await readCanvas(page, 'after');
  return page.evaluate(async (b64) => {
    const { w, h, pixels } = (window as unknown as Record<string, Drawn>).before!;
    const later = (window as unknown as Record<string, Drawn>).after!.pixels;
    const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const ctx = new OffscreenCanvas(image.width, image.height).getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    const shot = ctx.getImageData(0, 0, image.width, image.height);
    const dpr = image.width / window.innerWidth;
    const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!.getBoundingClientRect();
    // The popup's shadow (the sheet's reaches 12 px up) is the popup's own drawing: skip 16 px around it.
    const around = (selector: string, margin: number) =>
      [...document.querySelectorAll(selector)].map((e) => {
        const r = e.getBoundingClientRect();
        return { left: r.left - margin, top: r.top - margin, right: r.right + margin, bottom: r.bottom + margin };
      });
    const skip = [...around('.maplibregl-popup', 16), ...around('.maplibregl-ctrl, .notices > *', 3)];
    const scale = w / canvas.width;
    const bad: { x: number; y: number; drawn: number[]; shown: number[] }[] = [];
    let checked = 0;
    let changed = 0;
    for (let y = Math.ceil(canvas.top) + 2; y < canvas.bottom - 2; y += 4) {
      for (let x = Math.ceil(canvas.left) + 2; x < canvas.right - 2; x += 4) {
        if (skip.some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom)) continue;
        const cx = Math.floor((x - canvas.left) * scale);
        const cy = h - 1 - Math.floor((y - canvas.top) * scale);
        const si = (Math.floor(y * dpr) * shot.width + Math.floor(x * dpr)) * 4;
        const shown = [shot.data[si]!, shot.data[si + 1]!, shot.data[si + 2]!];
        const drawnAt = (dx: number, dy: number) => {
          const i = ((cy + dy) * w + cx + dx) * 4;
          return [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
        };
        const here = (cy * w + cx) * 4;
        if ([0, 1, 2].some((k) => Math.abs(pixels[here + k]! - later[here + k]!) > 12)) {
          changed++;
          continue;
        }
        // The canvas may sit at a fractional page offset: any pixel of its 3×3 neighbourhood may be the one shown.
        const near = [-1, 0, 1].flatMap((dy) => [-1, 0, 1].map((dx) => drawnAt(dx, dy)));
        checked++;
        if (!near.some((d) => d.every((v, k) => Math.abs(v - shown[k]!) <= 12))) {
          bad.push({ x, y, drawn: drawnAt(0, 0), shown });
        }
      }
    }
    return { checked, changed, bad };
  }, png);
}

/** Compares the screenshot with the canvas once the popup is open and the map is still. */
async function expectScreenshotShowsCanvas(page: Page, name: string): Promise<void> {
  await page.waitForSelector('.maplibregl-popup .feature-details');
  // A canvas still settling (a late feature-state redraw) is read again: only a still canvas is compared.
  let result = { checked: 0, changed: 1, bad: [] as { x: number; y: number; drawn: number[]; shown: number[] }[] };
  for (let attempt = 0; attempt < 4 && result.changed > 0; attempt++) {
    await waitForIdle(page);
    result = await mismatches(page);
  }
  const { checked, changed, bad } = result;
  expect(changed, 'points that changed on the canvas between two reads').toBe(0);
  expect(checked).toBeGreaterThan(3000);
  if (bad.length > 0) await screenshot(page, `popup-compositing-${name}`);
  expect(bad.slice(0, 3), `${bad.length} of ${checked} points differ`).toEqual([]);
}

describe('with a popup open, the screenshot shows what the canvas drew', () => {
  // One page per zoom; each place in turn: the camera jumps there, the map settles, the reader clicks.
  for (const zoom of [3, 8]) {
    describe(`at zoom ${zoom}`, () => {
      let opened: Awaited<ReturnType<typeof openPage>>;
      beforeAll(async () => {
        const [lng, lat] = PLACES[0]!.at;
        opened = await openPage(shared.browser, baseUrl, `#map=${zoom}/${lat}/${lng}`, { reducedMotion: 'reduce' });
        await waitForMap(opened.page);
      });
      afterAll(async () => {
        expect(opened.errors).toEqual([]);
        await opened.page.context().close();
      });
      for (const place of PLACES) {
        it(`at ${place.id}`, async () => {
          const { page } = opened;
          await page.evaluate(
            ([center, z]) => {
              const w = window as unknown as {
                storyMap: import('maplibre-gl').Map;
                storyModel: { select(id: undefined, origin: 'map'): void };
              };
              w.storyModel.select(undefined, 'map');
              w.storyMap.jumpTo({ center, zoom: z });
            },
            [place.at, zoom] as const,
          );
          await page.waitForSelector('.maplibregl-popup', { state: 'detached' });
          await waitForIdle(page);
          const { x, y } = await pagePointOf(page, place.at);
          await page.mouse.click(x, y);
          await expectScreenshotShowsCanvas(page, `${place.id}-${zoom}`);
        });
      }
    });
  }
});

describe('with a linked popup open (the camera framed it first), the screenshot shows what the canvas drew', () => {
  const sizes = { desktop: {}, phone: { viewport: { width: 375, height: 667 }, isMobile: true, deviceScaleFactor: 2 } };
  // A point and a line per size (each a fresh page): the clicks above open all four at two zooms.
  const linked = PLACES.filter((p) => p.id === 'tikhoretsk-depot' || p.id === 'angara-maria-shuttle');
  for (const [size, context] of Object.entries(sizes)) {
    for (const place of linked) {
      it(`at ${place.id}, ${size}`, async () => {
        const { page, errors } = await openPage(shared.browser, baseUrl, `#f=${place.id}`, {
          reducedMotion: 'reduce',
          ...context,
        });
        await waitForMap(page);
        await expectScreenshotShowsCanvas(page, `${place.id}-link-${size}`);
        expect(errors).toEqual([]);
        await page.context().close();
      });
    }
  }
});

describe('the comparison itself', () => {
  it("sees a rectangle of the map area's background over the map", async () => {
    const { page } = await openPage(shared.browser, baseUrl, '#map=8/45.8884/40.0424', { reducedMotion: 'reduce' });
    await waitForMap(page);
    // The symptom of #17, made by hand: a box of the page's pale blue between the canvas and the reader.
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.style.cssText = 'position:absolute;left:260px;top:0;width:380px;height:280px;background:#d7e6ee;z-index:1';
      document.querySelector('.map-area')!.append(box);
    });
    await waitForIdle(page);
    const { checked, bad } = await mismatches(page);
    expect(checked).toBeGreaterThan(3000);
    expect(bad.length).toBeGreaterThan(1000);
    await page.context().close();
  });
});
