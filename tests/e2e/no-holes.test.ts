/**
 * Issue #15: no frame shows water where there is land: not while the detailed basemap replaces the world view's near
 * DETAIL_ZOOM, not after a pan or a jump at zoom 8. Every frame drawn from the move until `idle` is read back inside
 * its `render` handler (the drawing buffer is not preserved after it), at points that are land in every resolution
 * of the basemap and well inside it; a point showing the sea colour there is a hole.
 */

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { booleanPointInPolygon, circle } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isExtent } from '../../src/basemap/land-borders';
import { DETAIL_WINDOWS } from '../../src/basemap/windows';
import { BASEMAP_COLORS } from '../../src/style/palette';
import { type OpenedPage, openPage, SCREENSHOTS, screenshot, sharedBrowser, waitForIdle, waitForMap } from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();

const placeOf = (id: string): [number, number] => {
  const data = JSON.parse(readFileSync('geo/ports.geojson', 'utf8')) as FeatureCollection;
  const feature = data.features.find((f) => f.properties?.id === id);
  if (feature?.geometry.type !== 'Point') throw new Error(`geo/ports.geojson: no point ${id}`);
  return feature.geometry.coordinates as [number, number];
};
const DEPOT = placeOf('tikhoretsk-depot');
const DUNAI = placeOf('dunai-port');

/** The land of the basemap at each resolution (the files `npm run data` writes and the app serves). */
const landFile = (name: string) =>
  (JSON.parse(readFileSync(`public/basemap/${name}.geojson`, 'utf8')) as FeatureCollection).features.filter(
    (f): f is Feature<Polygon | MultiPolygon> =>
      !isExtent(f) && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'),
  );
const WORLD_VIEW = landFile('land-low');
const DETAILED = [...landFile('land-high'), ...landFile('land-outside')];
const CLOSE_UP = landFile('land-window');

const inWindow = ([lng = 0, lat = 0]: Position) =>
  DETAIL_WINDOWS.some(([w, s, e, n]) => lng >= w && lng <= e && lat >= s && lat <= n);
const isLand = (p: Position, land: Feature<Polygon | MultiPolygon>[]) => land.some((f) => booleanPointInPolygon(p, f));

/**
 * Whether the disc of `radiusKm` around `at` is land in the world view, in the detailed files and, inside a close-up
 * window, in the close-up file. The disc is checked at its centre and 16 points of its rim, each in the union of a
 * resolution's files (the detailed land is two files that meet along a clip line; a window's land stops at its edge).
 */
function isLandEverywhere(at: [number, number], radiusKm: number): boolean {
  const rim = circle(at, radiusKm, { steps: 16 }).geometry.coordinates[0] ?? [];
  return [at, ...rim].every(
    (p) => isLand(p, WORLD_VIEW) && isLand(p, DETAILED) && (!inWindow(p) || isLand(p, CLOSE_UP)),
  );
}

const rgbOf = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
const SEA = rgbOf(BASEMAP_COLORS.sea);
const LAND = rgbOf(BASEMAP_COLORS.land);
// Sea and land differ by 31 in red: a pixel within 8 of one is that colour.
const TOLERANCE = 8;
const near = (rgb: readonly number[], colour: readonly number[]) =>
  rgb.every((v, k) => Math.abs(v - colour[k]!) <= TOLERANCE);

/** What a case does to the camera, or, for the control, to the land layers. */
type Move =
  | { kind: 'panBy'; by: [number, number] }
  | { kind: 'jumpTo' | 'easeTo'; center: [number, number]; zoom: number }
  | { kind: 'hideLandForOneFrame' };

type Hole = { frame: number; point: number; rgb: number[] };
interface Watched {
  /** Frames drawn from the move until `idle` (frame 0, the still frame before the move, not counted). */
  frames: number;
  /** Points read, over all frames. */
  samples: number;
  holes: Hole[];
  /** Each point's colour in the last frame, the one before `idle` (null: off the canvas). */
  last: (number[] | null)[];
  /** The first frame with a hole, as a PNG data URL. */
  holeImage: string | null;
  /** The first frame after the move, as a PNG data URL (with E2E_SCREENSHOTS=1). */
  frameOneImage: string | null;
}

type StoryMapWindow = { storyMap: import('maplibre-gl').Map };

/**
 * Points on a grid over the view the camera will have after `move`, as [lng, lat]: computed in the view it has now
 * (a pan shifts the pixels, a jump moves the centre and scales about it by the zoom difference).
 */
async function gridOfViewAfter(page: Page, move: Move, cols = 10, rows = 7): Promise<[number, number][]> {
  return page.evaluate(
    ({ move, cols, rows }) => {
      const map = (window as unknown as StoryMapWindow).storyMap;
      const { clientWidth: width, clientHeight: height } = map.getCanvas();
      const centre = map.project(map.getCenter());
      const nowOf = (x: number, y: number): [number, number] => {
        if (move.kind === 'panBy') return [x + move.by[0] * width, y + move.by[1] * height];
        if (move.kind === 'hideLandForOneFrame') return [x, y];
        const target = map.project(move.center);
        const k = 2 ** (map.getZoom() - move.zoom);
        return [target.x + (x - centre.x) * k, target.y + (y - centre.y) * k];
      };
      const points: [number, number][] = [];
      for (let i = 0; i < cols; i++) {
        for (let j = 0; j < rows; j++) {
          const x = width * (0.05 + (0.9 * (i + 0.5)) / cols);
          const y = height * (0.05 + (0.9 * (j + 0.5)) / rows);
          points.push(map.unproject(nowOf(x, y)).toArray() as [number, number]);
        }
      }
      return points;
    },
    { move, cols, rows },
  );
}

/**
 * Reads `points` in one still frame (frame 0), makes `move`, and reads them in every frame drawn until `idle`.
 * A point shows a hole where its pixel is the sea colour.
 */
async function watch(page: Page, points: [number, number][], move: Move): Promise<Watched> {
  return page.evaluate(
    async ({ points, move, sea, tolerance, keepFrameOne }) => {
      const map = (window as unknown as StoryMapWindow).storyMap;
      const canvas = map.getCanvas();
      const gl = canvas.getContext('webgl2') as WebGL2RenderingContext;
      const landLayers = ['land-low', 'land-outside', 'land-high', 'land-window'].filter((id) => map.getLayer(id));
      // Only the sampled pixels are read back (the whole buffer is 4 MB a frame at 1280 × 800): each into its slot of
      // a pixel-pack buffer, then all of them at once (one wait for the GPU a frame, not one a point).
      const pack = gl.createBuffer();
      const read = new Uint8Array(points.length * 4);
      const watched = {
        frames: -1,
        samples: 0,
        holes: [] as { frame: number; point: number; rgb: number[] }[],
        last: [] as (number[] | null)[],
        holeImage: null as string | null,
        frameOneImage: null as string | null,
      };
      const onRender = () => {
        watched.frames++;
        const w = gl.drawingBufferWidth;
        const h = gl.drawingBufferHeight;
        const scale = w / canvas.clientWidth;
        const onCanvas = points.map((at) => {
          const p = map.project(at);
          const x = Math.round(p.x * scale);
          const y = h - 1 - Math.round(p.y * scale);
          return x < 0 || y < 0 || x >= w || y >= h ? null : { x, y };
        });
        gl.bindBuffer(gl.PIXEL_PACK_BUFFER, pack);
        gl.bufferData(gl.PIXEL_PACK_BUFFER, read.length, gl.STREAM_READ);
        onCanvas.forEach((at, i) => {
          if (at) gl.readPixels(at.x, at.y, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, i * 4);
        });
        gl.getBufferSubData(gl.PIXEL_PACK_BUFFER, 0, read);
        gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
        watched.last = onCanvas.map((at, point) => {
          if (!at) return null;
          const rgb = [read[point * 4]!, read[point * 4 + 1]!, read[point * 4 + 2]!];
          watched.samples++;
          if (rgb.every((v, k) => Math.abs(v - sea[k]!) <= tolerance)) {
            watched.holes.push({ frame: watched.frames, point, rgb });
            watched.holeImage ??= canvas.toDataURL();
          }
          return rgb;
        });
        if (watched.frames === 1 && keepFrameOne) watched.frameOneImage = canvas.toDataURL();
        if (move.kind === 'hideLandForOneFrame' && watched.frames === 1) {
          for (const id of landLayers) map.setLayoutProperty(id, 'visibility', 'visible');
        }
      };
      map.on('render', onRender);
      await new Promise((resolve) => {
        map.once('render', resolve);
        map.triggerRepaint();
      });
      return new Promise<typeof watched>((resolve) => {
        if (move.kind === 'panBy') {
          const { clientWidth: width, clientHeight: height } = canvas;
          map.panBy([move.by[0] * width, move.by[1] * height], { essential: true });
        } else if (move.kind === 'jumpTo') {
          map.jumpTo({ center: move.center, zoom: move.zoom });
        } else if (move.kind === 'easeTo') {
          map.easeTo({ center: move.center, zoom: move.zoom, duration: 1500, essential: true });
        } else {
          for (const id of landLayers) map.setLayoutProperty(id, 'visibility', 'none');
        }
        map.once('idle', () => {
          map.off('render', onRender);
          gl.deleteBuffer(pack);
          resolve(watched);
        });
      });
    },
    { points, move, sea: SEA, tolerance: TOLERANCE, keepFrameOne: SCREENSHOTS },
  );
}

/** Metres per CSS pixel at `zoom` and latitude `lat` (512-pixel Web Mercator tiles, as MapLibre draws them). */
const metresPerPixel = (zoom: number, lat: number) =>
  (40_075_016.7 * Math.cos((lat * Math.PI) / 180)) / 2 ** (9 + zoom);

/** The points to read for a case: the grid's points that are land in every resolution, 12 px inside the coast. */
function landPointsOf(grid: [number, number][], lowestZoom: number): [number, number][] {
  return grid.filter((at) => isLandEverywhere(at, (12 * metresPerPixel(lowestZoom, at[1])) / 1000));
}

function describeHoles(name: string, points: [number, number][], holes: Hole[]): string[] {
  return holes.slice(0, 5).map(({ frame, point, rgb }) => {
    const [lng = 0, lat = 0] = points[point] ?? [];
    return `${name}: frame ${frame}, point ${point} at ${lng.toFixed(3)}, ${lat.toFixed(3)} shows rgb(${rgb.join(', ')})`;
  });
}

/** What the reader sees: after the move, and its first frame (the one most likely to have a hole) or its first hole. */
function saveImages(name: string, page: Page, watched: Watched): Promise<string> {
  mkdirSync('test-results', { recursive: true });
  const first = `test-results/no-holes-${name}-first-hole.png`;
  rmSync(first, { force: true });
  if (watched.holeImage) writeFileSync(first, Buffer.from(watched.holeImage.split(',')[1]!, 'base64'));
  if (watched.frameOneImage) {
    writeFileSync(
      `test-results/no-holes-${name}-frame-1.png`,
      Buffer.from(watched.frameOneImage.split(',')[1]!, 'base64'),
    );
  }
  return screenshot(page, `no-holes-${name}`);
}

/** Reads the case's land points through its move, with a screenshot for a human; expects no hole. */
async function expectNoHoles(page: Page, name: string, move: Move, lowestZoom: number): Promise<void> {
  await waitForIdle(page);
  const points = landPointsOf(await gridOfViewAfter(page, move), lowestZoom);
  const watched = await watch(page, points, move);
  await saveImages(name, page, watched);
  console.log(
    `${name}: ${points.length} land points, ${watched.frames} frames, ${watched.samples} samples, ${watched.holes.length} holes`,
  );
  expect(points.length, 'land points to read').toBeGreaterThanOrEqual(6);
  expect(watched.frames, 'frames drawn after the move').toBeGreaterThan(0);
  expect(watched.samples, 'points read').toBeGreaterThan(points.length);
  // The last frame shows land at the points (a point under a label or a line may show neither colour).
  const landInLast = watched.last.filter((rgb) => rgb && near(rgb, LAND)).length;
  expect(landInLast, 'points showing land when idle').toBeGreaterThanOrEqual(points.length / 2);
  expect(describeHoles(name, points, watched.holes)).toEqual([]);
}

/** Opens the app at `zoom` over `at` ([lng, lat]) and waits for its first complete frame. */
async function openAt(at: [number, number], zoom: number): Promise<OpenedPage> {
  const opened = await openPage(shared.browser, baseUrl, `#map=${zoom}/${at[1]}/${at[0]}`);
  await waitForMap(opened.page);
  return opened;
}

// At zoom 8 the cases of a place run one after the other in one page (opening one takes most of a case's time):
// the pan, then from where it ends a jump to a point about 200 km away on land.
const AT_ZOOM_8: { place: string; at: [number, number]; pan: [number, number]; jumpTo: [number, number] }[] = [
  { place: 'depot', at: DEPOT, pan: [0.6, -0.4], jumpTo: [41.2, 48.1] },
  // Inland from Dunai, then out of the close-up window.
  { place: 'dunai', at: DUNAI, pan: [-0.5, -0.5], jumpTo: [134.6, 44.6] },
];

for (const { place, at, pan, jumpTo } of AT_ZOOM_8) {
  describe(`at zoom 8 at ${place}, no frame shows the sea where there is land`, () => {
    let opened: OpenedPage | undefined;
    const page = () => {
      if (!opened) throw new Error('the page opens in beforeAll');
      return opened.page;
    };
    beforeAll(async () => {
      opened = await openAt(at, 8);
    });
    afterAll(async () => {
      await opened?.page.context().close();
    });

    it('after a pan of half the view', async () => {
      await expectNoHoles(page(), `${place}-pan`, { kind: 'panBy', by: pan }, 8);
      expect(opened?.errors).toEqual([]);
    });

    it('after a jump', async () => {
      await expectNoHoles(page(), `${place}-jump`, { kind: 'jumpTo', center: jumpTo, zoom: 8 }, 8);
      expect(opened?.errors).toEqual([]);
    });

    // The control: the detector must see a hole when there is one, so the cases above cannot pass for want of it.
    if (place === 'depot') {
      it('reports the land layers hidden for one frame as holes in that frame (the detector itself)', async () => {
        await waitForIdle(page());
        const move: Move = { kind: 'hideLandForOneFrame' };
        const points = landPointsOf(await gridOfViewAfter(page(), move), 8);
        const watched = await watch(page(), points, move);
        await saveImages('control-hidden-land', page(), watched);
        expect(points.length).toBeGreaterThanOrEqual(6);
        // Frame 0 is the still map; frame 1 has no land (MapLibre may need a frame or two to draw it again after).
        const inFrame = (frame: number) => watched.holes.filter((h) => h.frame === frame).length;
        expect(inFrame(0)).toBe(0);
        expect(inFrame(1), 'land points that are holes in the frame without land').toBeGreaterThanOrEqual(
          0.9 * points.length,
        );
        expect(describeHoles('control', points, watched.holes)[0]).toMatch(/^control: frame 1, point \d+ at /);
      });
    }
  });
}

const RUSSIA_UKRAINE: [number, number] = [38, 52];

describe('zooming in across the detail threshold, no frame shows the sea where there is land', () => {
  // From zoom 3 the detailed files are already fetched (they load from DETAIL_ZOOM - DETAIL_PREFETCH), from zoom 2
  // only once the jump has landed. Each case in a new page: the detailed tiles are not loaded yet.
  const cases: { name: string; from: number; kind: 'jumpTo' | 'easeTo' }[] = [
    { name: 'detail-jump-from-3', from: 3, kind: 'jumpTo' },
    { name: 'detail-ease-from-3', from: 3, kind: 'easeTo' },
    { name: 'detail-jump-from-2', from: 2, kind: 'jumpTo' },
  ];
  for (const c of cases) {
    it(`${c.kind} from zoom ${c.from} to 4.5`, async () => {
      const { page, errors } = await openAt(RUSSIA_UKRAINE, c.from);
      await expectNoHoles(page, c.name, { kind: c.kind, center: RUSSIA_UKRAINE, zoom: 4.5 }, c.from);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});
