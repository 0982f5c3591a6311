/**
 * The page: header (title, language, share), the side panel (layers and legend, the text list, the
 * article) and the map area (a static picture until the live map is ready, or instead of it without WebGL).
 */
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type Lang, t } from '../i18n/strings';
import type { Model } from '../state/model';
import { Collapsible } from './Collapsible';
import { EmbedButton, EmbedHeader } from './EmbedButton';
import { ExportMenu, PrintSheet } from './ExportMenu';
import { FeatureList } from './FeatureList';
import { LayerPanel } from './LayerPanel';
import { MapDescription } from './MapDescription';
import { ShareButton } from './ShareButton';
import { SourcesButton, SourcesPanelButton } from './SourcesButton';

export interface AppProps {
  model: Model;
  /** The link to the current view (pending URL changes written first). */
  currentUrl: () => string;
  staticMapUrl: (lang: Lang) => string;
  /** Starts the map again after its code failed to load. */
  onRetryMap: () => void;
  /** Shown inside another site (`embed=1`): a compact header instead of the full one. */
  embedded?: boolean;
}

type ArticleComponent = ComponentType<{ model: Model }>;

export function App({ model, currentUrl, staticMapUrl, onRetryMap, embedded = false }: AppProps) {
  const lang = model.lang.value;
  const status = model.mapStatus.value;
  const noMap = status === 'no-webgl' || status === 'context-lost' || status === 'code-failed';
  const [Article, setArticle] = useState<ArticleComponent | undefined>(undefined);
  const [articleFailed, setArticleFailed] = useState(false);
  const articleOpen = model.articleOpen.value;
  // The time control and the guided story arrive with the timeline, after the first view.
  const hasTimeline = model.time.timeline.value !== undefined;
  const [Time, setTime] = useState<typeof import('./TimeBar') | undefined>(undefined);
  useEffect(() => {
    if (hasTimeline && !Time) {
      import('./TimeBar').then(setTime, (error: unknown) => console.warn('Time control not loaded:', error));
    }
  }, [hasTimeline, Time]);
  // The static picture follows the language only while it is shown: hidden behind the live map it keeps the one
  // it has, so a language switch does not download the other picture for nothing.
  const pictureLang = useRef(lang);
  if (status !== 'ready') pictureLang.current = lang;

  useEffect(() => {
    if (articleOpen && !Article && !articleFailed) {
      import('./ArticlePanel')
        .then((m) => setArticle(() => m.default))
        .catch((error: unknown) => {
          console.warn('Article not loaded:', error);
          setArticleFailed(true);
        });
    }
  }, [articleOpen, Article, articleFailed]);

  return (
    <div class={`app${noMap ? ' app-no-map' : ''}${embedded ? ' app-embed' : ''}`}>
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
      {embedded && <EmbedHeader lang={lang} currentUrl={currentUrl} />}
      <header class="topbar topbar-full" hidden={embedded}>
        <div class="titles">
          <h1>{t(lang, 'app.title')}</h1>
          <p class="subtitle">{t(lang, 'app.subtitle')}</p>
        </div>
        <div class="topbar-actions">
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
          <ExportMenu model={model} currentUrl={currentUrl} />
          <SourcesButton model={model} />
        </div>
      </header>
      <div class="layout">
        <aside class="sidebar" aria-label={t(lang, 'sidebar.label')}>
          <SourcesPanelButton model={model} />
          <Collapsible name="layers" class="panel-layers" title={t(lang, 'layers.title')} open={model.layersOpen}>
            <LayerPanel model={model} />
          </Collapsible>
          <DataErrors model={model} />
          <Collapsible
            name="list"
            sectionId="feature-list"
            title={t(lang, 'list.title')}
            open={model.listOpen}
            forceOpen={noMap}
          >
            <FeatureList model={model} onShowInArticle={model.showInArticle} />
          </Collapsible>
          <Collapsible
            name="article"
            sectionId="article-panel"
            title={`${t(lang, 'article.title')}: ${t(lang, 'article.credit')}`}
            open={model.articleOpen}
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
            {Time && <Time.StoryPanel model={model} />}
            <MapNotices model={model} onRetryMap={onRetryMap} />
            <MapDescription model={model} />
          </div>
          {/* The bar keeps its room from the start, so the map does not shift when the time control arrives. */}
          {!noMap && <div class="time-bar">{Time && <Time.TimeBar model={model} />}</div>}
        </main>
      </div>
      <PrintSheet model={model} currentUrl={currentUrl} />
    </div>
  );
}

/** A failure message with a Retry button, announced at once. */
function RetryAlert({ message, lang, onRetry }: { message: string; lang: Lang; onRetry: () => void }) {
  return (
    <div class="notice notice-error" role="alert">
      <p>{message}</p>
      <button type="button" onClick={onRetry}>
        {t(lang, 'action.retry')}
      </button>
    </div>
  );
}

function MapNotices({ model, onRetryMap }: { model: Model; onRetryMap: () => void }) {
  const lang = model.lang.value;
  const status = model.mapStatus.value;
  const messages = [
    ...(status === 'no-webgl' ? [t(lang, 'map.noWebgl')] : []),
    ...(status === 'context-lost' ? [t(lang, 'map.contextLost')] : []),
    ...model.notices.value,
  ];
  return (
    <div class="notices" role="status" aria-live="polite">
      {status === 'loading' && <p class="notice notice-loading">{t(lang, 'map.loading')}</p>}
      {status === 'code-failed' && <RetryAlert message={t(lang, 'map.codeFailed')} lang={lang} onRetry={onRetryMap} />}
      {messages.map((m) => (
        <p class="notice notice-warning" key={m}>
          {m}
        </p>
      ))}
    </div>
  );
}

function DataErrors({ model }: { model: Model }) {
  const errors = [
    ...model.dataErrors.value,
    ...model.basemapErrors.value.map((file) => ({ file, feature: undefined, message: 'could not be loaded' })),
  ];
  if (errors.length === 0) return null;
  const lang = model.lang.value;
  return (
    <div class="data-errors" role="alert">
      <p>{t(lang, 'data.error')}</p>
      <ul>
        {errors.map((e) => (
          <li key={`${e.file}-${e.feature ?? ''}-${e.message}`}>
            <code>{e.file}</code>
            {e.feature ? (
              <>
                {' '}
                › <code>{e.feature}</code>
              </>
            ) : null}
            : {e.message}
          </li>
        ))}
      </ul>
      <button type="button" onClick={model.retryData}>
        {t(lang, 'action.retry')}
      </button>
    </div>
  );
}
