/**
 * The page: header (title, language, share), the side panel (the lede and the way into the story, the guided step,
 * layers and legend, the text list, the article) and the map area (a static picture until the live map is ready, or
 * instead of it without WebGL) with the time control under it. On phones the page scrolls: the map takes a fixed
 * share of the screen, the bar under it leads to the story, the timeline, the layers and the places, and while a
 * step or a feature is open the map stays pinned at the top with the text under it (app.css).
 */
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { loadPart } from '../app/load-part';
import { retryableImport } from '../app/retry-import';
import type { CaptureMap } from '../export/export-actions';
import { formatCount } from '../i18n/format';
import { pageFromPage } from '../i18n/pages';
import { type Lang, t, tf } from '../i18n/strings';
import type { Model } from '../state/model';
import { SHUTTLE_INSET, SHUTTLE_LEGIBLE_ZOOM } from '../story/view';
import { Collapsible } from './Collapsible';
import { EmbedButton, EmbedHeader } from './EmbedButton';
import { ExportMenu, PrintSheet } from './ExportMenu';
import { FeatureList } from './FeatureList';
import { LayerPanel } from './LayerPanel';
import { MapDescription } from './MapDescription';
import { NARROW_SCREEN } from './media';
import { DataErrors, MapNotices, RetryAlert } from './Notices';
import { ShareButton } from './ShareButton';
import { SourcesButton, SourcesPanelButton } from './SourcesButton';

// The lazily loaded parts, which their Retry asks for again (retry-import.ts).
const importTimeBar = retryableImport(() => import('./TimeBar'));
const importArticle = retryableImport(() => import('./ArticlePanel'));

export interface AppProps {
  model: Model;
  /** The link to the current view (pending URL changes written first). */
  currentUrl: () => string;
  staticMapUrl: (lang: Lang) => string;
  /** The locator inset of the Rajin–Dunai shuttle (an SVG drawn at build time). */
  insetUrl?: (lang: Lang) => string;
  /** Starts the map again after its code failed to load. */
  onRetryMap: () => void;
  /** Reads the live map's current frame, for the Download menu's image and the printed page. */
  captureMap: CaptureMap;
  /** Shown inside another site (`embed=1`): a compact header instead of the full one. */
  embedMode?: boolean;
  /** The language the page was drawn in at build time (its HTML's); the other language's page is linked. */
  pageLang?: Lang;
  /**
   * Set when the page is drawn at build time (src/app/prerender.tsx): the folded sections keep their content for
   * readers without JavaScript, and the article is there from the start.
   */
  prerender?: { Article: ArticleComponent };
}

export type ArticleComponent = ComponentType<{ model: Model }>;

export function App({
  model,
  currentUrl,
  staticMapUrl,
  insetUrl,
  onRetryMap,
  captureMap,
  embedMode = false,
  pageLang = 'uk',
  prerender,
}: AppProps) {
  const lang = model.lang.value;
  const status = model.mapStatus.value;
  const noMap = status === 'no-webgl' || status === 'context-lost' || status === 'code-failed';
  const keepContent = prerender !== undefined;
  const [Article, setArticle] = useState<ArticleComponent | undefined>(() => prerender?.Article);
  const [articleFailed, setArticleFailed] = useState(false);
  const articleOpen = model.articleOpen.value;
  // The time control and the guided story arrive with the timeline, after the first view.
  const hasTimeline = model.time.timeline.value !== undefined;
  const [Time, setTime] = useState<typeof import('./TimeBar') | undefined>(undefined);
  // A failed time control is named in the data-error message; its Retry (a new count) asks for it again.
  const retries = model.dataRetries.value;
  useEffect(() => {
    if (hasTimeline && !Time) {
      void loadPart(model, 'TimeBar.js', importTimeBar).then((loaded) => loaded && setTime(loaded));
    }
  }, [hasTimeline, Time, model, retries]);
  // The static picture follows the language only while it is shown: hidden behind the live map it keeps the one
  // it has, so a language switch does not download the other picture for nothing.
  const pictureLang = useRef(lang);
  if (status !== 'ready') pictureLang.current = lang;

  useEffect(() => {
    if (articleOpen && !Article && !articleFailed) {
      importArticle()
        .then((m) => setArticle(() => m.default))
        .catch((error: unknown) => {
          console.warn('Article not loaded:', error);
          setArticleFailed(true);
        });
    }
  }, [articleOpen, Article, articleFailed]);

  const step = model.time.step.value;
  const pinned = step !== undefined || model.selected.value !== undefined;
  // A new step scrolls its text into view from its first line: in the side panel, or on a phone up under the pinned
  // map (the panel moves focus to itself without scrolling).
  useEffect(() => {
    if (step === undefined) return;
    requestAnimationFrame(() => {
      const panel = document.querySelector<HTMLElement>('.story-panel');
      const side = panel?.closest<HTMLElement>('.sidebar');
      if (!panel || !side) return;
      // Beside the map only the side panel scrolls (scrollIntoView would scroll the page under the header too).
      if (matchMedia(NARROW_SCREEN).matches) panel.scrollIntoView({ block: 'start' });
      else side.scrollTop += panel.getBoundingClientRect().top - side.getBoundingClientRect().top - 8;
    });
  }, [step]);

  return (
    <div
      class={`app${noMap ? ' app-no-map' : ''}${embedMode ? ' app-embed' : ''}${pinned ? ' app-map-pinned' : ''}${step !== undefined ? ' app-in-story' : ''}`}
    >
      <button
        type="button"
        class="skip-link"
        onClick={() => {
          // A button, not an in-page link: the URL hash holds the map's state.
          model.listOpen.value = true;
          requestAnimationFrame(() => document.getElementById('feature-list')?.focus());
        }}
      >
        {t(lang, 'app.skip')}
      </button>
      {embedMode && <EmbedHeader lang={lang} currentUrl={currentUrl} />}
      <header class="topbar topbar-full" hidden={embedMode}>
        <div class="titles">
          <h1>{t(lang, 'app.title')}</h1>
          <p class="subtitle">{t(lang, 'app.subtitle')}</p>
        </div>
        <div class="topbar-actions">
          {/* Without JavaScript the language switch is this link to the other language's page (app.css). */}
          <a
            class="lang-link action-button"
            href={pageFromPage(pageLang, pageLang === 'uk' ? 'en' : 'uk')}
            lang={pageLang === 'uk' ? 'en' : 'uk'}
          >
            {t(pageLang, 'lang.switch')}
          </a>
          <button
            type="button"
            class="lang-switch"
            lang={lang === 'uk' ? 'en' : 'uk'}
            title={t(lang, 'lang.switchLabel')}
            onClick={() => {
              model.lang.value = lang === 'uk' ? 'en' : 'uk';
            }}
          >
            {t(lang, 'lang.switch')}
          </button>
          <ShareButton lang={lang} currentUrl={currentUrl} />
          <EmbedButton lang={lang} currentUrl={currentUrl} />
          <ExportMenu model={model} currentUrl={currentUrl} captureMap={captureMap} />
          <SourcesButton model={model} />
        </div>
      </header>
      <div class="layout">
        <aside class="sidebar" aria-label={t(lang, 'sidebar.label')}>
          <p class="lede">{t(lang, 'page.lede')}</p>
          <p class="no-script-note">{t(lang, 'page.noScript')}</p>
          <StoryBar model={model} noMap={noMap} />
          {Time && <Time.StoryPanel model={model} />}
          <SourcesPanelButton model={model} />
          <Collapsible
            name="layers"
            class="panel-layers"
            title={t(lang, 'layers.title')}
            open={model.layersOpen}
            keepContent={keepContent}
          >
            <LayerPanel model={model} />
          </Collapsible>
          <DataErrors model={model} />
          <Collapsible
            name="list"
            sectionId="feature-list"
            title={t(lang, 'list.title')}
            open={model.listOpen}
            forceOpen={noMap}
            keepContent={keepContent}
          >
            <FeatureList model={model} onShowInArticle={model.showInArticle} />
          </Collapsible>
          <Collapsible
            name="article"
            sectionId="article-panel"
            title={`${t(lang, 'article.title')}: ${t(lang, 'article.credit')}`}
            open={model.articleOpen}
            keepContent={keepContent}
          >
            {Article ? (
              <Article model={model} />
            ) : articleFailed ? (
              <RetryAlert message={t(lang, 'article.failed')} lang={lang} onRetry={() => setArticleFailed(false)} />
            ) : (
              <p>{t(lang, 'article.loading')}</p>
            )}
          </Collapsible>
        </aside>
        <main class="map-column">
          <div class="map-area">
            <img
              class={`static-map${status === 'ready' ? ' static-map-hidden' : ''}`}
              src={staticMapUrl(pictureLang.current)}
              alt={t(lang, 'map.staticAlt')}
              width="1200"
              height="800"
            />
            <div id="map" class="map" data-map-state={status} />
            {insetUrl && <ShuttleInset model={model} src={insetUrl(lang)} />}
            <MapNotices model={model} onRetryMap={onRetryMap} />
            <MapDescription model={model} />
          </div>
          {/* The bar has a fixed height from the start, so the map does not change size when the time control arrives,
              while it plays, or between steps. */}
          {!noMap && (
            <div class="time-bar" id="time-bar" tabIndex={-1}>
              {Time && <Time.TimeBar model={model} />}
            </div>
          )}
        </main>
      </div>
      <PrintSheet model={model} currentUrl={currentUrl} captureMap={captureMap} />
    </div>
  );
}

/**
 * The way into the guided story ("Walk through the story (7 steps)"), and on phones the bar under the map that leads to
 * the timeline, the layers and the places further down the page.
 */
function StoryBar({ model, noMap }: { model: Model; noMap: boolean }) {
  const lang = model.lang.value;
  const count = model.time.steps.value.length;
  const jump = (id: string, open?: { value: boolean }) => {
    if (open) open.value = true;
    requestAnimationFrame(() => {
      const target = document.getElementById(id);
      target?.scrollIntoView({ block: 'start' });
      target?.focus({ preventScroll: true });
    });
  };
  return (
    <nav class="story-bar" aria-label={t(lang, 'page.bar')}>
      {!noMap && (
        <button type="button" class="story-cta" disabled={count === 0} onClick={() => model.openStep(0)}>
          {count > 0 ? tf(lang, 'page.walk', { count: formatCount(lang, count, 'steps') }) : t(lang, 'page.walkPlain')}
        </button>
      )}
      {!noMap && (
        <button type="button" class="story-bar-link" onClick={() => jump('time-bar')}>
          {t(lang, 'page.timeline')}
        </button>
      )}
      <button type="button" class="story-bar-link" onClick={() => jump('layers-heading', model.layersOpen)}>
        {t(lang, 'page.layers')}
      </button>
      <button type="button" class="story-bar-link" onClick={() => jump('feature-list', model.listOpen)}>
        {t(lang, 'page.places')}
      </button>
    </nav>
  );
}

/**
 * The locator inset for the Rajin–Dunai shuttle, in the first view's empty lower right: the shuttle is a few pixels
 * long on the overview. Pressing it frames the shuttle on the map (with its details); it hides once the shuttle is
 * legible there, during a step (which frames what it tells), and while a feature is open.
 */
function ShuttleInset({ model, src }: { model: Model; src: string }) {
  const lang = model.lang.value;
  const camera = model.camera.value;
  if (model.mapStatus.value !== 'ready') return null;
  if (camera && camera.zoom >= SHUTTLE_LEGIBLE_ZOOM) return null;
  if (model.time.step.value !== undefined || model.selected.value !== undefined) return null;
  if (!model.index.value.has(SHUTTLE_INSET.shuttle)) return null;
  return (
    <button
      type="button"
      class="shuttle-inset"
      aria-label={`${t(lang, 'inset.caption')}. ${t(lang, 'inset.label')}`}
      onClick={() => {
        if (!model.visibleLayers.peek().includes('vessel-routes')) {
          model.setVisibleLayers([...model.visibleLayers.peek(), 'vessel-routes']);
        }
        model.select(SHUTTLE_INSET.shuttle, 'list');
      }}
    >
      <img src={src} alt="" width="220" height="140" />
      <span class="shuttle-inset-caption">{t(lang, 'inset.caption')}</span>
    </button>
  );
}
