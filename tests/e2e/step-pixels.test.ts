/**
 * Issue #22: every story step shows on screen the same map as the link it writes. For each step, the page opened
 * at `#lang=en&step=1` and moved on with Next is screenshot once the camera has settled (no forced repaint: a reader's
 * page gets none); the link each step wrote (camera, layers, day) is opened in a second page of the same size (loaded
 * for the first step, then followed as a changed link), and the map's pixels outside the step's panel and the map's
 * controls are compared every 8 px.
 */

import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumPath, screenshot, waitForMap } from './browser';

const baseUrl = inject('baseUrl');

// Chromium as a reader's Chrome runs it: WebGL and compositing as it chooses for the machine (on one without a GPU,
// software compositing), not the SwiftShader GPU path the other browser tests force. Only there does Chrome leave out
// the map behind the step's sheet (#22).
let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
});
afterAll(async () => {
  await browser?.close();
});

const STEPS = 7;
/** Land and sea differ by about 46 in |ΔR| + |ΔG| + |ΔB|: a point differs from this on. */
const THRESHOLD = 40;
/** Labels placed a little differently may differ; a blank or missing map does not fit in this. */
const MAX_DIFFERING = 0.05;
const SAMPLE_PX = 8;

type Rect = { left: number; top: number; right: number; bottom: number };
interface Capture {
  png: string;
  canvas: Rect;
  /** What covers the map on this page: the step's panel (with its shadow), the controls, notices. */
  covers: Rect[];
}

/**
 * The phone, where #22 was found (the step's sheet over the map), and a short wide screen, where the step's text sits
 * beside the map (the 1440×900 screen the page tests use adds only time here, 46 s).
 */
const SIZES: Record<string, BrowserContextOptions> = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  '1280×720': { viewport: { width: 1280, height: 720 } },
};

/**
 * Waits until the map has drawn the last change (its style and every tile loaded, the camera still): resolves at once
 * when it already has, else at the next `idle`. Never forces a frame.
 */
async function waitForSettled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap;
        const check = () => {
          if (map.isMoving() || !map.loaded()) {
            map.once('idle', check);
            return;
          }
          // Two frames for the compositor to show what the map drew.
          requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
        };
        check();
      }),
  );
}

/** Waits until the story's timeline (days and steps) is loaded: it arrives after the map is ready. */
async function waitForTimeline(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (window as unknown as { storyModel: { time: { steps: { value: unknown[] } } } }).storyModel.time.steps.value
        .length > 0,
  );
}

async function capture(page: Page): Promise<Capture> {
  const layout = await page.evaluate(() => {
    const rect = (e: Element, margin = 0) => {
      const r = e.getBoundingClientRect();
      return { left: r.left - margin, top: r.top - margin, right: r.right + margin, bottom: r.bottom + margin };
    };
    const canvasEl = document.querySelector('.maplibregl-canvas')!;
    const canvas = rect(canvasEl);
    // What the step draws itself (the nearest-border line, marks and their labels) is not in the link: leave it out,
    // with a label's room around each of its points.
    const map = (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap;
    const drawn = map.getSource('story-step') ? map.querySourceFeatures('story-step') : [];
    const stepCovers = drawn.flatMap((f) => {
      const g = f.geometry;
      const points: [number, number][] =
        g.type === 'Point'
          ? [g.coordinates as [number, number]]
          : g.type === 'LineString'
            ? (g.coordinates as [number, number][])
            : [];
      const dense = points.flatMap((p, i) => {
        const q = points[i + 1];
        if (!q) return [p];
        return Array.from(
          { length: 40 },
          (_, k) => [p[0] + ((q[0] - p[0]) * k) / 40, p[1] + ((q[1] - p[1]) * k) / 40] as [number, number],
        );
      });
      return dense.map((ll) => {
        const at = map.project(ll);
        const x = canvas.left + at.x;
        const y = canvas.top + at.y;
        return g.type === 'Point'
          ? { left: x - 150, top: y - 40, right: x + 150, bottom: y + 40 }
          : { left: x - 10, top: y - 10, right: x + 10, bottom: y + 10 };
      });
    });
    const covers = [
      // The panel's shadow reaches 12 px beyond it.
      ...[...document.querySelectorAll('.story-panel')].map((e) => rect(e, 16)),
      // The controls, the notices and the shuttle's inset (shown on the link's page, hidden during a step).
      ...[...document.querySelectorAll('.maplibregl-ctrl, .notices > *, .shuttle-inset')].map((e) => rect(e, 3)),
      ...stepCovers,
    ];
    return { canvas, covers };
  });
  const png = (await page.screenshot()).toString('base64');
  return { png, ...layout };
}

/**
 * Compares the map of `step` with that of `link`: points every 8 px, at the same offset from each canvas's centre
 * (the map's centre), inside both canvases and covered on neither page.
 */
async function compare(page: Page, step: Capture, link: Capture) {
  return page.evaluate(
    async ({ step, link, sample, threshold }) => {
      const decode = async (b64: string) => {
        const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        const ctx = new OffscreenCanvas(image.width, image.height).getContext('2d')!;
        ctx.drawImage(image, 0, 0);
        return { data: ctx.getImageData(0, 0, image.width, image.height), dpr: image.width / window.innerWidth };
      };
      const a = await decode(step.png);
      const b = await decode(link.png);
      const centre = (r: Rect) => ({ x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 });
      const ca = centre(step.canvas);
      const cb = centre(link.canvas);
      const inside = (r: Rect, x: number, y: number) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
      const free = (shot: { canvas: Rect; covers: Rect[] }, x: number, y: number) =>
        x >= shot.canvas.left + 2 &&
        x <= shot.canvas.right - 2 &&
        y >= shot.canvas.top + 2 &&
        y <= shot.canvas.bottom - 2 &&
        !shot.covers.some((r) => inside(r, x, y));
      const rgb = (img: { data: ImageData; dpr: number }, x: number, y: number) => {
        const i = (Math.floor(y * img.dpr) * img.data.width + Math.floor(x * img.dpr)) * 4;
        return [img.data.data[i]!, img.data.data[i + 1]!, img.data.data[i + 2]!];
      };
      let checked = 0;
      const differing: { x: number; y: number; step: number[]; link: number[] }[] = [];
      for (let y = Math.ceil(step.canvas.top); y < step.canvas.bottom; y += sample) {
        for (let x = Math.ceil(step.canvas.left); x < step.canvas.right; x += sample) {
          const lx = x - ca.x + cb.x;
          const ly = y - ca.y + cb.y;
          if (!free(step, x, y) || !free(link, lx, ly)) continue;
          checked++;
          const p = rgb(a, x, y);
          // The link rounds the camera (zoom and centre to 2 decimals): at the map's edges the same map may sit up to
          // 2 px away.
          const near = [-2, -1, 0, 1, 2].flatMap((dy) => [-2, -1, 0, 1, 2].map((dx) => rgb(b, lx + dx, ly + dy)));
          const distance = (q: number[]) => Math.abs(p[0]! - q[0]!) + Math.abs(p[1]! - q[1]!) + Math.abs(p[2]! - q[2]!);
          if (!near.some((q) => distance(q) < threshold)) differing.push({ x, y, step: p, link: rgb(b, lx, ly) });
        }
      }
      return { checked, differing: differing.length, first: differing.slice(0, 3) };
    },
    { step, link, sample: SAMPLE_PX, threshold: THRESHOLD },
  );
}

for (const [size, options] of Object.entries(SIZES)) {
  describe(`every story step shows the map its link shows (${size})`, () => {
    let context: BrowserContext;
    let stepPage: Page;
    let linkPage: Page;
    const errors: string[] = [];
    beforeAll(async () => {
      context = await browser.newContext({ ...options, reducedMotion: 'reduce' });
      stepPage = await context.newPage();
      linkPage = await context.newPage();
      for (const page of [stepPage, linkPage]) page.on('pageerror', (e) => errors.push(e.message));
    });
    afterAll(async () => {
      await context.close();
    });

    for (let n = 1; n <= STEPS; n++) {
      it(`step ${n}`, async () => {
        // A reader opens the first step's link and moves on with Next: the step's day, layers and camera arrive.
        if (n === 1) {
          await stepPage.goto(`${baseUrl}#lang=en&step=1`);
          await waitForMap(stepPage);
          await waitForTimeline(stepPage);
        } else {
          await stepPage.locator('.story-next').click();
        }
        await stepPage.waitForFunction(
          (k) => new RegExp(`(^|[#&])step=${k}(&|$)`).test(location.hash) && /(^|[#&])map=/.test(location.hash),
          n,
        );
        await waitForSettled(stepPage);
        const link = await stepPage.evaluate(() => location.hash.replace(/&?step=\d+/, ''));
        expect(link).toMatch(/map=.*layers=.*t=/);
        const stepShot = await capture(stepPage);

        // The link the step wrote: loaded fresh for the first step, then followed as a changed link in the same page
        // (the app applies a new hash as it applies a page load's: camera, layers, day).
        if (n === 1) {
          await linkPage.goto(`${baseUrl}${link}`);
          await waitForMap(linkPage);
          await waitForTimeline(linkPage);
        } else {
          await linkPage.evaluate((h) => {
            location.hash = h;
          }, link);
        }
        await linkPage.waitForFunction((h) => location.hash === h, link);
        await waitForSettled(linkPage);
        const linkShot = await capture(linkPage);

        const { checked, differing, first } = await compare(linkPage, stepShot, linkShot);
        expect(checked, 'points compared').toBeGreaterThan(size === 'phone' ? 1000 : 2000);
        if (differing / checked > MAX_DIFFERING) {
          await screenshot(stepPage, `step-pixels-${size}-${n}-step`);
          await screenshot(linkPage, `step-pixels-${size}-${n}-link`);
        }
        expect(
          differing / checked,
          `${differing} of ${checked} points differ from the link ${link}, e.g. ${JSON.stringify(first)}`,
        ).toBeLessThanOrEqual(MAX_DIFFERING);
        expect(errors).toEqual([]);
      }, 120_000);
    }

    if (size === 'phone') {
      it('the comparison sees a blank map above the sheet (the symptom of #22, made by hand)', async () => {
        // The pages hold the last step and its link; a box of the sea's colour over the map above the sheet.
        await stepPage.evaluate(() => {
          const map = document.querySelector('.maplibregl-canvas')!.getBoundingClientRect();
          const sheet = document.querySelector('.story-panel')!.getBoundingClientRect();
          const box = document.createElement('div');
          box.style.cssText = `position:fixed;left:${map.left}px;top:${map.top}px;width:${map.width}px;height:${sheet.top - map.top - 30}px;background:#d7e6ee;z-index:1000;pointer-events:none`;
          document.body.append(box);
        });
        const { checked, differing } = await compare(linkPage, await capture(stepPage), await capture(linkPage));
        expect(differing / checked).toBeGreaterThan(MAX_DIFFERING);
      });
    }
  });
}
