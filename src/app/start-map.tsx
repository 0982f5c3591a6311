/**
 * Starts the live map once the font is ready and wires it to the model. Lives with the UI because it
 * decides what the page shows when the map cannot start; the MapLibre calls themselves are in src/map.
 */
import { effect, untracked } from '@preact/signals';
import type { GeoJSONSource } from 'maplibre-gl';
import { render } from 'preact';
import { MAP_BASEMAP_FILES } from '../basemap/file-names';
import type { MapFrame } from '../export/export-actions';
import type { Lang } from '../i18n/strings';
import { t } from '../i18n/strings';
import type { Model } from '../state/model';
import type { StoryLayerData } from '../story/prepare-story';
import { STORY_LAYERS } from '../story/types';
import { firstViewPadding } from '../story/view';
import { arrowImage } from '../style/arrow-image';
import { basemapUrlsFor } from '../style/basemap-sources';
import { basemapAttributionFor, basemapStyle, withInlineBasemap } from '../style/basemap-style';
import { FONT_FAMILY, STORY_COLORS } from '../style/palette';
import { arrowImageIdFor, STORY_SOURCE, storyData, withStory } from '../style/story-layers';
import { withMoving } from '../style/time-layers';
import { FeatureDetails } from '../ui/FeatureDetails';
import { NARROW_SCREEN, SHEET_SCREEN } from '../ui/media';
import type { BasemapPrefetch } from './prefetch-basemap';
import { retryableImport } from './retry-import';

export interface StartMapOptions {
  model: Model;
  container: HTMLElement;
  base: string;
  /** Settles once the story files have answered (or failed); the map starts without waiting for it. */
  story: Promise<void>;
  /** Whether the page's link carried a valid camera (its parsed `map=`). A feature linked without one is framed. */
  linkHasCamera: boolean;
  /** The first view's basemap files the page has already fetched (they go into the style inline). */
  basemapPrefetch: BasemapPrefetch;
  onlineStyleUrl: string | undefined;
  locale: Record<Lang, Record<string, string>>;
  bounds: [[number, number], [number, number]];
  /** Receives the live map's frame reader once the map is made (the Download menu reads the map through it). */
  onCapture: (capture: () => MapFrame) => void;
}

const FONT_TIMEOUT_MS = 2000;
/** How long a lost WebGL context may take to come back before the page falls back to the static picture. */
const CONTEXT_RESTORE_MS = 3000;
/** How long an online style may take to load before the bundled basemap stands in for it. */
export const ONLINE_STYLE_TIMEOUT_MS = 8000;

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

/** The map's credits in `lang`: the story's sources, and the bundled basemap's when it is the one shown. */
function creditsFor(lang: Lang, bundledBasemap: boolean): string[] {
  return [t(lang, 'map.credits.story'), ...(bundledBasemap ? [basemapAttributionFor(lang)] : [])];
}

/** The map's code, which the map's Retry asks for again. */
const importRuntime = retryableImport(() => import('../map/runtime'));

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

export async function startMap(options: StartMapOptions): Promise<void> {
  const { model, container, base, story, linkHasCamera } = options;
  // The font and the map code download side by side; the map starts when both are here.
  let runtime: typeof import('../map/runtime');
  try {
    model.mapStatus.value = 'loading';
    [runtime] = await Promise.all([importRuntime(), fontsReady()]);
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
  // The map starts with whatever of the story has arrived (usually all of it: its files are small, the map code is
  // not); the rest is sent to the map when it comes. `styledLayers` is what the style was made with.
  let styledLayers: readonly StoryLayerData[] = model.layerData.peek();
  const bundledStyle = () => {
    const now = model.lang.peek();
    styledLayers = model.layerData.peek();
    return withMoving(
      withStory(
        withInlineBasemap(basemapStyle(now, urls), options.basemapPrefetch()),
        styledLayers,
        now,
        model.visibleLayers.peek(),
      ),
      now,
    );
  };
  const result = createMap({
    container,
    style: options.onlineStyleUrl || bundledStyle(),
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
  options.onCapture(result.capture);
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
    dispose?.();
    const disposeStory = bindStory({
      map,
      model,
      reducedMotion,
      linkHasCamera,
      asSheet: () => matchMedia(SHEET_SCREEN).matches,
      renderPopup: (element, hit) => {
        // Untracked: the selection's effect that asks for the popup must not depend on what its text reads (the
        // language, the index, Ukraine's outline), or a language switch would re-create the popup, move the camera
        // and take the focus. `effectOnPopupInputs` redraws the text in place instead.
        const draw = () =>
          untracked(() =>
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
            ),
          );
        draw();
        const stop = effectOnPopupInputs(model, draw);
        return () => {
          stop();
          render(null, element);
        };
      },
      // Ready once the story has answered and the map has drawn it (or drawn without it, if it failed).
      onReady: () => {
        void story.then(() => {
          const ready = () => {
            // The link gets the camera the map opened with (the map only reports its camera when it moves).
            if (!model.camera.peek()) {
              const { lng, lat } = map.getCenter();
              model.camera.value = { zoom: map.getZoom(), lat, lng, bearing: map.getBearing(), pitch: map.getPitch() };
            }
            performance.mark('story-map:ready');
            container.dataset.mapReady = 'true';
            model.mapStatus.value = 'ready';
          };
          if (map.loaded()) ready();
          else map.once('idle', ready);
        });
      },
    });
    // The story that arrived after the style was made (the online style has it added from the model just now).
    if (
      model.layerData.peek() !== styledLayers &&
      map.getSource(STORY_SOURCE) &&
      map.getStyle().sources[STORY_SOURCE]
    ) {
      (map.getSource(STORY_SOURCE) as GeoJSONSource).setData(storyData(model.layerData.peek()));
    }
    styledLayers = model.layerData.peek();
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
    typeof sourceId === 'string' && (MAP_BASEMAP_FILES as readonly string[]).includes(sourceId)
      ? `basemap/${sourceId}.geojson`
      : undefined;
  const fallBack = () => {
    fellBack = true;
    result.setAttribution(creditsFor(model.lang.peek(), true));
    model.notify(t(model.lang.peek(), 'map.onlineFailed'));
    map.setStyle(bundledStyle());
  };
  // An online style that never answers counts as one that failed.
  if (options.onlineStyleUrl) {
    const timer = setTimeout(() => {
      if (!styleEverLoaded && !fellBack) fallBack();
    }, ONLINE_STYLE_TIMEOUT_MS);
    map.once('style.load', () => clearTimeout(timer));
  }
  map.on('error', (event) => {
    if (options.onlineStyleUrl && !fellBack && !styleEverLoaded) {
      fallBack();
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
    for (const file of failed) {
      const id = file.replace(/^basemap\/|\.geojson$/g, '');
      (map.getSource(id) as GeoJSONSource | undefined)?.setData(`${base}${file}?retry=${attempt}`);
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
