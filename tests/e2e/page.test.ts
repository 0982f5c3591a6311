/**
 * Issue #31 (and #25 items 7–9): the page around the map, as a reader meets it at 1440×900, 1280×720 and on a phone
 * (390×844, touch): the first view frames the story, the phone page scrolls, a lede and the way into the story, a
 * layout that does not move, a timeline that reads as one, and targets big enough to hit.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { jumpTo, openPage, screenshot, sharedBrowser, waitForMap } from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();
type MapWindow = { storyMap: import('maplibre-gl').Map };

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

// The story's key places (geo/capitals.geojson, geo/ports.geojson) and Donetsk, which the depot's story is about.
const KEY_PLACES: Record<string, [number, number]> = {
  moscow: [37.6178, 55.7517],
  beijing: [116.3875, 39.9033],
  pyongyang: [125.7543, 39.0339],
  'rajin-port': [130.3, 42.238],
  'dunai-port': [132.366, 42.899],
  'tikhoretsk-depot': [40.0424, 45.8884],
};
const DONETSK: [number, number] = [37.8, 48.0];

/** Where each key place is on the canvas, and what the page shows at that point (the canvas, or what covers it). */
async function framing(page: Page) {
  return page.evaluate(
    ([places, donetsk]) => {
      const map = (window as unknown as MapWindow).storyMap;
      const rect = map.getCanvas().getBoundingClientRect();
      const at = Object.entries(places).map(([id, ll]) => {
        const p = map.project(ll);
        const top = document.elementFromPoint(rect.left + p.x, rect.top + p.y);
        return {
          id,
          inset: Math.min(p.x, p.y, rect.width - p.x, rect.height - p.y),
          y: p.y,
          covered: top === map.getCanvas() ? '' : (top?.className.toString() ?? 'nothing'),
        };
      });
      const d = map.project(donetsk);
      return {
        at,
        height: rect.height,
        donetskInside: d.x >= 0 && d.y >= 0 && d.x <= rect.width && d.y <= rect.height,
      };
    },
    [KEY_PLACES, DONETSK] as const,
  );
}

/** Waits until the camera has stopped and the map has drawn what it needs. */
async function settled(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const map = (window as unknown as MapWindow).storyMap;
          return !map.isMoving() && map.loaded() && map.areTilesLoaded();
        }),
      { timeout: 20_000 },
    )
    .toBe(true);
}

/** The key events' written labels on the time control, and whether any covers a tick or another label. */
async function keyLabels(page: Page) {
  return page.evaluate(() => {
    const boxOf = (e: Element) => e.getBoundingClientRect();
    const overlap = (a: DOMRect, b: DOMRect) =>
      a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const track = boxOf(document.querySelector('.time-track')!);
    const ticks = [...document.querySelectorAll('.time-ticks:not(.time-imagery) .time-tick')];
    const labels = [...document.querySelectorAll<HTMLElement>('.time-key')];
    return labels.map((label, i) => {
      const box = boxOf(label);
      const own = ticks.find((t) => t.getAttribute('data-events') === label.dataset.keyOf)!;
      const o = boxOf(own);
      return {
        text: label.innerText,
        inside: box.left >= track.left - 0.5 && box.right <= track.right + 0.5,
        // Beside its tick (touching it) or over it.
        nearOwn: Math.max(o.left - box.right, box.left - o.right) <= 1 || (box.left <= o.left && box.right >= o.right),
        covers: [
          ...ticks.filter((t) => overlap(box, boxOf(t))).map((t) => t.getAttribute('data-event')),
          ...labels.filter((l, j) => j !== i && overlap(box, boxOf(l))).map((l) => l.innerText),
        ],
      };
    });
  });
}

const mapHeight = (page: Page) =>
  page.evaluate(() => (window as unknown as MapWindow).storyMap.getCanvas().getBoundingClientRect().height);

describe('the first view frames the story', () => {
  for (const [name, context] of [
    ['1440×900', { viewport: { width: 1440, height: 900 } }],
    ['1280×720', { viewport: { width: 1280, height: 720 } }],
    ['390×844 phone', PHONE],
  ] as const) {
    it(`at ${name}: every key place well inside the map and uncovered, Donetsk in view, the places spread out`, async () => {
      const { page, errors } = await openPage(shared.browser, baseUrl, '#lang=en', context);
      await waitForMap(page);
      await page.waitForSelector('.time-slider');
      const { at, height, donetskInside } = await framing(page);
      await screenshot(page, `page-first-view-${name.replace(/[^\w]+/g, '-')}`);
      for (const place of at) {
        expect(place.inset, `${place.id} inside the map by`).toBeGreaterThanOrEqual(30);
        expect(place.covered, `${place.id} covered by`).toBe('');
      }
      expect(donetskInside).toBe(true);
      const ys = at.map((p) => p.y);
      const spread = (Math.max(...ys) - Math.min(...ys)) / height;
      console.log(`${name}: the key places span ${(spread * 100).toFixed(0)} % of the map's height`);
      expect(spread).toBeGreaterThanOrEqual(name.includes('phone') ? 0.2 : 0.3);
      // The lede says what the map shows, who says so and who denies it, with the way into the story beside it.
      const lede = await page.locator('.lede').innerText();
      expect(lede).toMatch(/RUSI/);
      expect(lede).toMatch(/White House/);
      expect(lede).toMatch(/deny/);
      expect(await page.locator('.lede').isVisible()).toBe(true);
      expect(await page.locator('.story-cta').innerText()).toMatch(/Walk through the story \(7 steps\)/);
      expect(await page.locator('.story-cta').isVisible()).toBe(true);
      expect(errors).toEqual([]);
      await page.context().close();
    }, 120_000);
  }
});

describe('on a phone', () => {
  let page: Page;
  let cdp: CDPSession;
  beforeAll(async () => {
    ({ page } = await openPage(shared.browser, baseUrl, '#lang=en', PHONE));
    cdp = await page.context().newCDPSession(page);
    await waitForMap(page);
    await page.waitForSelector('.time-slider');
  });
  afterAll(async () => {
    await page.context().close();
  });

  it('gives the map a fixed share of the screen, with the story bar visible under it', async () => {
    const box = (await page.locator('.map-area').boundingBox())!;
    expect(box.height / 844).toBeGreaterThanOrEqual(0.45);
    expect(box.height / 844).toBeLessThanOrEqual(0.62);
    const bar = (await page.locator('.story-bar').boundingBox())!;
    expect(bar.y).toBeGreaterThanOrEqual(box.y + box.height - 1);
    expect(bar.y).toBeLessThan(844 - 40);
  });

  it('frames the story in the middle of the map: one row of controls, the credits folded, the inset under it', async () => {
    const geometry = await page.evaluate(
      ([places]) => {
        const map = (window as unknown as MapWindow).storyMap;
        const rect = map.getCanvas().getBoundingClientRect();
        const ys = Object.values(places).map((ll) => map.project(ll).y);
        const boxOf = (selector: string) => {
          const element = document.querySelector<HTMLElement>(selector);
          const r = element?.getBoundingClientRect();
          return r && r.height > 0 ? { top: r.top - rect.top, bottom: r.bottom - rect.top, left: r.left } : undefined;
        };
        // Another place's name written over a place's dot (MapLibre keeps names apart, not names and dots).
        const labelLayers = map
          .getStyle()
          .layers.filter((l) => l.id.startsWith('story-') && l.id.endsWith('-label'))
          .map((l) => l.id);
        const namesOverDots = Object.entries(places).flatMap(([id, ll]) =>
          map
            .queryRenderedFeatures(map.project(ll), { layers: labelLayers })
            .filter((f) => f.properties.id !== id)
            .map((f) => `${f.properties.id} over ${id}`),
        );
        // A story name that runs off the map's left or right edge.
        const edge = (x: number) =>
          map
            .queryRenderedFeatures(
              [
                [x, 0],
                [x + 1, rect.height],
              ],
              { layers: labelLayers },
            )
            .map((f) => String(f.properties.id));
        return {
          namesOverDots,
          namesOffTheEdge: [...edge(0), ...edge(rect.width - 1)],
          height: rect.height,
          top: Math.min(...ys),
          bottom: Math.max(...ys),
          controls: boxOf('.maplibregl-ctrl-top-right'),
          credits: boxOf('.maplibregl-ctrl-attrib-inner'),
          inset: boxOf('.shuttle-inset'),
        };
      },
      [KEY_PLACES] as const,
    );
    await screenshot(page, 'page-phone-first-view');
    // The controls take one row at the top, not a column down the map's right side.
    expect(geometry.controls!.bottom).toBeLessThanOrEqual(64);
    // The credits sit behind their (i) button until asked for, as MapLibre folds them on a small map once it is
    // dragged: open, they took three lines of the map's bottom.
    expect(geometry.credits).toBeUndefined();
    expect(geometry.namesOverDots).toEqual([]);
    expect(geometry.namesOffTheEdge).toEqual([]);
    // The story sits under the controls, with the shuttle's inset under it, not at the map's lower edge.
    expect(geometry.top).toBeGreaterThan(geometry.controls!.bottom);
    expect(geometry.bottom).toBeLessThan(geometry.height * 0.6);
    expect(geometry.inset!.top).toBeGreaterThan(geometry.bottom + 20);
    expect(geometry.inset!.bottom).toBeLessThanOrEqual(geometry.height);
  });

  it('scrolls the page, not the map, on a one-finger swipe up over the lower half of the map', async () => {
    const box = (await page.locator('.map-area').boundingBox())!;
    const center = await page.evaluate(() => (window as unknown as MapWindow).storyMap.getCenter().toArray());
    const x = 200;
    const y0 = Math.round(box.y + box.height * 0.8);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
    for (let i = 1; i <= 10; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 - i * 30 }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
    const bar = (await page.locator('.story-bar').boundingBox())!;
    expect(bar.y).toBeGreaterThanOrEqual(0);
    expect(bar.y + bar.height).toBeLessThanOrEqual(844);
    expect(await page.evaluate(() => (window as unknown as MapWindow).storyMap.getCenter().toArray())).toEqual(center);
    await screenshot(page, 'page-phone-swiped');
  });

  it('names some key events in writing on the time control, covering no tick and no other name', async () => {
    const keys = await keyLabels(page);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(keys.map((k) => k.text)).toContain('Lavrov in Pyongyang');
    for (const k of keys) expect(k, k.text).toMatchObject({ inside: true, nearOwn: true, covers: [] });
  });

  it('has tap targets of at least 44 px: the map controls, Play, All time, the story buttons', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const small = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          '.maplibregl-ctrl-group button, .time-buttons button, .story-cta, .story-bar button, .topbar button',
        ),
      ]
        .filter((b) => b.offsetParent !== null)
        .map((b) => ({ name: b.className || b.textContent, ...b.getBoundingClientRect().toJSON() }))
        .filter((r) => r.width < 44 || r.height < 44)
        .map((r) => `${r.name} ${Math.round(r.width)}×${Math.round(r.height)}`),
    );
    expect(small).toEqual([]);
  });

  it('shows a step under the map, leaving its place visible, and the step buttons big enough', async () => {
    await page.locator('.story-cta').click();
    const panel = page.locator('.story-panel');
    await panel.waitFor();
    await settled(page);
    const map = (await page.locator('.map-area').boundingBox())!;
    const sheet = (await panel.boundingBox())!;
    expect(map.height).toBeGreaterThan(0.4 * 844);
    // The step's text does not cover the map.
    expect(sheet.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
    const exit = (await page.locator('.story-exit').boundingBox())!;
    expect(exit.height).toBeGreaterThanOrEqual(44);
    await screenshot(page, 'page-phone-step-1');
  });

  it('opens a feature as a sheet of at most 45 % of the screen, with the chosen place visible above it', async () => {
    // A place the open step shows (Lavrov's flight: the capitals and his trip).
    await page.evaluate(() =>
      (window as unknown as { storyModel: { select(id: string, origin: 'list'): void } }).storyModel.select(
        'pyongyang',
        'list',
      ),
    );
    const sheet = page.locator('.maplibregl-popup.story-popup');
    await sheet.waitFor();
    await settled(page);
    const box = (await sheet.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(0.45 * 844 + 1);
    const at = await page.evaluate(() => {
      const map = (window as unknown as MapWindow).storyMap;
      const p = map.project([125.7543, 39.0339]);
      const rect = map.getCanvas().getBoundingClientRect();
      const top = document.elementFromPoint(rect.left + p.x, rect.top + p.y);
      return { y: rect.top + p.y, onCanvas: top === map.getCanvas() };
    });
    expect(at.y).toBeGreaterThan(0);
    expect(at.y).toBeLessThan(box.y);
    expect(at.onCanvas).toBe(true);
    await screenshot(page, 'page-phone-sheet-pyongyang');
  });

  it('folds the sheet to a one-line peek with the place’s name, and unfolds it', async () => {
    const sheet = page.locator('.maplibregl-popup.story-popup');
    const fold = sheet.getByRole('button', { name: 'Fold', exact: true });
    const full = (await sheet.boundingBox())!.height;
    await fold.click();
    const unfold = sheet.getByRole('button', { name: 'Unfold', exact: true });
    expect(await unfold.getAttribute('aria-expanded')).toBe('false');
    const peek = (await sheet.boundingBox())!;
    expect(peek.height, 'one line: the name and the buttons').toBeLessThanOrEqual(80);
    expect(peek.y + peek.height).toBeGreaterThanOrEqual(844 - 1);
    expect(await sheet.locator('.feature-name').isVisible()).toBe(true);
    expect(await sheet.locator('.feature-summary').isVisible()).toBe(false);
    await screenshot(page, 'page-phone-sheet-peek');
    await unfold.click();
    expect(await fold.getAttribute('aria-expanded')).toBe('true');
    expect((await sheet.boundingBox())!.height).toBeCloseTo(full, 0);
  });
});

describe('on a wide screen', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openPage(shared.browser, baseUrl, '#lang=en', { viewport: { width: 1440, height: 900 } }));
    await waitForMap(page);
    await page.waitForSelector('.time-slider');
  });
  afterAll(async () => {
    await page.context().close();
  });

  it('has an inset for the shuttle, named, that frames the shuttle when pressed and then hides', async () => {
    const inset = page.locator('.shuttle-inset');
    expect(await inset.getAttribute('aria-label')).toMatch(/Rajin and Dunai/);
    const length = () =>
      page.evaluate(() => {
        const map = (window as unknown as MapWindow).storyMap;
        const [a, b] = [map.project([130.3, 42.238]), map.project([132.366, 42.899])];
        const { width, height } = map.getCanvas().getBoundingClientRect();
        const inside = [a, b].every((p) => p.x > 0 && p.y > 0 && p.x < width && p.y < height);
        return inside ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
      });
    console.log(`the shuttle in the first view: ${(await length()).toFixed(0)} px`);
    await inset.focus();
    await page.keyboard.press('Enter');
    await expect.poll(length, { timeout: 15_000 }).toBeGreaterThan(100);
    await expect.poll(() => inset.count()).toBe(0);
    await screenshot(page, 'page-d1440-inset-pressed');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.maplibregl-popup').count()).toBe(0);
    await page.locator('.maplibregl-ctrl button.story-home-button').click();
    await expect.poll(() => inset.count(), { timeout: 15_000 }).toBe(1);
  });

  it('keeps the map the same size over every step, with the step text covering at most 15 % of it', async () => {
    const heights = new Set<number>([await mapHeight(page)]);
    await page.locator('.story-cta').click();
    for (let i = 0; i < 7; i++) {
      const panel = page.locator('.story-panel');
      await expect.poll(() => panel.locator('.story-progress [aria-hidden]').innerText()).toBe(`${i + 1} / 7`);
      heights.add(await mapHeight(page));
      const overlap = await page.evaluate(() => {
        const a = document.querySelector('.story-panel')!.getBoundingClientRect();
        const b = (window as unknown as MapWindow).storyMap.getCanvas().getBoundingClientRect();
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        return w > 0 && h > 0 ? (w * h) / (b.width * b.height) : 0;
      });
      expect(overlap, `step ${i + 1}: share of the map under the step's text`).toBeLessThanOrEqual(0.15);
      // The page itself never scrolls (the header stays), and the step's title is in view in the side panel.
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
      const title = (await panel.locator('h2').boundingBox())!;
      expect(title.y).toBeGreaterThan(0);
      expect(title.y + title.height).toBeLessThan(900);
      if (i === 2) await screenshot(page, 'page-d1440-step-3');
      if (i < 6) await panel.locator('.story-nav button').nth(1).click();
    }
    await page.locator('.story-exit').click();
    heights.add(await mapHeight(page));
    expect([...heights]).toHaveLength(1);
  });

  it('keeps the map the same size over 10 s of Play, and does not announce every day', async () => {
    const heights = new Set<number>([await mapHeight(page)]);
    await page.locator('[data-event="shoigu-pyongyang"]').click();
    await page.locator('.time-play').click();
    const started = Date.now();
    while (Date.now() - started < 10_000) {
      heights.add(await mapHeight(page));
      await page.waitForTimeout(250);
    }
    // While playing no live region holds the date (the date output itself is not live); paused, one speaks it.
    const liveDates = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.time-control [aria-live], .time-control output')]
          .filter((e) => e.matches('[aria-live]:not([aria-live="off"]), output:not([aria-live="off"])'))
          .map((e) => e.textContent ?? '')
          .filter((text) => /2023/.test(text)),
      );
    expect(await liveDates()).toEqual([]);
    await page.locator('.time-play').click();
    await expect.poll(() => page.locator('.time-announce').innerText()).toMatch(/2023/);
    heights.add(await mapHeight(page));
    await screenshot(page, 'page-d1440-played');
    expect([...heights]).toHaveLength(1);
  });

  it('reads as a timeline: month labels, one All time toggle, ticks one tab stop with arrow keys, 24 px targets', async () => {
    const months = await page.locator('.time-month').allInnerTexts();
    expect(months).toEqual(expect.arrayContaining(['Aug', 'Sep', 'Oct']));
    expect(await page.getByText('All time', { exact: true }).count()).toBe(1);
    expect(await page.locator('.time-all').getAttribute('aria-pressed')).toBe('false');
    const ticks = page.locator('.time-tick');
    const n = await ticks.count();
    expect(n).toBeGreaterThan(10);
    // One tab stop for the events, one for the satellite images (their own group, #27).
    const tabbable = await page.locator('.time-ticks:not(.time-imagery) .time-tick[tabindex="0"]').count();
    expect(tabbable).toBe(1);
    expect(await page.locator('.time-imagery .time-tick[tabindex="0"]').count()).toBe(1);
    const boxes = await ticks.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    for (const b of boxes) {
      expect(b.width).toBeGreaterThanOrEqual(24);
      expect(b.height).toBeGreaterThanOrEqual(24);
    }
    // No tick hides another: the centre of each is its own.
    const hidden = await ticks.evaluateAll((els) =>
      els
        .filter((e) => {
          const r = e.getBoundingClientRect();
          return !e.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
        })
        .map((e) => e.getAttribute('data-event')),
    );
    expect(hidden).toEqual([]);
    await page.locator('.time-ticks:not(.time-imagery) .time-tick[tabindex="0"]').focus();
    const first = await page.evaluate(() => document.activeElement?.getAttribute('data-event'));
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => document.activeElement?.getAttribute('data-event'));
    expect(second).not.toBe(first);
    expect(
      await page.locator('.time-ticks:not(.time-imagery) .time-tick[tabindex="0"]').getAttribute('data-event'),
    ).toBe(second);
    // The key events are named in writing beside their ticks, covering no tick and no other name.
    const keys = await keyLabels(page);
    expect(keys.map((k) => k.text)).toEqual(
      expect.arrayContaining([
        'Lavrov in Pyongyang',
        'White House statement',
        'Kim–Putin summit',
        'Shoigu in Pyongyang',
      ]),
    );
    for (const k of keys) expect(k, k.text).toMatchObject({ inside: true, nearOwn: true, covers: [] });
    await screenshot(page, 'page-d1440-timeline');
  });
});

describe('local context', () => {
  it('names at least three towns, and each country at most twice, at zoom 9 by the depot and zoom 8 by Dunai', async () => {
    const { page } = await openPage(shared.browser, baseUrl, '#lang=en', { viewport: { width: 1440, height: 900 } });
    await waitForMap(page);
    for (const [name, center, zoom] of [
      ['depot', [40.0424, 45.8884], 9],
      ['dunai', [132.366, 42.899], 8],
    ] as const) {
      await jumpTo(page, [...center], zoom);
      await settled(page);
      const { towns, countries } = await page.evaluate(() => {
        const map = (window as unknown as MapWindow).storyMap;
        const names = (layers: string[]) =>
          map
            .queryRenderedFeatures({ layers: layers.filter((l) => map.getLayer(l)) })
            .map((f) => String(f.properties.name_en));
        return {
          towns: [...new Set(names(['place-labels']))],
          countries: names(['country-labels', 'country-labels-detail']),
        };
      });
      await screenshot(page, `page-local-${name}`);
      console.log(`${name}: towns ${towns.join(', ')}; countries ${countries.join(', ')}`);
      expect(towns.length, `${name}: towns`).toBeGreaterThanOrEqual(3);
      const counts = new Map<string, number>();
      for (const c of countries) counts.set(c, (counts.get(c) ?? 0) + 1);
      expect(Math.max(0, ...counts.values()), `${name}: times one country is named`).toBeLessThanOrEqual(2);
    }
    await page.context().close();
  });
});
