/** Issue: the story in time: the time control, what the map shows on a day, the moving points, the guided steps. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe';
import { openPage, screenshot, sharedBrowser, waitForIdle, waitForMap } from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();
const steps: { id: string; title_uk: string; title_en: string; features: string[] }[] = JSON.parse(
  readFileSync(new URL('../../geo/steps.json', import.meta.url), 'utf8'),
).steps;

type MapWindow = { storyMap: import('maplibre-gl').Map };

// Every position of every story feature, read from geo/ here rather than from the page.
const POSITIONS = new Map<string, number[][]>(
  ['capitals', 'ports', 'vessel-routes', 'rail-route', 'lavrov-flight', 'kim-train'].flatMap((layer) =>
    JSON.parse(readFileSync(new URL(`../../geo/${layer}.geojson`, import.meta.url), 'utf8')).features.map(
      (f: { id: string; geometry: { type: string; coordinates: unknown } }) => [
        f.id,
        f.geometry.type === 'Point'
          ? [f.geometry.coordinates]
          : f.geometry.type === 'LineString'
            ? f.geometry.coordinates
            : (f.geometry.coordinates as number[][][]).flat(),
      ],
    ),
  ),
);

/** The moving points the map holds now: their role and position. */
async function movingPoints(page: Page): Promise<{ role: string; at: number[] }[]> {
  return page.evaluate(() => {
    const map = (window as unknown as MapWindow).storyMap;
    return map
      .querySourceFeatures('story-moving')
      .map((f) => ({ role: String(f.properties.role), at: (f.geometry as GeoJSON.Point).coordinates }));
  });
}

/** Waits until the map holds a moving point of `role` (or none, with `present` false). */
async function waitForRole(page: Page, role: string, present = true): Promise<void> {
  await expect
    .poll(async () => (await movingPoints(page)).some((p) => p.role === role), { timeout: 15_000 })
    .toBe(present);
}

const slider = (page: Page) => page.locator('.time-slider');
const spokenDate = (page: Page) => slider(page).getAttribute('aria-valuetext');

describe('the time control', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openPage(shared.browser, baseUrl));
    await waitForMap(page);
    await page.waitForSelector('.time-slider');
  });
  afterAll(async () => {
    await page.context().close();
  });

  it('starts at all time, and moves by day, week, Home and End from the keyboard', async () => {
    expect(await spokenDate(page)).toBe('Увесь час');
    await slider(page).focus();
    await page.keyboard.press('Home');
    expect(await spokenDate(page)).toBe('20 липня 2023 р.');
    await page.keyboard.press('ArrowRight');
    expect(await spokenDate(page)).toBe('21 липня 2023 р.');
    await page.keyboard.press('PageUp');
    expect(await spokenDate(page)).toBe('28 липня 2023 р.');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowLeft');
    expect(await spokenDate(page)).toBe('20 липня 2023 р.');
    await page.keyboard.press('End');
    expect(await spokenDate(page)).toBe('20 жовтня 2023 р.');
    expect(await page.locator('.time-date').innerText()).toBe('20 жовтня 2023 р.');
  });

  it('names an event tick when it has focus, and moves to its day when chosen', async () => {
    const tick = page.locator('[data-event="kim-vostochny"]');
    await tick.focus();
    await expect.poll(() => tick.locator('.time-tick-label').isVisible()).toBe(true);
    expect(await tick.getAttribute('aria-label')).toContain('Саміт на космодромі Восточний');
    await tick.press('Enter');
    expect(await spokenDate(page)).toBe('13 вересня 2023 р.');
  });

  it("puts Kim's train at Vostochny on 13 September, with the shuttle's ship on the sea route", async () => {
    await waitForRole(page, 'train');
    const points = await movingPoints(page);
    expect(points.find((p) => p.role === 'train')?.at.map((n) => n.toFixed(2))).toEqual(['128.33', '51.88']);
    expect(points.some((p) => p.role === 'ship')).toBe(true);
    expect(await page.locator('.time-today').innerText()).toContain('Саміт на космодромі Восточний');
    expect(await page.locator('.time-illustration').innerText()).toContain('ілюстрація');
  });

  it('shows containers arriving at the depot from late September, and not before', async () => {
    await waitForRole(page, 'containers', false);
    await page.locator('[data-event="depot-arrivals"]').click();
    await waitForRole(page, 'containers');
  });

  it('fades what has not begun: on 1 August the depot is barely there', async () => {
    await slider(page).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    const opacity = await page.evaluate(() =>
      JSON.stringify(
        (window as unknown as MapWindow).storyMap.getPaintProperty('story-ports-circle', 'circle-opacity'),
      ),
    );
    expect(opacity).toContain('tikhoretsk-depot');
    await screenshot(page, 'time-2023-08-03');
  });

  it('moves the ship while time plays, and renders no frame while paused', async () => {
    await page.locator('[data-event="najin-containers"]').click();
    await page.locator('.time-play').click();
    await waitForRole(page, 'ship');
    const first = (await movingPoints(page)).find((p) => p.role === 'ship')?.at;
    await expect
      .poll(async () => (await movingPoints(page)).find((p) => p.role === 'ship')?.at, { timeout: 10_000 })
      .not.toEqual(first);
    await page.locator('.time-play').click();
    const frames = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const map = (window as unknown as MapWindow).storyMap;
          let count = 0;
          const onRender = () => count++;
          // Let the last frame of the move finish (the map goes idle), then count for two seconds.
          map.once('idle', () => {
            map.on('render', onRender);
            setTimeout(() => {
              map.off('render', onRender);
              resolve(count);
            }, 2000);
          });
          map.triggerRepaint();
        }),
    );
    console.log(`frames rendered in 2 s while paused: ${frames}`);
    expect(frames).toBe(0);
  });

  it('shows the satellite images apart from the events: who took them, who read them, the hedge (#27 item 4)', async () => {
    const group = page.getByRole('group', { name: 'Супутникові знімки на шкалі часу' });
    const images = group.locator('.time-tick-imagery');
    expect(await images.count()).toBe(3);
    expect(await page.locator('.time-ticks:not(.time-imagery) .time-tick-imagery').count()).toBe(0);
    expect(await group.locator('[tabindex="0"]').count()).toBe(1);
    const whiteHouse = group.locator('[data-observation="white-house-najin-imagery"]');
    const label = await whiteHouse.getAttribute('aria-label');
    expect(label).toMatch(
      /^Знімки: Знімки Наджина \(Раджина\), оприлюднені Білим домом, 7 вересня 2023 р\. — 8 вересня/,
    );
    expect(label).toContain('зняв: не названо, аналіз: Білий дім');
    expect(label).toContain('що в контейнерах, знімки не показують');
    // One tab stop; the arrow keys move along the group.
    await group.locator('[tabindex="0"]').focus();
    const first = await page.evaluate(() => document.activeElement?.getAttribute('data-observation'));
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-observation'))).not.toBe(first);
    await whiteHouse.click();
    expect(await spokenDate(page)).toBe('7 вересня 2023 р.');
    const today = page.locator('.time-today');
    expect(await today.locator('.time-today-imagery').count()).toBeGreaterThanOrEqual(2);
    expect(await today.innerText()).toContain('аналіз: Білий дім');
    expect(await whiteHouse.getAttribute('class')).toContain('time-tick-active');
  });
});

describe('with reduced motion', () => {
  it('shows no moving ship, even while time plays', async () => {
    const { page } = await openPage(shared.browser, baseUrl, '', { reducedMotion: 'reduce' });
    await waitForMap(page);
    await page.locator('[data-event="najin-containers"]').click();
    await page.locator('.time-play').click();
    await expect.poll(() => spokenDate(page), { timeout: 10_000 }).not.toBe('7 вересня 2023 р.');
    expect((await movingPoints(page)).some((p) => p.role === 'ship')).toBe(false);
    expect(await page.locator('.time-illustration').count()).toBe(0);
    await page.context().close();
  });
});

describe('the guided story', () => {
  // Every step in Ukrainian; in English the first step (titles, axe), as the steps' data are checked in both languages.
  for (const lang of ['uk', 'en'] as const) {
    const walked = lang === 'uk' ? steps : steps.slice(0, 1);
    it(`walks through ${walked.length === 1 ? 'the first step' : 'every step'} in ${lang}, each framing its features, by button and by keyboard`, async () => {
      const { page, errors } = await openPage(shared.browser, baseUrl, lang === 'en' ? '#lang=en' : '');
      await waitForMap(page);
      await page.locator('.story-cta').click();
      for (const [i, step] of walked.entries()) {
        const panel = page.locator('.story-panel');
        await expect.poll(() => panel.locator('h2').innerText()).toBe(lang === 'uk' ? step.title_uk : step.title_en);
        expect(await panel.locator('.story-progress [aria-hidden]').innerText()).toBe(`${i + 1} / ${steps.length}`);
        // The step's camera starts moving as the step opens; a step framed like the one before does not move it, and
        // with the map's size now fixed (#31) nothing else redraws it: then it is idle already.
        await page.evaluate(
          () =>
            new Promise<void>((resolve) => {
              const map = (window as unknown as MapWindow).storyMap;
              if (!map.isMoving() && map.loaded()) resolve();
              else map.once('idle', () => resolve());
            }),
        );
        const outside = await page.evaluate(
          (points) => {
            const map = (window as unknown as MapWindow).storyMap;
            const { width, height } = map.getCanvas().getBoundingClientRect();
            return points
              .filter(([, c]) => {
                const p = map.project(c as [number, number]);
                return p.x < -2 || p.y < -2 || p.x > width + 2 || p.y > height + 2;
              })
              .map(([id, c]) => `${id} at ${c}`);
          },
          step.features.flatMap((id) => (POSITIONS.get(id) ?? []).map((c) => [id, c] as const)),
        );
        expect(outside, `step ${step.id}: features outside the map`).toEqual([]);
        await screenshot(page, `story-${lang}-${i + 1}-${step.id}`);
        if (i === 0) {
          expect(await seriousViolations(page)).toEqual([]);
          await panel.focus();
          await page.keyboard.press('ArrowRight');
        } else if (i < walked.length - 1) {
          await panel.locator('.story-nav button').nth(1).click();
        }
      }
      await page.locator('.story-exit').click();
      expect(await page.locator('.story-panel').count()).toBe(0);
      expect(await spokenDate(page)).toBe(lang === 'uk' ? 'Увесь час' : 'All time');
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});

describe('links to a moment of the story', () => {
  it('reopens a day from t=, and the Share link keeps it', async () => {
    const { page, errors } = await openPage(shared.browser, baseUrl, '#t=2023-09-13');
    await waitForMap(page);
    await expect.poll(() => spokenDate(page)).toBe('13 вересня 2023 р.');
    await waitForRole(page, 'train');
    await page.locator('.time-slider').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toContain('t=2023-09-14');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  // One page here; the day and step links that cannot be are each opened as a fresh page's model in
  // tests/unit/hostile-links.test.ts.
  it.each(['#t=<script>alert(1)</script>&step=99'])(
    'falls back to all time and the free map for %s, without an error',
    async (hash) => {
      const { page, errors, dialogs } = await openPage(shared.browser, baseUrl, hash);
      await waitForMap(page);
      await page.waitForSelector('.time-slider');
      expect(await spokenDate(page)).toBe('Увесь час');
      expect(await page.locator('.story-panel').count()).toBe(0);
      expect([errors, dialogs]).toEqual([[], []]);
      await page.context().close();
    },
  );

  it('reopens a story step from step=, framed, and writes step= as the reader moves on', async () => {
    const { page, errors } = await openPage(shared.browser, baseUrl, '#step=4');
    await waitForMap(page);
    const panel = page.locator('.story-panel');
    await expect.poll(() => panel.locator('h2').innerText()).toBe(steps[3]!.title_uk);
    expect(await spokenDate(page)).toBe('13 вересня 2023 р.');
    await panel.locator('.story-nav button').nth(1).click();
    await expect.poll(() => page.url()).toContain('step=5');
    // The link the app writes reopens the same moment in a new page.
    const link = page.url();
    const again = await openPage(shared.browser, link.slice(0, link.indexOf('#')), link.slice(link.indexOf('#')));
    await waitForMap(again.page);
    await expect.poll(() => again.page.locator('.story-panel h2').innerText()).toBe(steps[4]!.title_uk);
    expect(await spokenDate(again.page)).toBe(await spokenDate(page));
    expect(errors).toEqual([]);
    await again.page.context().close();
    await page.context().close();
  });

  it('shows the step under the pinned map on a phone, inside the screen and off the map', async () => {
    const { page } = await openPage(shared.browser, baseUrl, '#step=2', {
      viewport: { width: 375, height: 667 },
      hasTouch: true,
      isMobile: true,
    });
    await waitForMap(page);
    const panel = page.locator('.story-panel');
    await panel.waitFor();
    const box = await panel.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375 + 0.5);
    expect(box!.width).toBeGreaterThan(340);
    const map = (await page.locator('.map-area').boundingBox())!;
    expect(box!.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
    await screenshot(page, 'story-phone-step-2');
    // A feature's details open as a sheet of their own: one sheet at a time, the step's back once they close.
    // A tap on the port on the map (the map's own click handler calls the same model action).
    await page.evaluate(() =>
      (window as unknown as { storyModel: { select(id: string, origin: 'map'): void } }).storyModel.select(
        'rajin-port',
        'map',
      ),
    );
    const sheet = page.locator('.maplibregl-popup.story-popup');
    await sheet.waitFor();
    const overlap = async () => {
      const [a, b] = [await sheet.boundingBox(), await panel.boundingBox()];
      if (!a || !b) return 0;
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      return w > 0 && h > 0 ? w * h : 0;
    };
    expect(await overlap()).toBe(0);
    expect(await sheet.isVisible()).toBe(true);
    await screenshot(page, 'story-phone-step-2-feature-sheet');
    await sheet.locator('.maplibregl-popup-close-button').click();
    await sheet.waitFor({ state: 'detached' });
    expect(await panel.isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('the moving points at load', () => {
  it('are not sent an empty update when the timeline arrives with no day chosen (each re-tiles and redraws)', async () => {
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Counts the moving source's data loads from the map's creation on.
    await context.addInitScript(() => {
      const w = window as unknown as { movingLoads: number; storyMap?: unknown };
      w.movingLoads = 0;
      let map: import('maplibre-gl').Map | undefined;
      Object.defineProperty(window, 'storyMap', {
        configurable: true,
        get: () => map,
        set: (value: import('maplibre-gl').Map) => {
          map = value;
          value.on('sourcedata', (e) => {
            if (e.sourceId === 'story-moving' && e.sourceDataType === 'metadata') w.movingLoads++;
          });
        },
      });
    });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await waitForMap(page);
    await page.waitForSelector('.time-slider');
    // An update sent when the timeline arrived would have the source loading now: `idle` waits until it is loaded.
    await waitForIdle(page);
    // The style's own empty source loads once; nothing more while no day is chosen.
    expect(await page.evaluate(() => (window as unknown as { movingLoads: number }).movingLoads)).toBe(1);
    await context.close();
  });
});
