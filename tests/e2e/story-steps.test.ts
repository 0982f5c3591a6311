/**
 * Issue #24 (the guided story and the popups, cut as an editor would) and #25 items 1–2 (focus after the story, focus
 * in a popup). One browser; each screen size is one page, walked by jumping the camera, not by reloading.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { STORY_LAYERS } from '../../src/story/types';
import { openPage, screenshot, sharedBrowser, waitForMap } from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();

interface Step {
  id: string;
  features: string[];
  labels?: string[];
}
const steps: Step[] = JSON.parse(readFileSync(new URL('../../geo/steps.json', import.meta.url), 'utf8')).steps;

type MapWindow = {
  storyMap: import('maplibre-gl').Map;
  storyModel: {
    select(id: string | undefined, origin: string): void;
    setVisibleLayers(ids: readonly string[]): void;
    selectedId: { value: string | undefined };
    lang: { value: string };
    articleOpen: { value: boolean };
  };
};

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
const RAJIN = POSITIONS.get('rajin-port')![0]!;
const DUNAI = POSITIONS.get('dunai-port')![0]!;

const idle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as unknown as MapWindow).storyMap;
        if (!map.isMoving() && map.loaded() && map.areTilesLoaded()) {
          // Settled already: wait one idle after any pending work.
          map.once('idle', () => resolve());
          map.triggerRepaint();
        } else map.once('idle', () => resolve());
      }),
  );

/**
 * Where the step's named positions fall outside the visible map: off the canvas, or under the step panel. The step's
 * own drawings (the nearest-border line of step 6) count as named too.
 */
async function hiddenPositions(page: Page, named: [string, number[]][]): Promise<string[]> {
  return page.evaluate((points) => {
    const map = (window as unknown as MapWindow).storyMap;
    const canvas = map.getCanvas().getBoundingClientRect();
    const panel = document.querySelector('.story-panel')?.getBoundingClientRect();
    const visual = map
      .querySourceFeatures('story-step')
      .filter((f) => f.geometry.type === 'LineString')
      .flatMap((f) => (f.geometry as GeoJSON.LineString).coordinates.map((c) => [String(f.properties.id), c]));
    const margin = 6;
    return [...points, ...visual]
      .filter(([, c]) => {
        const p = map.project(c as [number, number]);
        const x = canvas.left + p.x;
        const y = canvas.top + p.y;
        const off =
          x < canvas.left + margin ||
          y < canvas.top + margin ||
          x > Math.min(canvas.right, innerWidth) - margin ||
          y > Math.min(canvas.bottom, innerHeight) - margin;
        const under =
          !!panel &&
          x > panel.left - margin &&
          x < panel.right + margin &&
          y > panel.top - margin &&
          y < panel.bottom + margin;
        return off || under;
      })
      .map(([id, c]) => `${id} at ${(c as number[]).map((v) => v.toFixed(2))}`);
  }, named);
}

/** Whether the Next button is on screen and the topmost element at its centre, so it can be clicked unscrolled. */
async function nextInSight(page: Page): Promise<string> {
  return page.evaluate(() => {
    const next = document.querySelector<HTMLElement>('.story-next');
    if (!next) return 'no Next button';
    const r = next.getBoundingClientRect();
    if (r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) return `off screen: ${r.top}`;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit && next.contains(hit) ? 'ok' : `covered by ${hit?.className}`;
  });
}

/** Ids the map shows labelled now (story labels and the step's own labels). */
async function labelledIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = (window as unknown as MapWindow).storyMap;
    const layers = map
      .getStyle()
      .layers.filter((l) => l.id.startsWith('story-') && l.id.endsWith('-label'))
      .map((l) => l.id);
    return [
      ...new Set(
        map
          .queryRenderedFeatures({ layers })
          .filter((f) => f.properties.id)
          .map((f) => String(f.properties.id)),
      ),
    ];
  });
}

/** Walks every step from the first, checking its framing, its labels and that Next is in sight; Escape leaves. */
async function walkSteps(page: Page, tag: string, frame = true): Promise<void> {
  await page.locator('.story-cta').click();
  for (const [i, step] of steps.entries()) {
    await expect
      .poll(() => page.locator('.story-progress [aria-hidden]').innerText())
      .toBe(`${i + 1} / ${steps.length}`);
    await expect
      .poll(async () => `${tag} step ${i + 1}: Next ${await nextInSight(page)}`)
      .toBe(`${tag} step ${i + 1}: Next ok`);
    if (frame) {
      await idle(page);
      const named = step.features.flatMap((id) => (POSITIONS.get(id) ?? []).map((c) => [id, c] as [string, number[]]));
      expect(await hiddenPositions(page, named), `${tag} step ${i + 1} (${step.id}): hidden`).toEqual([]);
      const labelled = await labelledIds(page);
      const points = step.features.filter((id) => POSITIONS.get(id)?.length === 1);
      expect(
        points.filter((id) => !labelled.includes(id)),
        `${tag} step ${i + 1}: unlabelled`,
      ).toEqual([]);
      await screenshot(page, `steps-${tag}-${i + 1}-${step.id}`);
    }
    if (i < steps.length - 1) await page.locator('.story-next').click();
  }
}

describe('the guided story on a desktop, 1440×900', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openPage(shared.browser, baseUrl, '#lang=en', {
      viewport: { width: 1440, height: 900 },
      reducedMotion: 'reduce',
    }));
    await waitForMap(page);
    await page.waitForSelector('.story-cta');
  });
  afterAll(async () => {
    await page.context().close();
  });
  // Each test starts on the free map with no popup, whatever the one before left.
  beforeEach(async () => {
    if (!page) return;
    await page.evaluate(() => (window as unknown as MapWindow).storyModel.select(undefined, 'map'));
    if (await page.locator('.story-exit').count()) await page.locator('.story-exit').click();
    await page.locator('.story-cta').waitFor();
    await page.evaluate((all) => (window as unknown as MapWindow).storyModel.setVisibleLayers(all), [...STORY_LAYERS]);
  });

  it('at the first view, places the Rajin and Dunai labels apart from the other port’s dot', async () => {
    const crossings = await page.evaluate(
      ([rajin, dunai]) => {
        const map = (window as unknown as MapWindow).storyMap;
        const labels = map
          .getStyle()
          .layers.filter((l) => l.id.startsWith('story-') && l.id.endsWith('-label'))
          .map((l) => l.id);
        const drawn = map.queryRenderedFeatures({ layers: labels }).map((f) => String(f.properties.id));
        const near = (c: number[]) => {
          const p = map.project(c as [number, number]);
          return map
            .queryRenderedFeatures(
              [
                [p.x - 7, p.y - 7],
                [p.x + 7, p.y + 7],
              ],
              { layers: labels },
            )
            .map((f) => String(f.properties.id));
        };
        return {
          drawn: ['rajin-port', 'dunai-port'].filter((id) => drawn.includes(id)),
          onRajin: near(rajin!).filter((id) => id !== 'rajin-port'),
          onDunai: near(dunai!).filter((id) => id !== 'dunai-port'),
        };
      },
      [RAJIN, DUNAI],
    );
    expect(crossings).toEqual({ drawn: ['rajin-port', 'dunai-port'], onRajin: [], onDunai: [] });
  });

  it('at the first view, a click on the Rajin dot picks the port, not a trip stop over it', async () => {
    const at = await page.evaluate((c) => {
      const map = (window as unknown as MapWindow).storyMap;
      const p = map.project(c as [number, number]);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    }, RAJIN);
    await page.mouse.click(at.x, at.y);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as MapWindow).storyModel.selectedId.value))
      .toBe('rajin-port');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.maplibregl-popup').count()).toBe(0);
  });

  it('frames and labels what each step names, with Next in sight, in English and Ukrainian', async () => {
    await walkSteps(page, 'd1440-en');
    await page.locator('.story-exit').click();
    await page.evaluate(() => {
      (window as unknown as MapWindow).storyModel.lang.value = 'uk';
    });
    await walkSteps(page, 'd1440-uk');
    await page.locator('.story-exit').click();
    await page.evaluate(() => {
      (window as unknown as MapWindow).storyModel.lang.value = 'en';
    });
  }, 300_000);

  it('draws the depot’s nearest-border line with its figures on step 6, and the Angara at Dunai on step 3', async () => {
    const next = async (n: number) => {
      await page.locator('.story-next').click();
      await expect.poll(() => page.locator('.story-progress [aria-hidden]').innerText()).toBe(`${n} / ${steps.length}`);
    };
    await page.locator('.story-cta').click();
    await next(2);
    await next(3);
    await idle(page);
    const ships = await page.evaluate(() => {
      const map = (window as unknown as MapWindow).storyMap;
      return [
        ...map.querySourceFeatures('story-moving').filter((f) => f.properties.role === 'ship'),
        ...map.querySourceFeatures('story-step').filter((f) => f.properties.role === 'ship'),
      ].map((f) => (f.geometry as GeoJSON.Point).coordinates);
    });
    expect(ships.length).toBeGreaterThan(0);
    for (const at of ships) expect(Math.hypot(at[0]! - DUNAI[0]!, at[1]! - DUNAI[1]!)).toBeLessThan(0.3);
    for (let n = 4; n <= 6; n++) await next(n);
    await idle(page);
    const text = await page.evaluate(() => {
      const map = (window as unknown as MapWindow).storyMap;
      return map
        .queryRenderedFeatures({ layers: ['story-step-label'] })
        .map((f) => String(f.properties.text))
        .join(' | ');
    });
    expect(text).toMatch(/194 km \(measured on this map\) · RUSI ~200 · White House ~290/);
    await page.locator('.story-exit').click();
  });

  it('leaves the story with Escape, and focus goes back to the control that started it (keyboard and mouse)', async () => {
    await page.locator('.story-cta').focus();
    await page.keyboard.press('Enter');
    await page.locator('.story-panel').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.story-panel').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('story-cta');
    await page.locator('.story-cta').click();
    await page.locator('.story-exit').click();
    await expect.poll(() => page.locator('.story-panel').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('story-cta');
  });

  it('shows an article passage chosen during a step whose layers hide its place, leaving the step', async () => {
    await page.locator('.story-cta').click();
    await page.evaluate(() => {
      (window as unknown as MapWindow).storyModel.articleOpen.value = true;
    });
    const passage = page.locator('.passage[data-feature-ids^="rajin-port"]').first();
    await passage.click();
    await expect.poll(() => page.locator('.story-panel').count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as MapWindow).storyModel.selectedId.value))
      .toBe('rajin-port');
    await page.locator('.maplibregl-popup .key-figure').waitFor();
    await page.evaluate(() => {
      (window as unknown as MapWindow).storyModel.articleOpen.value = false;
    });
  });

  for (const id of ['tikhoretsk-depot', 'angara-maria-shuttle', 'rajin-port']) {
    it(`opens ${id}'s popup at its heading, close button first, with the key figure in its first 300 px`, async () => {
      await page.evaluate((f) => (window as unknown as MapWindow).storyModel.select(f, 'list'), id);
      const popup = page.locator('.maplibregl-popup');
      await popup.locator('.key-figure').waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
      const state = await page.evaluate(() => {
        const content = document.querySelector('.maplibregl-popup-content')!;
        const heading = content.querySelector('h2')!;
        const close = content.querySelector('.maplibregl-popup-close-button')!;
        const figure = content.querySelector('.key-figure')!.getBoundingClientRect();
        const tip = document.querySelector('.maplibregl-popup-tip')?.getBoundingClientRect();
        return {
          focusInPopup: heading === document.activeElement && heading.getAttribute('tabindex') === '-1',
          scrolled: content.scrollTop,
          closeFirst: !!(close.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING),
          figureBottom: figure.bottom - content.getBoundingClientRect().top,
          figure: content.querySelector('.key-figure')!.textContent,
          text: (content as HTMLElement).innerText,
          tip: tip && { x: tip.left + tip.width / 2, y: tip.top + tip.height / 2 },
        };
      });
      expect(state.focusInPopup).toBe(true);
      expect(state.scrolled).toBe(0);
      expect(state.closeFirst).toBe(true);
      expect(state.figureBottom).toBeLessThanOrEqual(300);
      if (id === 'tikhoretsk-depot') expect(state.figure).toMatch(/194 km.*RUSI ~200.*White House ~290/);
      if (id === 'rajin-port') expect(state.text).toContain('Location approximate (±1.5 km)');
      // The popup's tip stands off its point (a point) or at an end of its line, never on the line's middle.
      const ends = id === 'angara-maria-shuttle' ? [RAJIN, DUNAI] : [POSITIONS.get(id)![0]!];
      const px = await page.evaluate(
        (cs) => {
          const map = (window as unknown as MapWindow).storyMap;
          const r = map.getCanvas().getBoundingClientRect();
          return cs.map((c) => {
            const p = map.project(c as [number, number]);
            return { x: r.left + p.x, y: r.top + p.y };
          });
        },
        ends.map((c) => c),
      );
      const gap = Math.min(...px.map((p) => Math.hypot(p.x - state.tip!.x, p.y - state.tip!.y)));
      expect(gap).toBeGreaterThanOrEqual(8);
      expect(gap).toBeLessThanOrEqual(30);
      await idle(page);
      await screenshot(page, `steps-popup-${id}`);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.maplibregl-popup').count()).toBe(0);
    });
  }

  it('keeps Next in sight on every step at 1280×720', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await walkSteps(page, 'd1280-en', false);
    await page.locator('.story-exit').click();
  }, 120_000);
});

describe('the guided story on a phone, 390×844', () => {
  it('frames what each step names above the sheet, with Next in sight, in English and Ukrainian', async () => {
    const { page } = await openPage(shared.browser, baseUrl, '#lang=en', {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      reducedMotion: 'reduce',
    });
    await waitForMap(page);
    await page.waitForSelector('.story-cta');
    await walkSteps(page, 'm390-en');
    await page.locator('.story-exit').click();
    await page.evaluate(() => {
      (window as unknown as MapWindow).storyModel.lang.value = 'uk';
    });
    await walkSteps(page, 'm390-uk');
    await page.context().close();
  }, 300_000);
});
