/**
 * The page drawn at build time (issue #28), in one language: the app as it first draws itself (header, lede, legend,
 * the static picture), with the text list of places and the article kept in their folded sections for readers without
 * JavaScript (app.css shows them then). The build's `prerender-pages` plugin (vite.config.ts) loads this module
 * through Vite and calls it for each language. The story comes through the app's own loaders, from the files on disk
 * instead of the network, so it is checked as the app checks it and its distances are the same Turf figures the app
 * shows. Never part of the app's bundle.
 */
import renderToString from 'preact-render-to-string';
import { pageHtmlFor } from '../i18n/page-html';
import { rootFromPage } from '../i18n/pages';
import type { Lang } from '../i18n/strings';
import { createModel } from '../state/model';
import { App } from '../ui/App';
import ArticlePanel from '../ui/ArticlePanel';
import { StaticPage } from '../ui/FeatureDetails';
import { loadStory } from './load-story';
import { loadUkraine, UKRAINE_FILE } from './load-ukraine';

/** Reads a file the app would fetch, by the path the dev server serves it at (`/geo/ports.geojson`). */
export type ReadServedFile = (path: string) => Promise<string>;

/** `template` (the built index.html) as `lang`'s page with the app drawn in it; throws when a story file is broken. */
export async function prerenderPage(template: string, lang: Lang, read: ReadServedFile): Promise<string> {
  const fromDisk = (async (url: string) => new Response(await read(url))) as typeof fetch;
  const [story, ukraine] = await Promise.all([loadStory(fromDisk), loadUkraine(`/${UKRAINE_FILE}`, fromDisk)]);
  const errors = [...story.errors, ...(ukraine.error ? [ukraine.error] : [])];
  if (errors.length > 0) {
    const named = errors.map((e) => `${e.file}${e.feature ? ` › ${e.feature}` : ''}: ${e.message}`);
    throw new Error(`The page cannot be drawn at build time: ${named.join('; ')}`);
  }
  const model = createModel();
  model.lang.value = lang;
  model.setStory(story.layers, []);
  model.ukraine.value = ukraine.border;
  const root = rootFromPage(lang);
  const app = renderToString(
    <StaticPage.Provider value={true}>
      <App
        model={model}
        currentUrl={() => ''}
        staticMapUrl={(l) => `${root}static-map.${l}.svg`}
        insetUrl={(l) => `${root}inset-shuttle.${l}.svg`}
        onRetryMap={() => undefined}
        captureMap={() => undefined}
        pageLang={lang}
        prerender={{ Article: ArticlePanel }}
      />
    </StaticPage.Provider>,
  );
  return pageHtmlFor(template, lang, app);
}
