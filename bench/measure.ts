/**
 * One measured visit of one page in a fresh browser context: time to ready and to first meaningful paint
 * (in-page timestamps, ms after navigation start), the bytes of every response until ready, the JS heap
 * after a forced GC, and click → popup latencies.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Request } from 'playwright-core';
import { categoryFor, hasMaplibreCode, type ResourceRecord } from './bytes';

export type PageId = 'app' | 'bare' | 'leaflet' | 'before';

/** A place to click: a story feature's point, or a vertex in the middle of its line. */
export interface ClickTarget {
  id: string;
  lng: number;
  lat: number;
}

export interface PageSpec {
  id: PageId;
  label: string;
  url: string;
  /** How the page's map shows popups; `null`: it has none. */
  popups: 'maplibre' | 'leaflet' | null;
}

export interface VisitOptions {
  run: number;
  viewport: { width: number; height: number };
  /** The app's map size, passed to the reference pages so every map draws as many pixels. */
  mapSize: { width: number; height: number } | null;
  targets: ClickTarget[];
  clicks: number;
  /** Where in `targets` this visit starts clicking, so the visits together cover every target. */
  firstTarget: number;
  timeoutMs: number;
}

export interface Visit {
  page: PageId;
  run: number;
  /** ms from navigation start to `#map[data-map-ready="true"]`. */
  readyMs: number | null;
  /** ms to the app's static picture being loaded (app only). */
  staticPictureMs: number | null;
  /** ms to the first of: the static picture loaded, the map ready. */
  firstPaintMs: number | null;
  /** Main-thread JS heap in use after load and a forced GC, bytes. */
  heapBytes: number | null;
  /** Click → popup painted, ms, one per click that opened a popup. */
  clickMs: number[];
  /** Click → popup element in the DOM (before the frame that paints it), ms. */
  clickToDomMs: number[];
  clicksWithoutPopup: number;
  resources: ResourceRecord[];
  mapSize: { width: number; height: number } | null;
  /** Where the time to ready goes: MapLibre pages only (`null` for the Leaflet page). */
  breakdown: Breakdown | null;
  /** Map frames rendered between each click and the frame that painted its popup (that frame included). */
  clickFrames: number[];
  /** The language button (uk → en) and a layer checkbox: input event → the next map frame painted, ms. */
  langSwitchMs: number[];
  layerToggleMs: number[];
  errors: string[];
}

/** The phases of one MapLibre page's load, its frames and long tasks, and its frames after ready. */
export interface Breakdown {
  /** ms after navigation start; `null` where the page has no such phase (the bare page has no story data). */
  phases: Record<PhaseName, number | null>;
  /** Every map frame whose rAF callback started before ready: start (ms) and cost (callback duration, ms). */
  framesBeforeReady: { start: number; cost: number }[];
  /** Of those, the frames that started after the style loaded. */
  framesAfterStyle: number;
  /** Main-thread tasks over 50 ms before ready. */
  longTasks: { start: number; duration: number }[];
  /** Map frames rendered in the 2 s right after ready, nothing touched. */
  idleFrames: number;
  /** While Play runs the timeline for ANIMATION_MS (pages with a time control): frames and their costs. */
  animation: { frames: number; seconds: number; costs: number[] } | null;
}

export const PHASES = ['html', 'data', 'runtime', 'mapCreated', 'styleLoaded', 'ready'] as const;
export type PhaseName = (typeof PHASES)[number];
const MARKS: Record<Exclude<PhaseName, 'html'>, string> = {
  data: 'story-map:data-loaded',
  runtime: 'story-map:runtime-loaded',
  mapCreated: 'story-map:map-created',
  styleLoaded: 'story-map:style-loaded',
  ready: 'story-map:ready',
};
const IDLE_WINDOW_MS = 2000;
const ANIMATION_MS = 3000;

// Runs in the page before its own scripts. Plain JS in a string: functions handed to Playwright are sent as
// source text, and the TS loader's helpers would not exist in the page.
export const PROBE = `(() => {
  const bench = { ready: null, staticPicture: null, clickedAt: null, pending: null };
  window.__bench = bench;
  const check = () => {
    const now = performance.now();
    if (bench.ready === null && document.querySelector('#map[data-map-ready="true"]')) bench.ready = now;
    if (bench.staticPicture === null) {
      const img = document.querySelector('img.static-map');
      if (img && img.complete && img.naturalWidth > 0) bench.staticPicture = now;
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['data-map-ready', 'src', 'class'],
  });
  // An image's load event reaches the document but never the window.
  document.addEventListener('load', (e) => { if (e.target instanceof HTMLImageElement) check(); }, true);
  addEventListener('click', (e) => { bench.clickedAt = e.timeStamp; }, true);
  // Map frames: MapLibre draws in a requestAnimationFrame callback and fires 'render' in it; a callback in which
  // the map fired 'render' is a map frame, and the callback's duration is that frame's main-thread cost.
  bench.mapFrames = [];
  bench.longTasks = [];
  bench.onFrame = null;
  let rendered = false;
  const nativeRaf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => nativeRaf((timestamp) => {
    const start = performance.now();
    try { callback(timestamp); } finally {
      if (rendered) {
        rendered = false;
        const end = performance.now();
        bench.mapFrames.push({ start, cost: end - start });
        if (bench.onFrame) bench.onFrame(end);
      }
    }
  });
  // Both MapLibre pages expose their map as window.storyMap (the app in its VITE_TEST_HOOKS build).
  let map;
  Object.defineProperty(window, 'storyMap', {
    configurable: true,
    get: () => map,
    set: (value) => { map = value; value.on('render', () => { rendered = true; }); },
  });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  // Resolves when the first map frame after a click on selector's element has been painted (a task after it).
  bench.armFrameAfterClick = (selector) => {
    const element = document.querySelector(selector);
    if (!element) return Promise.resolve(null);
    let input = null;
    element.addEventListener('click', (e) => { input = e.timeStamp; }, { capture: true, once: true });
    return new Promise((resolve) => {
      const timer = setTimeout(() => { bench.onFrame = null; resolve(null); }, 5000);
      bench.onFrame = (end) => {
        if (input === null) return;
        bench.onFrame = null;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { clearTimeout(timer); resolve({ input, frameEnd: end, shown: performance.now() }); };
        channel.port2.postMessage(0);
      };
    });
  };
  // Resolves with the times a new popup entered the DOM and the first frame after that was rendered.
  bench.armPopup = (selector) => {
    const before = new Set(document.querySelectorAll(selector));
    bench.clickedAt = null;
    bench.pending = new Promise((resolve) => {
      const found = () => Array.from(document.querySelectorAll(selector)).some((el) => !before.has(el));
      const painted = (inDom) => requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ inDom, shown: performance.now() });
        channel.port2.postMessage(0);
      });
      const observer = new MutationObserver(() => {
        if (found()) { observer.disconnect(); painted(performance.now()); }
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
  };
  bench.frames = (n) => new Promise((resolve) => {
    const step = (left) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });
})();`;

interface ProbeState {
  ready: number | null;
  staticPicture: number | null;
  timeOrigin: number;
  mapWidth: number;
  mapHeight: number;
}

// Resolves on the map's next `idle`, after a repaint that is asked for so that `idle` comes even when nothing moves.
const MAPLIBRE_IDLE = `new Promise((resolve) => {
  window.storyMap.once('idle', () => resolve());
  window.storyMap.triggerRepaint();
})`;

/** How long a reader's pointer rests on a feature before pressing, or between two inputs. */
const REST_MS = 300;

// Resolves once the map has drawn what it was asked to (its next `idle`, if a redraw is pending), the browser has
// shown three more frames and REST_MS have passed. A frame's WebGL work runs in the GPU process after the main
// thread's part (with SwiftShader, for 100 ms or more), so the next frame waits for it. Unlike MAPLIBRE_IDLE this
// asks for no redraw of its own: a reader's pointer that rests on a feature has nothing left to draw, and a forced
// full redraw right before the press made the popup's frame wait behind it.
const MAPLIBRE_SETTLED = `new Promise((resolve) => {
  const map = window.storyMap;
  const shown = () => window.__bench.frames(3).then(() => setTimeout(resolve, ${REST_MS}));
  if (map.loaded() && !map.isMoving()) shown();
  else map.once('idle', shown);
})`;

const POPUP_SELECTOR = { maplibre: '.maplibregl-popup', leaflet: '.leaflet-popup' } as const;

/** Opens `spec` in a fresh context, waits for ready, and measures it. Never throws for a page that fails. */
export async function visitPage(browser: Browser, spec: PageSpec, options: VisitOptions): Promise<Visit> {
  const visit: Visit = {
    page: spec.id,
    run: options.run,
    readyMs: null,
    staticPictureMs: null,
    firstPaintMs: null,
    heapBytes: null,
    clickMs: [],
    clickToDomMs: [],
    clicksWithoutPopup: 0,
    resources: [],
    mapSize: null,
    breakdown: null,
    clickFrames: [],
    langSwitchMs: [],
    layerToggleMs: [],
    errors: [],
  };
  const context = await browser.newContext({ viewport: options.viewport, deviceScaleFactor: 1 });
  try {
    await context.addInitScript({ content: PROBE });
    const page = await context.newPage();
    page.on('pageerror', (e) => visit.errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') visit.errors.push(`console: ${m.text()}`);
    });
    // Requests of dedicated workers (MapLibre's fetches of the basemap) are reported on the page too.
    const requests: { request: Request; seenAt: number }[] = [];
    page.on('request', (request) => requests.push({ request, seenAt: Date.now() }));

    const size = options.mapSize;
    const url =
      spec.id === 'app' || spec.id === 'before' || !size ? spec.url : `${spec.url}?w=${size.width}&h=${size.height}`;
    await page.goto(url, { waitUntil: 'commit', timeout: options.timeoutMs });
    await page.waitForFunction('window.__bench.ready !== null', null, { timeout: options.timeoutMs, polling: 50 });
    const state = (await page.evaluate(`(() => {
      const rect = document.getElementById('map').getBoundingClientRect();
      return { ready: __bench.ready, staticPicture: __bench.staticPicture, timeOrigin: performance.timeOrigin,
        mapWidth: Math.round(rect.width), mapHeight: Math.round(rect.height) };
    })()`)) as ProbeState;
    visit.readyMs = state.ready;
    visit.staticPictureMs = state.staticPicture;
    visit.firstPaintMs = Math.min(
      state.ready ?? Number.POSITIVE_INFINITY,
      state.staticPicture ?? Number.POSITIVE_INFINITY,
    );
    visit.mapSize = { width: state.mapWidth, height: state.mapHeight };
    visit.resources = await resourcesUntil([...requests], state.timeOrigin + (state.ready ?? 0));

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    visit.heapBytes = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    await cdp.detach();

    if (spec.id !== 'leaflet') {
      visit.breakdown = await breakdownOf(page, state.ready ?? 0);
      if (spec.popups) {
        await measureInputs(page, visit);
        visit.breakdown.animation = await measureAnimation(page, visit);
      }
    }
    if (spec.popups) await clickFeatures(page, spec.popups, options, visit);
  } catch (error) {
    visit.errors.push(`bench: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  } finally {
    await context.close();
  }
  return visit;
}

/** The load's phases, frames and long tasks until ready, then the map frames over the 2 s after ready. */
async function breakdownOf(page: Page, ready: number): Promise<Breakdown> {
  await page.waitForFunction(`performance.now() > ${ready + IDLE_WINDOW_MS}`, null, { polling: 100 });
  return (await page.evaluate(`(() => {
    const marks = ${JSON.stringify(MARKS)};
    const at = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null;
    const nav = performance.getEntriesByType('navigation')[0];
    const phases = { html: nav ? nav.responseEnd : null };
    for (const [phase, mark] of Object.entries(marks)) phases[phase] = at(mark);
    const ready = ${ready};
    const style = phases.styleLoaded;
    const before = __bench.mapFrames.filter((f) => f.start < ready);
    return {
      phases,
      framesBeforeReady: before,
      framesAfterStyle: style === null ? 0 : before.filter((f) => f.start >= style).length,
      longTasks: __bench.longTasks.filter((t) => t.start < ready),
      idleFrames: __bench.mapFrames.filter((f) => f.start > ready && f.start <= ready + ${IDLE_WINDOW_MS}).length,
      animation: null,
    };
  })()`)) as Breakdown;
}

/** Clicks `selector` as a reader would and returns input event → next map frame painted, ms (`null`: no frame). */
async function inputToFrame(page: Page, selector: string): Promise<number | null> {
  await page.evaluate(MAPLIBRE_SETTLED);
  // Not returned: page.evaluate would wait for the promise.
  await page.evaluate(
    `void (window.__bench.pendingInput = window.__bench.armFrameAfterClick(${JSON.stringify(selector)}))`,
  );
  await page.click(selector);
  const timing = (await page.evaluate('window.__bench.pendingInput')) as { input: number; shown: number } | null;
  return timing ? timing.shown - timing.input : null;
}

const INPUT_ROUNDS = 3;

/** The language switch (uk → en, measured; back to uk, not) and a layer checkbox (off and on, both measured). */
async function measureInputs(page: Page, visit: Visit): Promise<void> {
  const lang = '.lang-switch';
  const toggle = 'input[name="layer"]';
  for (let i = 0; i < INPUT_ROUNDS; i++) {
    if ((await page.getAttribute('html', 'lang')) !== 'uk') await page.click(lang);
    const switched = await inputToFrame(page, lang);
    if (switched === null) visit.errors.push('bench: no map frame after the language switch');
    else visit.langSwitchMs.push(switched);
    for (let j = 0; j < 2; j++) {
      const toggled = await inputToFrame(page, toggle);
      if (toggled === null) visit.errors.push('bench: no map frame after a layer toggle');
      else visit.layerToggleMs.push(toggled);
    }
  }
  if ((await page.getAttribute('html', 'lang')) !== 'uk') await page.click(lang);
  await page.evaluate(MAPLIBRE_IDLE);
}

/** Plays the timeline for ANIMATION_MS and returns its map frames' count and costs; pauses and shows all again. */
async function measureAnimation(page: Page, visit: Visit): Promise<Breakdown['animation']> {
  const play = '.time-play';
  try {
    await page.waitForSelector(play, { timeout: 15_000 });
  } catch {
    visit.errors.push('bench: no Play button (time control) after ready');
    return null;
  }
  await page.evaluate(MAPLIBRE_IDLE);
  const from = (await page.evaluate('[__bench.mapFrames.length, performance.now()]')) as [number, number];
  await page.click(play);
  await page.waitForTimeout(ANIMATION_MS);
  const to = (await page.evaluate('[__bench.mapFrames.length, performance.now()]')) as [number, number];
  if ((await page.getAttribute(play, 'aria-pressed')) === 'true') await page.click(play);
  const costs = (await page.evaluate(`__bench.mapFrames.slice(${from[0]}, ${to[0]}).map((f) => f.cost)`)) as number[];
  await page.click('.time-all');
  await page.evaluate(MAPLIBRE_IDLE);
  return { frames: costs.length, seconds: (to[1] - from[1]) / 1000, costs };
}

// Requests sent this close before ready come from the ready handler itself (the map is drawn by then): the app
// fetches its Ukraine outline for popups there. The in-page ready time is taken a microtask after the attribute
// is set, so such a request can seem to come first.
const READY_GUARD_MS = 20;

/** Bodies and sizes of every response to a request sent before `readyEpoch` (ms since 1970): the first view. */
async function resourcesUntil(
  requests: readonly { request: Request; seenAt: number }[],
  readyEpoch: number,
): Promise<ResourceRecord[]> {
  const records: ResourceRecord[] = [];
  for (const { request, seenAt } of requests) {
    // The browser's own send time is known once the response is in; seenAt (node's clock) is a late stand-in.
    const response = await request.response().catch(() => null);
    if (!response) continue;
    const { startTime } = request.timing();
    if ((startTime > 0 ? startTime : seenAt) > readyEpoch - READY_GUARD_MS) continue;
    const body = await response.body().catch(() => null);
    if (!body) continue;
    const category = categoryFor(request.url());
    records.push({
      url: request.url(),
      category,
      raw: body.length,
      gzip: gzipSync(body).length,
      hasMaplibre: category === 'js' && hasMaplibreCode(body.toString('utf8')),
    });
  }
  return records;
}

/** Screen points of `targets` on the page's map, kept only where the map itself (not a panel or control) is hit. */
async function clickablePoints(
  page: Page,
  kind: 'maplibre' | 'leaflet',
  targets: ClickTarget[],
): Promise<({ x: number; y: number } | null)[]> {
  return page.evaluate(
    ([kind, targets]) => {
      const container = document.getElementById('map') as HTMLElement;
      const rect = container.getBoundingClientRect();
      const w = window as unknown as {
        storyMap?: { project(p: [number, number]): { x: number; y: number } };
        benchMap?: { latLngToContainerPoint(p: [number, number]): { x: number; y: number } };
      };
      return targets.map((t) => {
        const p =
          kind === 'maplibre'
            ? w.storyMap?.project([t.lng, t.lat])
            : w.benchMap?.latLngToContainerPoint([t.lat, t.lng]);
        if (!p) return null;
        const x = Math.round(rect.left + p.x);
        const y = Math.round(rect.top + p.y);
        const margin = 12;
        if (x < rect.left + margin || x > rect.right - margin || y < rect.top + margin || y > rect.bottom - margin) {
          return null;
        }
        const hit = document.elementFromPoint(x, y);
        return hit instanceof HTMLCanvasElement && container.contains(hit) ? { x, y } : null;
      });
    },
    [kind, targets] as const,
  );
}

// The camera as it was at ready, put back before every click: the app may pan to fit a popup in view.
const SAVE_CAMERA = {
  maplibre: `(() => { const m = window.storyMap; window.__bench.camera = { center: m.getCenter(), zoom: m.getZoom() }; })()`,
  leaflet: `(() => { const m = window.benchMap; window.__bench.camera = { center: m.getCenter(), zoom: m.getZoom() }; })()`,
} as const;
const RESTORE_CAMERA = {
  maplibre: `new Promise((resolve) => {
    const m = window.storyMap;
    m.jumpTo({ ...window.__bench.camera, bearing: 0, pitch: 0 });
    m.once('idle', () => resolve());
    m.triggerRepaint();
  })`,
  leaflet: `(() => {
    const c = window.__bench.camera;
    window.benchMap.setView(c.center, c.zoom, { animate: false });
    return window.__bench.frames(2);
  })()`,
} as const;

async function closePopups(page: Page, kind: 'maplibre' | 'leaflet'): Promise<void> {
  await page.evaluate((kind) => {
    if (kind === 'leaflet') {
      (window as unknown as { benchMap: { closePopup(): void } }).benchMap.closePopup();
      return;
    }
    for (const button of document.querySelectorAll<HTMLElement>('.maplibregl-popup-close-button')) button.click();
  }, kind);
  await page.waitForFunction((selector) => !document.querySelector(selector), POPUP_SELECTOR[kind], { polling: 'raf' });
}

/**
 * Clicks story features as a reader would (move there, let the hover draw, press and release), each time from
 * the first view's camera and with no popup open, and times the
 * `click` event (its timestamp: when the release was dispatched) to the first frame rendered after the popup
 * entered the DOM. Both maps open popups on `click`.
 */
async function clickFeatures(page: Page, kind: 'maplibre' | 'leaflet', options: VisitOptions, visit: Visit) {
  await page.evaluate(SAVE_CAMERA[kind]);
  const points = await clickablePoints(page, kind, options.targets);
  const usable = points.flatMap((p, i) => (p ? [{ ...p, id: (options.targets[i] as ClickTarget).id }] : []));
  if (usable.length === 0) {
    visit.errors.push('bench: no story feature is visible and clickable on the map');
    return;
  }
  for (let i = 0; i < options.clicks; i++) {
    const point = usable[(options.firstTarget + i) % usable.length] as { x: number; y: number; id: string };
    await closePopups(page, kind);
    await page.evaluate(RESTORE_CAMERA[kind]);
    await page.mouse.move(point.x, point.y);
    // A reader's pointer rests before the press: let the hover highlight finish drawing.
    await page.evaluate(kind === 'maplibre' ? MAPLIBRE_SETTLED : 'window.__bench.frames(3)');
    await page.evaluate(`window.__bench.armPopup(${JSON.stringify(POPUP_SELECTOR[kind])})`);
    await page.mouse.down();
    await page.mouse.up();
    const timing = (await page.evaluate(`Promise.race([
      window.__bench.pending.then((t) => ({
        clicked: window.__bench.clickedAt, ...t,
        frames: window.__bench.mapFrames.filter((f) => f.start >= window.__bench.clickedAt && f.start <= t.shown).length,
      })),
      new Promise((resolve) => setTimeout(() => resolve(null), 5000)),
    ])`)) as { clicked: number | null; inDom: number; shown: number; frames: number } | null;
    if (timing && timing.clicked !== null) {
      visit.clickFrames.push(timing.frames);
      visit.clickMs.push(timing.shown - timing.clicked);
      visit.clickToDomMs.push(timing.inDom - timing.clicked);
    } else {
      visit.clicksWithoutPopup++;
      visit.errors.push(`bench: no popup within 5 s of clicking ${point.id}`);
    }
  }
}
