/**
 * What the story says about one feature: summary, the article's words, reported figures, sources and
 * distances computed from the geometry. Shared by the map popup and the text list, so both say the same.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { formatHoursRange, formatKm, formatNauticalMiles, formatNumber } from '../i18n/format';
import { type Lang, type StringKey, t } from '../i18n/strings';
import { type DistanceRow, distancesFor, type Endpoint } from '../story/feature-distances';
import type { IndexedFeature } from '../story/prepare-story';
import { quotesFor } from '../story/quotes';
import type { ReportedFigure } from '../story/types';
import { nameOf, periodOf, summaryOf } from './text';

export interface FeatureDetailsProps {
  hit: IndexedFeature;
  lang: Lang;
  index: ReadonlyMap<string, IndexedFeature>;
  ukraine: Feature<Polygon | MultiPolygon> | undefined;
  /** "Show in article" for a quote; absent where the article is not on the page. */
  onShowInArticle?: (quote: string) => void;
  /** Heading level for the feature's name (the popup uses h2, the list h3). */
  headingLevel: 2 | 4;
}

export function FeatureDetails({ hit, lang, index, ukraine, onShowInArticle, headingLevel }: FeatureDetailsProps) {
  const p = hit.feature.properties;
  const quotes = quotesFor(p.id);
  const rows = distancesFor(hit.feature, { index, ukraine });
  const Heading = headingLevel === 2 ? 'h2' : 'h4';
  const Sub = headingLevel === 2 ? 'h3' : 'h5';
  const period = periodOf(p, lang);
  const endpointName = (e: Endpoint) => {
    const f = e.id ? index.get(e.id)?.feature : undefined;
    return f ? nameOf(f.properties, lang) : `${e.position[1]?.toFixed(2)}, ${e.position[0]?.toFixed(2)}`;
  };
  return (
    <article class="feature-details" lang={lang} aria-label={nameOf(p, lang)}>
      <Heading class="feature-name">{nameOf(p, lang)}</Heading>
      <p class="feature-summary">
        {summaryOf(p, lang)}{' '}
        <span class={`confidence confidence-${p.confidence}`}>({t(lang, `popup.confidence.${p.confidence}`)})</span>
      </p>
      {period && (
        <p class="feature-meta">
          <strong>{t(lang, 'popup.period')}:</strong> {period}
        </p>
      )}
      {p.vessels && p.vessels.length > 0 && (
        <p class="feature-meta">
          <strong>{t(lang, 'popup.vessels')}:</strong> {p.vessels.join(', ')}
        </p>
      )}
      {quotes.length > 0 && (
        <section class="quotes" aria-label={t(lang, 'popup.quote')}>
          <Sub>{t(lang, 'popup.quote')}</Sub>
          {quotes.map((q) => (
            <figure class="quote" key={q.uk}>
              <blockquote lang="uk">«{q.uk}»</blockquote>
              {lang === 'en' ? (
                <figcaption lang="en" class="translation">
                  {q.en}
                </figcaption>
              ) : (
                <details class="translation">
                  <summary>{t(lang, 'popup.translation')}</summary>
                  <p lang="en">{q.en}</p>
                </details>
              )}
              {onShowInArticle && (
                <button type="button" class="link-button" onClick={() => onShowInArticle(q.uk)}>
                  {t(lang, 'popup.showInArticle')}
                </button>
              )}
            </figure>
          ))}
        </section>
      )}
      {rows.length > 0 && (
        <section class="distances" aria-label={t(lang, 'popup.distances')}>
          <Sub>{t(lang, 'popup.distances')}</Sub>
          <dl>{rows.map((row) => distanceRow(row, lang, endpointName))}</dl>
          <p class="method">{t(lang, 'dist.method.turf')}</p>
        </section>
      )}
      {p.reported && p.reported.length > 0 && <ReportedFigures figures={p.reported} lang={lang} Sub={Sub} />}
      {p.placement_note && (
        <p class="feature-meta placement">
          <strong>{t(lang, 'popup.placement')}:</strong> {p.placement_note}
        </p>
      )}
      <section class="sources" aria-label={t(lang, 'popup.sources')}>
        <Sub>{t(lang, 'popup.sources')}</Sub>
        <ul>
          {p.sources.map((s) => (
            <li key={`${s.publisher}-${s.title}`}>
              {s.url ? (
                <a href={s.url} target="_blank" rel="noopener noreferrer">
                  {s.publisher}, «{s.title}»
                </a>
              ) : (
                <span>
                  {s.publisher}, «{s.title}»
                </span>
              )}
              , {s.date}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

function unitFor(f: ReportedFigure, lang: Lang): string {
  return ` ${t(lang, `unit.${f.unit}`)}`;
}

function ReportedFigures({ figures, lang, Sub }: { figures: ReportedFigure[]; lang: Lang; Sub: 'h3' | 'h5' }) {
  const units = new Set(figures.map((f) => f.unit));
  const contested = [...units].some((u) => new Set(figures.filter((f) => f.unit === u).map((f) => f.value)).size > 1);
  return (
    <section class="reported" aria-label={t(lang, 'popup.reported')}>
      <Sub>
        {t(lang, 'popup.reported')}
        {contested && <span class="contested"> — {t(lang, 'popup.contested')}</span>}
      </Sub>
      <ul>
        {figures.map((f) => (
          <li key={`${f.by}-${f.unit}-${f.value}`}>
            <strong>
              {f.qualifier ? `${t(lang, `qualifier.${f.qualifier}`)} ` : ''}
              {formatNumber(lang, f.value)}
              {unitFor(f, lang)}
            </strong>{' '}
            — {f.by}
            {f.source.url ? (
              <>
                {' '}
                (
                <a href={f.source.url} target="_blank" rel="noopener noreferrer">
                  {f.source.publisher}
                </a>
                , {f.source.date})
              </>
            ) : (
              ` (${f.source.publisher}, ${f.source.date})`
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function distanceRow(row: DistanceRow, lang: Lang, name: (e: Endpoint) => string) {
  const item = (key: StringKey | string, label: string, value: string) => (
    <div class="distance" key={key} data-distance={row.kind}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  switch (row.kind) {
    case 'route-length':
      return item(
        row.kind,
        t(lang, 'dist.routeLength'),
        `${formatKm(lang, row.km)} (${formatNauticalMiles(lang, row.nmi)})`,
      );
    case 'great-circle':
      return item(
        row.kind,
        `${t(lang, 'dist.greatCircle')}: ${name(row.from)} — ${name(row.to)}`,
        `${formatKm(lang, row.km)} (${formatNauticalMiles(lang, row.nmi)})`,
      );
    case 'passage':
      return item(row.kind, t(lang, 'dist.passage'), formatHoursRange(lang, row.hoursLow, row.hoursHigh));
    case 'to-ukraine':
      return item(
        row.kind,
        t(lang, 'dist.toUkraine'),
        row.km === undefined ? t(lang, 'dist.computing') : formatKm(lang, row.km),
      );
    case 'rail-length':
      return item(row.kind, t(lang, 'dist.railLength'), formatKm(lang, row.km));
    case 'straight':
      return item(row.kind, `${t(lang, 'dist.straight')}: ${name(row.from)} — ${name(row.to)}`, formatKm(lang, row.km));
    case 'leg':
      return item(
        `${name(row.from)}-${name(row.to)}`,
        `${t(lang, 'dist.greatCircle')}: ${name(row.from)} — ${name(row.to)}`,
        formatKm(lang, row.km),
      );
  }
}
