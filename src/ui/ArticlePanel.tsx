/**
 * The whole article beside the map, loaded only when opened. Every passage a feature quotes is a
 * button that selects the feature; "show in article" from a popup scrolls here and highlights it.
 */
import { Fragment } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import articleText from '../article/ukrinform-2023-10-18.uk.txt?raw';
import { t } from '../i18n/strings';
import type { Model } from '../state/model';
import { citedQuotes, segmentArticle } from '../story/article';
import { QUOTES } from '../story/quotes';
import { nameOf } from './text';

export const ARTICLE_PUBLISHER_URL = 'https://www.ukrinform.ua/';

/** Our English translation of each quoted sentence, keyed by its Ukrainian text. */
const TRANSLATIONS = new Map(Object.values(QUOTES).flatMap((quotes) => quotes.map((q) => [q.uk, q.en] as const)));

export default function ArticlePanel({ model }: { model: Model }) {
  const lang = model.lang.value;
  const highlighted = model.highlightedQuote.value;
  const selectedId = model.selected.value?.feature.properties.id;
  const paragraphs = useMemo(() => segmentArticle(articleText, citedQuotes(QUOTES)), []);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!highlighted) return;
    const el = root.current?.querySelector<HTMLElement>('.passage.highlighted');
    el?.scrollIntoView({
      block: 'center',
      behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
    });
    el?.focus({ preventScroll: true });
  }, [highlighted]);

  return (
    <div class="article" ref={root} lang="uk">
      <p class="article-hint" lang={lang}>
        {t(lang, 'article.markedHint')}
      </p>
      {paragraphs.map((segments) => (
        <p key={segments[0]?.text}>
          {segments.map((s) => {
            if (s.ids.length === 0) return s.text;
            const first = s.ids[0]!;
            const names = s.ids
              .map((id) => model.index.value.get(id)?.feature.properties)
              .filter((p) => p !== undefined)
              .map((p) => nameOf(p, lang));
            const isHighlighted = highlighted !== undefined && s.quotes.includes(highlighted);
            const isSelected = selectedId !== undefined && s.ids.includes(selectedId);
            const translation = s.quotes.map((q) => TRANSLATIONS.get(q)).join(' ');
            const button = (
              <button
                key={s.text}
                type="button"
                class={`passage${isHighlighted ? ' highlighted' : ''}${isSelected ? ' selected' : ''}`}
                data-feature-ids={s.ids.join(' ')}
                title={names.join(', ')}
                aria-describedby={undefined}
                onClick={() => {
                  model.highlightedQuote.value = s.quotes[0];
                  model.select(first, 'article');
                }}
              >
                {s.text}
              </button>
            );
            // The English page reads the article in Ukrainian: each quoted sentence is followed by our translation.
            return lang === 'en' ? (
              <Fragment key={s.text}>
                {button}{' '}
                <span class="passage-translation" lang="en">
                  {translation}
                </span>
              </Fragment>
            ) : (
              button
            );
          })}
        </p>
      ))}
      <p class="article-credit" lang={lang}>
        — {t(lang, 'article.credit')}.{' '}
        <a href={ARTICLE_PUBLISHER_URL} target="_blank" rel="noopener noreferrer">
          {t(lang, 'article.publisher')}
        </a>
      </p>
    </div>
  );
}
