/**
 * Start-up: take over the page drawn at build time (src/app/prerender.tsx), apply the link, then load the map and the
 * story data. The page works (list, article, static picture) even when the map cannot start.
 */
import './ui/app.css';
import { effect } from '@preact/signals';
import { hydrate, render } from 'preact';
import { bindData } from './app/bind-data';
import { bindEscape } from './app/bind-escape';
import { applyUrlState, bindUrl } from './app/bind-url';
import { isEmbedMode } from './app/embed';
import { loadStory } from './app/load-story';
import { loadUkraine } from './app/load-ukraine';
import { registerOfflineWhenReady } from './app/offline';
import { bindPauseWhenHidden } from './app/pause-when-hidden';
import { type BasemapPrefetch, prefetchBasemap } from './app/prefetch-basemap';
import { retryableImport } from './app/retry-import';
import { startMap } from './app/start-map';
import type { MapFrame } from './export/export-actions';
import { MAP_LOCALE } from './i18n/map-locale';
import { rootFromPage } from './i18n/pages';
import { DEFAULT_LANG, parseLang, t } from './i18n/strings';
import { createModel } from './state/model';
import { parseUrlState } from './state/url-state';
import { FIRST_VIEW_BOUNDS } from './story/view';
import { basemapUrlsFor, firstViewUrlsFor } from './style/basemap-sources';
import { App } from './ui/App';
import { preloadClaims } from './ui/FeatureClaims';
import { NARROW_SCREEN } from './ui/media';

// The page's own language, as the build drew it (index.html: Ukrainian; en/index.html: English); read before the
// language of the link is applied.
const pageLang = parseLang(document.documentElement.lang) ?? DEFAULT_LANG;
const model = createModel();
model.lang.value = pageLang;
const linked = parseUrlState(window.location.hash);
// The browser tests drive the model directly (the soak test); only their build has this hook (see start-map.tsx).
if (import.meta.env.VITE_TEST_HOOKS === '1') (window as unknown as { storyModel: typeof model }).storyModel = model;

effect(() => {
  document.documentElement.lang = model.lang.value;
  document.title = t(model.lang.value, 'app.title');
  // The page's own description follows the language too (link previews read the HTML's, which is Ukrainian).
  document.querySelector('meta[name="description"]')?.setAttribute('content', t(model.lang.value, 'meta.description'));
});

bindEscape(model);
bindPauseWhenHidden(model.time);
// A lazy chunk (or a file it needs) that fails to load is reported here first. Not preventing the default lets Vite
// reject the import, so the code that asked for it shows its message with a Retry button (preventing it would
// resolve the import to undefined).
window.addEventListener('vite:preloadError', (event) => {
  console.warn('A lazily loaded file failed:', (event as Event & { payload?: unknown }).payload);
});
const embedMode = isEmbedMode(window.location.search);
// The Download menu reads the live map through this, once the map is made (see startMap's onCapture).
let captureLiveMap: (() => MapFrame) | undefined;

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
// The build's base is relative ('./'); data URLs are made absolute against the site's root (the English page is one
// folder down), because MapLibre fetches GeoJSON in its worker, where a relative URL would resolve against the worker
// script instead.
const base = new URL(rootFromPage(pageLang), new URL(import.meta.env.BASE_URL, document.baseURI)).href;
// The world view's basemap files start downloading now, beside the map code (see src/app/prefetch-basemap.ts); not
// when an online basemap is configured, which the bundled one only stands in for if it fails.
const basemapPrefetch: BasemapPrefetch = import.meta.env.VITE_BASEMAP_STYLE_URL
  ? () => ({})
  : prefetchBasemap(firstViewUrlsFor(basemapUrlsFor(base)), fetch);
const url = bindUrl(model, window, pageLang);
const app = (embed: boolean) => (
  <App
    model={model}
    currentUrl={() => {
      url.flush();
      return window.location.href;
    }}
    staticMapUrl={(lang) => `${base}static-map.${lang}.svg`}
    insetUrl={(lang) => `${base}inset-shuttle.${lang}.svg`}
    onRetryMap={() => void start()}
    captureMap={() => captureLiveMap?.()}
    embedMode={embed}
    pageLang={pageLang}
  />
);
// The app takes over the prerendered DOM as it is: its first render is the build's (the page's language, no link
// applied yet), so nothing is drawn again. What the link, the embed or a phone's screen change is then applied as any
// later change, before the next frame.
hydrate(app(false), root);
if (embedMode) render(app(true), root);
applyUrlState(model, linked, pageLang);
// The legend starts open wherever there is room beside the map, in an embed too (#31: the map first, with its
// legend in view); the other panels start folded.
model.layersOpen.value = !window.matchMedia(NARROW_SCREEN).matches;

// The story's time and Ukraine's outline come after the first view (map ready, or no map at all), so they cost the
// first view nothing; the time names features, so it is checked against the story, which is loaded by then.
const firstViewDone = new Promise<void>((resolve) => {
  effect(() => {
    if (model.mapStatus.value !== 'loading') resolve();
  });
});
// A popup's claims block too, so that a popup opened later has it from its first frame (see FeatureClaims.tsx).
void firstViewDone.then(preloadClaims);
// The timeline's code, which the data-error message's Retry asks for again (retry-import.ts).
const importTimeline = retryableImport(() => import('./app/load-timeline'));
const { story } = bindData(
  model,
  linked,
  {
    story: (options) => loadStory(fetch, options),
    timelineCode: () => importTimeline().then((m) => (ids, options) => m.loadTimeline(ids, fetch, options)),
    ukraine: (options) => loadUkraine(`${base}basemap/ukraine.geojson`, fetch, options),
  },
  firstViewDone,
);
void story.then(() => {
  performance.mark('story-map:data-loaded');
  for (const e of model.dataErrors.peek())
    console.warn(`Story data: ${e.file}${e.feature ? ` › ${e.feature}` : ''}: ${e.message}`);
});

function start() {
  return startMap({
    model,
    container: document.getElementById('map') as HTMLElement,
    base,
    story,
    linkHasCamera: linked.camera !== undefined,
    basemapPrefetch,
    onlineStyleUrl: import.meta.env.VITE_BASEMAP_STYLE_URL,
    locale: MAP_LOCALE,
    bounds: FIRST_VIEW_BOUNDS,
    onCapture: (capture) => {
      captureLiveMap = capture;
    },
  });
}
void start();

registerOfflineWhenReady(model, base);
