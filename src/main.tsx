/**
 * Start-up: read the link, draw the page, load the font, then the map and the story data.
 * The page works (list, article, static picture) even when the map cannot start.
 */
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/cyrillic-400.css';
import './ui/app.css';
import { effect } from '@preact/signals';
import { render } from 'preact';
import { bindEscape } from './app/bind-escape';
import { applyUrlState, bindUrl } from './app/bind-url';
import { loadStory } from './app/load-story';
import { loadTimeline } from './app/load-timeline';
import { loadUkraine, startMap } from './app/start-map';
import { MAP_LOCALE } from './i18n/map-locale';
import { t } from './i18n/strings';
import { createModel } from './state/model';
import { parseUrlState } from './state/url-state';
import { STORY_BOUNDS } from './story/view';
import { App } from './ui/App';
import { NARROW_SCREEN } from './ui/media';

const model = createModel();
applyUrlState(model, parseUrlState(window.location.hash));
const url = bindUrl(model);

effect(() => {
  document.documentElement.lang = model.lang.value;
  document.title = t(model.lang.value, 'app.title');
});

bindEscape(model);
// A lazy chunk (or a file it needs) that fails to load is reported here first. Not preventing the default lets Vite
// reject the import, so the code that asked for it shows its message with a Retry button (preventing it would
// resolve the import to undefined).
window.addEventListener('vite:preloadError', (event) => {
  console.warn('A lazily loaded file failed:', (event as Event & { payload?: unknown }).payload);
});
model.layersOpen.value = !window.matchMedia(NARROW_SCREEN).matches;

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
const base = import.meta.env.BASE_URL;
render(
  <App
    model={model}
    currentUrl={() => {
      url.flush();
      return window.location.href;
    }}
    staticMapUrl={(lang) => `${base}static-map.${lang}.svg`}
    onRetryMap={() => void start()}
  />,
  root,
);

const story = loadStory().then(({ layers, errors }) => {
  model.setStory(layers, errors);
  performance.mark('story-map:data-loaded');
  for (const e of errors) console.warn(`Story data: ${e.file}${e.feature ? ` › ${e.feature}` : ''}: ${e.message}`);
  // The timeline names features, so it is checked against the story once that is loaded.
  void loadTimeline(new Set(model.index.peek().keys())).then(({ timeline, steps, errors: timeErrors }) => {
    model.time.timeline.value = timeline;
    model.time.steps.value = steps;
    if (timeErrors.length > 0) model.dataErrors.value = [...model.dataErrors.value, ...timeErrors];
  });
});

function start() {
  return startMap({
    model,
    container: document.getElementById('map') as HTMLElement,
    base,
    story,
    onlineStyleUrl: import.meta.env.VITE_BASEMAP_STYLE_URL,
    locale: MAP_LOCALE,
    bounds: STORY_BOUNDS,
  });
}
void start();

// Ukraine's outline (for the depot's distance to the border) waits until the first view is done: the map is
// drawn, or there is no map, in which case the text list still needs it.
let ukraineRequested = false;
effect(() => {
  if (model.mapStatus.value === 'loading' || ukraineRequested) return;
  ukraineRequested = true;
  void loadUkraine(model, base);
});
