/**
 * Starts the live map once the font is ready and wires it to the model. Lives with the UI because it
 * decides what the page shows when the map cannot start; the MapLibre calls themselves are in src/map.
 */
import { effect } from '@preact/signals';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { render } from 'preact';
import type { Lang } from '../i18n/strings';
import { t } from '../i18n/strings';
import type { Model } from '../state/model';
import { STORY_LAYERS } from '../story/types';
import { firstViewPadding } from '../story/view';
import { arrowImage } from '../style/arrow-image';
import {
  type BasemapUrls,
  basemapAttributionFor,
  basemapStyle,
  basemapUrlsFor,
  withInlineBasemap,
} from '../style/basemap-style';
import { FONT_FAMILY, STORY_COLORS } from '../style/palette';
import { arrowImageIdFor, withStory } from '../style/story-layers';
import { withMoving } from '../style/time-layers';
import { FeatureDetails } from '../ui/FeatureDetails';
import { NARROW_SCREEN, SHEET_SCREEN } from '../ui/media';
import type { BasemapPrefetch } from './prefetch-basemap';

export interface StartMapOptions {
  model: Model;
  container: HTMLElement;
  base: string;
  story: Promise<void>;
  /** The first view's basemap files the page has already fetched (they go into the style inline). */
  basemapPrefetch: BasemapPrefetch;
  onlineStyleUrl: string | undefined;
  locale: Record<Lang, Record<string, string>>;
  bounds: [[number, number], [number, number]];
}

const FONT_TIMEOUT_MS = 2000;
/** How long a lost WebGL context may take to come back before the page falls back to the static picture. */
const CONTEXT_RESTORE_MS = 3000;

/** Waits for the shipped font's Latin and Cyrillic faces, so labels are not drawn with a fallback font. */
async function fontsReady(): Promise<void> {
  if (!('fonts' in document)) return;
  const load = Promise.all([
    document.fonts.load(`400 16px "${FONT_FAMILY}"`, 'Aa'),
    document.fonts.load(`400 16px "${FONT_FAMILY}"`, 'Аа Її'),
  ]).then(() => undefined);
  await Promise.race([load, new Promise<void>((resolve) => setTimeout(resolve, FONT_TIMEOUT_MS))]).catch(
    () => undefined,
  );
}

/** Fetches Ukraine's territory from the basemap into the model (for the depot's distance to the border). */
export async function loadUkraine(model: Model, base: string): Promise<void> {
  try {
    const response = await fetch(`${base}basemap/ukraine.geojson`);
    if (!response.ok) return;
    const value = (await response.json()) as { type?: string; features?: unknown[] };
    const feature = (value.type === 'FeatureCollection' ? value.features?.[0] : value) as Feature | undefined;
    const type = feature?.geometry?.type;
    if (type === 'Polygon' || type === 'MultiPolygon') {
      const { borderOf } = await import('../story/border-distance');
      model.ukraine.value = borderOf(feature as Feature<Polygon | MultiPolygon>);
    }
  } catch {
    // The depot's popup keeps saying "computing…" and still shows the reported figures.
  }
}

/** The map's credits in `lang`: the story's sources, and the embedded basemap's when it is the one shown. */
function creditsFor(lang: Lang, embeddedBasemap: boolean): string[] {
  return [t(lang, 'map.credits.story'), ...(embeddedBasemap ? [basemapAttributionFor(lang)] : [])];
}

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

export async function startMap(options: StartMapOptions): Promise<void> {
  const { model, container, base, story } = options;
  // Read before the map starts: MapLibre writes its own `map=` into the hash as soon as it has a camera.
  const linkHasCamera = /(?:^#|&)map=/.test(window.location.hash);
  // The font and the map code download side by side; the map starts when both are here.
  let runtime: typeof import('../map/runtime');
  try {
    model.mapStatus.value = 'loading';
    [runtime] = await Promise.all([import('../map/runtime'), fontsReady()]);
  } catch (error) {
    // A chunk that does not arrive (offline, a deploy that replaced it) must not leave "loading" forever.
    console.warn('Map code not loaded:', error);
    model.mapStatus.value = 'code-failed';
    return;
  }
  const { createMap, bindStory, bindDetail, bindCamera, bindTime } = runtime;
  performance.mark('story-map:runtime-loaded');
  const lang = model.lang.peek();
  const urls = basemapUrlsFor(base);
  // The story is usually loaded before the map code; waiting for it lets the first frame draw everything.
  await story;
  const embedded = withMoving(
    withStory(
      withInlineBasemap(basemapStyle(lang, urls), options.basemapPrefetch()),
      model.layers.peek(),
      lang,
      model.visibleLayers.peek(),
    ),
    lang,
  );
  const result = createMap({
    container,
    style: options.onlineStyleUrl || embedded,
    bounds: options.bounds,
    boundsPadding: firstViewPadding(container.getBoundingClientRect()),
    camera: model.camera.peek(),
    locale: options.locale[lang],
    attribution: creditsFor(lang, !options.onlineStyleUrl),
    // Inside another page, and on a phone, where the map is part of a page that one finger must be able to scroll
    // (#31): then the map pans with two fingers, and MapLibre says so.
    cooperative: window.self !== window.top || window.matchMedia(`${NARROW_SCREEN} and (pointer: coarse)`).matches,
    images: Object.fromEntries(STORY_LAYERS.map((l) => [arrowImageIdFor(l), arrowImage(STORY_COLORS[l])])),
    compactAttribution: window.matchMedia(NARROW_SCREEN).matches,
  });
  if (!result.ok) {
    model.mapStatus.value = 'no-webgl';
    model.listOpen.value = true;
    console.warn('Map not started: WebGL2 is not available.', result.error);
    return;
  }
  const { map } = result;
  bindCamera(map, model.camera);
  performance.mark('story-map:map-created');
  let shownLang = lang;
  effect(() => {
    const next = model.lang.value;
    if (next === shownLang) return;
    shownLang = next;
    result.setLocale(options.locale[next]);
    result.setAttribution(creditsFor(next, !options.onlineStyleUrl || fellBack));
  });
  // The browser tests and the benchmark drive the map through this hook; only their build has it
  // (VITE_TEST_HOOKS=1; in any other build the condition is the constant false and the code is dropped).
  if (import.meta.env.VITE_TEST_HOOKS === '1') (window as unknown as { storyMap: typeof map }).storyMap = map;

  let dispose: (() => void) | undefined;
  let fellBack = false;
  let disposeDetail: (() => void) | undefined;
  map.on('style.load', async () => {
    disposeDetail?.();
    disposeDetail = map.getLayer('land-low') ? bindDetail(map, urls, model.lang) : undefined;
    performance.mark('story-map:style-loaded');
    await story;
    dispose?.();
    const disposeStory = bindStory({
      map,
      model,
      reducedMotion,
      linkHasCamera,
      asSheet: () => matchMedia(SHEET_SCREEN).matches,
      renderPopup: (element, hit) => {
        const draw = () =>
          render(
            <FeatureDetails
              hit={hit}
              lang={model.lang.value}
              index={model.index.value}
              ukraine={model.ukraine.value}
              headingLevel={2}
              onShowInArticle={model.showInArticle}
            />,
            element,
          );
        draw();
        const stop = effectOnPopupInputs(model, draw);
        return () => {
          stop();
          render(null, element);
        };
      },
      onReady: () => {
        performance.mark('story-map:ready');
        container.dataset.mapReady = 'true';
        model.mapStatus.value = 'ready';
      },
    });
    const disposeTime = bindTime({ map, model, reducedMotion, overview: options.bounds });
    dispose = () => {
      disposeTime();
      disposeStory();
    };
  });
  // Only the online style itself failing before it ever loaded means "no online basemap": a tile that fails
  // later costs that tile, not the basemap (`isStyleLoaded()` is also false while any tile is loading).
  let styleEverLoaded = false;
  map.once('style.load', () => {
    styleEverLoaded = true;
  });
  const basemapFileOf = (sourceId: unknown): string | undefined =>
    typeof sourceId === 'string' && sourceId in basemapSourceUrls(urls) ? `basemap/${sourceId}.geojson` : undefined;
  map.on('error', (event) => {
    if (options.onlineStyleUrl && !fellBack && !styleEverLoaded) {
      fellBack = true;
      result.setAttribution(creditsFor(model.lang.peek(), true));
      model.notify(t(model.lang.peek(), 'map.onlineFailed'));
      map.setStyle(embedded);
      return;
    }
    const file = basemapFileOf((event as { sourceId?: unknown }).sourceId);
    if (file) {
      if (!model.basemapErrors.peek().includes(file)) model.basemapErrors.value = [...model.basemapErrors.peek(), file];
      console.warn(`Basemap: ${file} could not be loaded:`, event.error?.message ?? event);
      return;
    }
    console.warn('Map error:', event.error?.message ?? event);
  });

  // Retry on the data-error message: load each failed basemap file again (a new URL, so no cached broken copy).
  effect(() => {
    const attempt = model.dataRetries.value;
    const failed = model.basemapErrors.peek();
    if (attempt === 0 || failed.length === 0) return;
    model.basemapErrors.value = [];
    const all = basemapSourceUrls(urls);
    for (const file of failed) {
      const id = file.replace(/^basemap\/|\.geojson$/g, '');
      (map.getSource(id) as { setData(data: string): unknown } | undefined)?.setData(`${all[id]}?retry=${attempt}`);
    }
  });

  let lostTimer: ReturnType<typeof setTimeout> | undefined;
  map.on('webglcontextlost', () => {
    lostTimer = setTimeout(() => {
      model.mapStatus.value = 'context-lost';
      model.listOpen.value = true;
    }, CONTEXT_RESTORE_MS);
  });
  map.on('webglcontextrestored', () => {
    clearTimeout(lostTimer);
    if (model.mapStatus.peek() === 'context-lost') model.mapStatus.value = 'ready';
  });
}

/** Every basemap GeoJSON source id with its file's URL. */
function basemapSourceUrls(urls: BasemapUrls): Record<string, string> {
  return { 'land-low': urls.landLow, 'borders-low': urls.bordersLow, labels: urls.labels, ...urls.detail };
}

/** Re-renders an open popup when the language or the loaded Ukraine polygon changes. */
function effectOnPopupInputs(model: Model, draw: () => void): () => void {
  let first = true;
  return effect(() => {
    model.lang.value;
    model.ukraine.value;
    if (first) {
      first = false;
      return;
    }
    draw();
  });
}
