import { type ComponentChildren, createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { formatFigure, formatIsoDate, formatNumber } from '../i18n/format';
import { type Lang, t, tf } from '../i18n/strings';
import type { UkraineOutline } from '../story/feature-distances';
import { keyFigureFor } from '../story/key-figure';
import type { IndexedFeature } from '../story/prepare-story';
import { type Quote, quotesFor } from '../story/quotes';
import type { ReportedFigure, Source, StoryFeature } from '../story/types';
import { Distances } from './Distances';
import { FeatureClaims } from './FeatureClaims';
import { SheetPeek } from './SheetPeek';
import { aboutOf, figureTextOf, nameOf, periodOf, placementOf, publisherOf, summaryOf, vesselsOf } from './text';

export interface FeatureDetailsProps {
  hit: IndexedFeature;
  lang: Lang;
  index: ReadonlyMap<string, IndexedFeature>;
  ukraine: UkraineOutline;
  /** "Show in article" for a quote; absent where the article is not on the page. */
  onShowInArticle?: (quote: string) => void;
  /** Heading level for the feature's name (the popup uses h2, the list h4). */
  headingLevel: 2 | 4;
}

export function FeatureDetails({ hit, lang, index, ukraine, onShowInArticle, headingLevel }: FeatureDetailsProps) {
  const p = hit.feature.properties;
  const quotes = quotesFor(p.id);
  const Heading = headingLevel === 2 ? 'h2' : 'h4';
  const Sub = headingLevel === 2 ? 'h3' : 'h5';
  const period = periodOf(p, lang);
  const vessels = vesselsOf(p, lang);
  const placement = placementOf(p, lang);
  const key = keyFigureFor(hit.feature, lang, { index, ukraine });
  const publishers = [...new Set(p.sources.map((s) => publisherOf(s, lang)))];
  const precision = precisionOf(hit.feature, lang);
  // In a popup what matters comes first and the rest is folded; the list (the text version) shows everything.
  const Fold = headingLevel === 2 ? PopupFold : ListFold;
  return (
    <article class="feature-details" lang={lang} aria-label={nameOf(p, lang)}>
      <Heading class="feature-name" tabIndex={headingLevel === 2 ? -1 : undefined}>
        {nameOf(p, lang)}
      </Heading>
      {headingLevel === 2 && <SheetPeek lang={lang} />}
      <p class="feature-summary">{summaryOf(p, lang)}</p>
      {key && (
        <p class="key-figure">
          <strong>{key.text}</strong>
          {key.what && ` ${key.what}`}
          {key.by && ` (${key.by})`}
        </p>
      )}
      {publishers.length > 0 && <p class="feature-by">{tf(lang, 'popup.by', { by: publishers.join(', ') })}</p>}
      {precision && <p class="feature-precision">{precision}</p>}
      <Fold summary={t(lang, 'popup.more')}>
        {period && (
          <p class="feature-meta">
            <strong>{t(lang, 'popup.period')}:</strong> {period}
          </p>
        )}
        {vessels.length > 0 && (
          <p class="feature-meta">
            <strong>{t(lang, 'popup.vessels')}:</strong> {vessels.join(', ')}
          </p>
        )}
        {quotes.length > 0 && (
          <div class="quotes">
            <Sub>{t(lang, 'popup.quote')}</Sub>
            {quotes.map((q) => (
              <QuoteFigure key={q.id} quote={q} lang={lang} onShowInArticle={onShowInArticle} />
            ))}
          </div>
        )}
        <Distances feature={hit.feature} lang={lang} index={index} ukraine={ukraine} Sub={Sub} />
        {p.reported && p.reported.length > 0 && <ReportedFigures figures={p.reported} lang={lang} Sub={Sub} />}
        {placement && (
          <p class="feature-meta placement">
            <strong>{t(lang, 'popup.placement')}:</strong> {placement}
          </p>
        )}
        <div class="sources">
          <Sub>{t(lang, 'popup.sources')}</Sub>
          <ul>
            {p.sources.map((s) => (
              <li key={`${s.publisher_en}-${s.title ?? s.about_en}`}>
                <SourceCitation source={s} lang={lang} />
              </li>
            ))}
          </ul>
        </div>
      </Fold>
      <FeatureClaims featureId={p.id} lang={lang} />
    </article>
  );
}

/** The popup's folded part: quotes, figures, sources and how the feature is placed. */
function PopupFold({ summary, children }: { summary: string; children: ComponentChildren }) {
  return (
    <details class="feature-more">
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

/** The list shows a feature's every detail, unfolded. */
function ListFold({ children }: { summary: string; children: ComponentChildren }) {
  return <div class="feature-more-open">{children}</div>;
}

/** How precise the feature's position is, said of the position ("Location approximate (±1.5 km)"), if not reported. */
function precisionOf(feature: StoryFeature, lang: Lang): string | undefined {
  const p = feature.properties;
  if (p.confidence === 'reported') return undefined;
  if (feature.geometry.type !== 'Point') return t(lang, 'popup.location.schematic');
  // The placement note gives the error as "±1.5 km" (the same number in both languages).
  const range = /±\s*(\d+(?:\.\d+)?)\s*km/.exec(p.placement_note_en ?? '')?.[1];
  return range
    ? tf(lang, 'popup.location.estimated', { km: formatNumber(lang, Number(range), 1) })
    : t(lang, 'popup.location.approximate');
}

/**
 * Set on the page drawn at build time (src/app/prerender.tsx), whose text list is read without JavaScript: the
 * Ukrainian page there quotes the article without our English translation (the English page has it), which kept the
 * first view's HTML within its byte budget.
 */
export const StaticPage = createContext(false);

/**
 * One sentence of the article, verbatim, with its English translation: in Ukrainian the original and the translation
 * folded; in English the original with the translation beneath, or (`translationFirst`, the story's steps) the
 * translation with the original folded.
 */
export function QuoteFigure({
  quote,
  lang,
  onShowInArticle,
  translationFirst = false,
}: {
  quote: Quote;
  lang: Lang;
  onShowInArticle?: (quote: string) => void;
  translationFirst?: boolean;
}) {
  const staticPage = useContext(StaticPage);
  const show = onShowInArticle && (
    <button type="button" class="link-button" onClick={() => onShowInArticle(quote.uk)}>
      {t(lang, 'popup.showInArticle')}
    </button>
  );
  if (lang === 'uk' && staticPage) {
    return (
      <figure class="quote">
        <blockquote lang="uk">«{quote.uk}»</blockquote>
        {show}
      </figure>
    );
  }
  if (lang === 'en' && translationFirst) {
    return (
      <figure class="quote quote-translation-first">
        <blockquote lang="en" class="translation-lead">
          “{quote.en}”
        </blockquote>
        <details class="translation original">
          <summary>{t(lang, 'popup.original')}</summary>
          <p lang="uk">«{quote.uk}»</p>
        </details>
        {show}
      </figure>
    );
  }
  return (
    <figure class="quote">
      <blockquote lang="uk">«{quote.uk}»</blockquote>
      {lang === 'en' ? (
        <figcaption lang="en" class="translation">
          {quote.en}
        </figcaption>
      ) : (
        <details class="translation">
          <summary>{t(lang, 'popup.translation')}</summary>
          <p lang="en">{quote.en}</p>
        </details>
      )}
      {show}
    </figure>
  );
}

/** A source as a reader cites it: publisher, the headline as published (or our description), date; linked when known. */
export function SourceCitation({ source, lang }: { source: Source; lang: Lang }) {
  const about = aboutOf(source, lang);
  const text = (
    <>
      {publisherOf(source, lang)}, {source.title ? <cite lang={source.title_lang}>«{source.title}»</cite> : about},{' '}
      {formatIsoDate(lang, source.date)}
    </>
  );
  return source.url ? (
    <a href={source.url} target="_blank" rel="noopener noreferrer">
      {text}
    </a>
  ) : (
    text
  );
}

/** Figures of one measure that differ: the sources disagree on them. */
function contestedMeasures(figures: ReportedFigure[]): Set<string> {
  const values = new Map<string, Set<number>>();
  for (const f of figures) values.set(f.measure, (values.get(f.measure) ?? new Set()).add(f.value));
  return new Set([...values].filter(([, v]) => v.size > 1).map(([measure]) => measure));
}

function ReportedFigures({ figures, lang, Sub }: { figures: ReportedFigure[]; lang: Lang; Sub: 'h3' | 'h5' }) {
  const contested = contestedMeasures(figures);
  return (
    <div class="reported">
      <Sub>
        {t(lang, 'popup.reported')}
        {contested.size > 0 && <span class="contested"> — {t(lang, 'popup.contested')}</span>}
      </Sub>
      <ul>
        {figures.map((f) => {
          const { by, what } = figureTextOf(f, lang);
          return (
            <li key={`${f.by_en}-${f.measure}-${f.value}`} data-measure={f.measure}>
              {by}: <strong>{formatFigure(lang, f)}</strong> {what} (
              <SourceCitation source={f.source} lang={lang} />)
            </li>
          );
        })}
      </ul>
    </div>
  );
}
