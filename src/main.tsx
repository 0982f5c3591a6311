/**
 * Start-up: read the link, draw the page, load the font, then the map and the story data.
 * The page works (list, article, static picture) even when the map cannot start.
 */
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/cyrillic-400.css';
import './ui/app.css';
import { effect } from '@preact/signals';
import { render } from 'preact';
import { isEmbedSearch } from './app/embed';
import { registerOfflineWhenReady } from './app/offline';
import { MAP_LOCALE } from './i18n/map-locale';
import { t } from './i18n/strings';
import { applyUrlState, bindUrl } from './state/bind-url';
import { createModel } from './state/model';
import { parseUrlState } from './state/url-state';
import { loadStory } from './story/load-story';
import { STORY_BOUNDS } from './story/view';
import { App } from './ui/App';
import { bindEscape } from './ui/bind-escape';
import { NARROW_SCREEN } from './ui/media';
import { startMap } from './ui/start-map';

const model = createModel();
applyUrlState(model, parseUrlState(window.location.hash));
const url = bindUrl(model);

effect(() => {
  document.documentElement.lang = model.lang.value;
  document.title = t(model.lang.value, 'app.title');
});

bindEscape(model);
const embedded = isEmbedSearch(window.location.search);
// Embedded in another page, the map gets the room: every panel starts folded.
model.layersOpen.value = !embedded && !window.matchMedia(NARROW_SCREEN).matches;

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
// The build's base is relative ('./'); data URLs are made absolute against the page, because MapLibre fetches
// GeoJSON in its worker, where a relative URL would resolve against the worker script instead.
const base = new URL(import.meta.env.BASE_URL, document.baseURI).href;
render(
  <App
    model={model}
    currentUrl={() => {
      url.flush();
      return window.location.href;
    }}
    staticMapUrl={(lang) => `${base}static-map.${lang}.svg`}
    embedded={embedded}
  />,
  root,
);

const story = loadStory().then(({ layers, errors }) => {
  model.layers.value = layers;
  model.dataErrors.value = errors;
  model.dataLoaded.value = true;
  performance.mark('story-map:data-loaded');
  for (const e of errors) console.warn(`Story data: ${e.file}${e.feature ? ` › ${e.feature}` : ''}: ${e.message}`);
});

startMap({
  model,
  container: document.getElementById('map') as HTMLElement,
  base,
  story,
  onlineStyleUrl: import.meta.env.VITE_BASEMAP_STYLE_URL,
  locale: MAP_LOCALE,
  bounds: STORY_BOUNDS,
});

registerOfflineWhenReady(model);
