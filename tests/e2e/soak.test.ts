/**
 * Issue #11: soak. One page, 100 cycles (SOAK_CYCLES=300 for the long run) of pan, zoom, a layer toggle, a popup opened and closed and a language
 * switch, driven programmatically so it runs fast. No page error, no growth in DOM nodes or MapLibre controls, and
 * the JS heap after a forced GC within 10 % of the heap after the first 20 cycles. The figures are printed.
 * The map is drawn every tenth cycle (software WebGL makes every frame slow).
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPage, sharedBrowser, waitForIdle, waitForMap } from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();
// 100 cycles in `npm test` and CI; SOAK_CYCLES=300 for the long run the issue asked for (about 3 × the time).
const CYCLES = Number(process.env.SOAK_CYCLES ?? 100);
// The baseline is the heap after the first 20 cycles, as the issue asks. Each of those cycles waits until the map is
// idle, so the tiles of all 20 camera positions have arrived and sit in MapLibre's tile caches by then. When they did
// not wait (one frame each), the heap grew 10–13 % by cycle 300: heap snapshots at cycles 20, 160 and 300 showed the
// growth was tiles arriving later (feature-index grids of tiles, held by the sources' in-view tiles and their
// out-of-view LRU cache: 128 → 188), V8's optimised code (+0.5 MB) and Chromium's performance-timeline buffers
// (+0.2 MB), none of it the app's own objects. With settled warm-up cycles: +5.1 % and +6.4 % in two runs (13.92 → 14.81 MB).
const WARM_UP = 20;

/** Runs cycles `from` … `to - 1` in the page. */
function runCycles(page: Page, from: number, to: number): Promise<void> {
  return page.evaluate(
    async ([first, last, warmUp]) => {
      const { storyMap: map, storyModel: model } = window as unknown as {
        storyMap: import('maplibre-gl').Map;
        storyModel: { select(id: string, origin: 'map'): void };
      };
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const idle = () =>
        new Promise((resolve) => {
          map.once('idle', resolve);
          map.triggerRepaint();
        });
      const places: [number, number][] = [
        [37.62, 55.75],
        [116.39, 39.9],
        [130.3, 42.24],
        [40.04, 45.89],
        [82.93, 55.02],
      ];
      const features = ['moscow', 'beijing', 'rajin-port', 'tikhoretsk-depot', 'dunai-port'];
      const toggles = [...document.querySelectorAll<HTMLInputElement>('.layer-panel input[type="checkbox"]')];
      if (toggles.length === 0) throw new Error('no layer checkboxes');
      for (let i = first!; i < last!; i++) {
        map.jumpTo({ center: places[i % places.length]!, zoom: 3 + (i % 4) });
        const toggle = toggles[i % toggles.length]!;
        toggle.click();
        toggle.click();
        model.select(features[i % features.length]!, 'map');
        // The popup opens synchronously with the selection.
        const close = document.querySelector<HTMLButtonElement>('.maplibregl-popup-close-button');
        if (!close) throw new Error(`cycle ${i}: no popup opened`);
        close.click();
        document.querySelector<HTMLButtonElement>('.lang-switch')?.click();
        // Let effects and renders run every cycle. Each warm-up cycle visits one of the 20 camera positions and
        // waits until the map is idle (its tiles loaded and cached); after that the map draws every tenth cycle: a
        // software-rendered frame costs 0.1–0.5 s here, and what could leak is created either way.
        await new Promise((resolve) => setTimeout(resolve));
        if (i < warmUp) await idle();
        else if (i % 10 === 9) await frame();
      }
    },
    [from, to, WARM_UP] as const,
  );
}

interface Figures {
  domNodes: number;
  controls: number;
  popups: number;
  heapBytes: number;
}

async function measure(page: Page): Promise<Figures> {
  await waitForIdle(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const dom = await page.evaluate(() => ({
    domNodes: document.getElementsByTagName('*').length,
    controls: document.querySelectorAll('.maplibregl-ctrl').length,
    popups: document.querySelectorAll('.maplibregl-popup').length,
  }));
  return { ...dom, heapBytes: usedSize };
}

describe('soak', () => {
  it(`${CYCLES} cycles of pan, zoom, toggle, popup and language leave no errors and no growth`, async () => {
    const { page, errors } = await openPage(shared.browser, baseUrl, '', {
      viewport: { width: 800, height: 600 },
      reducedMotion: 'reduce',
    });
    await waitForMap(page);
    const started = Date.now();
    await runCycles(page, 0, WARM_UP);
    const warm = await measure(page);
    const middle = Math.round((WARM_UP + CYCLES) / 2);
    await runCycles(page, WARM_UP, middle);
    const half = await measure(page);
    await runCycles(page, middle, CYCLES);
    const end = await measure(page);
    const seconds = (Date.now() - started) / 1000;
    const mb = (bytes: number) => (bytes / 1e6).toFixed(2);
    console.log(
      [
        `soak: ${CYCLES} cycles in ${seconds.toFixed(1)} s`,
        `DOM nodes        after ${WARM_UP}: ${warm.domNodes}   after ${CYCLES}: ${end.domNodes}`,
        `MapLibre controls after ${WARM_UP}: ${warm.controls}   after ${CYCLES}: ${end.controls}`,
        `JS heap (GC'd)   after ${WARM_UP}: ${mb(warm.heapBytes)} MB   after ${CYCLES}: ${mb(end.heapBytes)} MB` +
          ` (${(((end.heapBytes - warm.heapBytes) / warm.heapBytes) * 100).toFixed(1)} %)`,
        `JS heap (GC'd)   after ${middle}: ${mb(half.heapBytes)} MB`,
        `page errors: ${errors.length}`,
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(end.popups).toBe(0);
    expect(end.domNodes).toBeLessThanOrEqual(warm.domNodes);
    expect(end.controls).toBe(warm.controls);
    expect(end.heapBytes).toBeLessThanOrEqual(warm.heapBytes * 1.1);
    await page.context().close();
  }, 240_000);
});
