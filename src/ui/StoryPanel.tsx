import { useEffect, useRef } from 'preact/hooks';
import { type Lang, t, tf } from '../i18n/strings';
import type { TimeModel } from '../state/time-model';
import type { UkraineOutline } from '../story/feature-distances';
import type { IndexedFeature } from '../story/prepare-story';
import { QUOTE_BY_ID } from '../story/quotes';
import type { Source } from '../story/types';
import { Distances } from './Distances';
import { QuoteFigure, SourceCitation } from './FeatureDetails';

export interface StoryPanelProps {
  time: TimeModel;
  /** Opens a step (its day, layers and camera). */
  goToStep: (index: number) => void;
  lang: Lang;
  index: ReadonlyMap<string, IndexedFeature>;
  ukraine: UkraineOutline;
  onShowInArticle?: (quote: string) => void;
}

/** The control that starts the story, where focus goes back when the reader leaves it. */
const START_SELECTOR = '.story-cta';

/**
 * The current step, beside the map (under it on phones): its text scrolls, its navigation ("2 / 7", Previous, Next, Exit) stays pinned
 * beneath it, so Next is always in sight. Escape leaves the story (unless a popup is open: Escape closes that first).
 */
export function StoryPanel({ time, goToStep, lang, index, ukraine, onShowInArticle }: StoryPanelProps) {
  const step = time.currentStep.value;
  const n = time.step.value;
  const total = time.steps.value.length;
  const panel = useRef<HTMLElement>(null);
  const body = useRef<HTMLDivElement>(null);

  // A new step moves focus to its panel, so a screen reader reads the step; its text starts at the top.
  useEffect(() => {
    if (n === undefined || !panel.current) return;
    if (body.current) body.current.scrollTop = 0;
    panel.current.focus({ preventScroll: true });
  }, [n]);

  // On a phone the panel is a sheet at the map's foot: bring the map into view when the story opens.
  const open = n !== undefined;
  useEffect(() => {
    if (open) panel.current?.closest('.map-area')?.scrollIntoView({ block: 'nearest' });
  }, [open]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || time.step.peek() === undefined) return;
      // Escape closes an open popup or dialog first; the story stays.
      if (document.querySelector('.maplibregl-popup')) return;
      const target = event.target as Element | null;
      if (target?.closest?.('[role="dialog"], dialog, [role="menu"]')) return;
      exitStory(time);
    };
    // Capture: the popup's own Escape handler (on the document, bubbling) must not have closed it yet.
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [time]);

  if (!step || n === undefined) return null;
  const events = time.timeline.value?.events ?? [];
  const sources = uniqueSources(events.filter((e) => step.events.includes(e.id)).flatMap((e) => e.sources));
  const distanceFeature = step.distances_of ? index.get(step.distances_of)?.feature : undefined;
  const [firstQuote, ...moreQuotes] = step.quotes.flatMap((id) => QUOTE_BY_ID.get(id) ?? []);

  return (
    <section
      ref={panel}
      class="story-panel"
      aria-labelledby="story-step-title"
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.target !== event.currentTarget) return;
        if (event.key === 'ArrowRight') goToStep(n + 1);
        else if (event.key === 'ArrowLeft') goToStep(n - 1);
        else return;
        event.preventDefault();
      }}
    >
      <div class="story-body" ref={body}>
        <h2 id="story-step-title">{lang === 'uk' ? step.title_uk : step.title_en}</h2>
        <p class="story-text">{lang === 'uk' ? step.text_uk : step.text_en}</p>
        {firstQuote && (
          <QuoteFigure quote={firstQuote} lang={lang} onShowInArticle={onShowInArticle} translationFirst />
        )}
        {(moreQuotes.length > 0 || distanceFeature || sources.length > 0) && (
          <details class="story-sources">
            <summary>{t(lang, 'story.sourcesAndFigures')}</summary>
            {moreQuotes.map((quote) => (
              <QuoteFigure
                key={quote.id}
                quote={quote}
                lang={lang}
                onShowInArticle={onShowInArticle}
                translationFirst
              />
            ))}
            {distanceFeature && (
              <Distances feature={distanceFeature} lang={lang} index={index} ukraine={ukraine} Sub="h3" />
            )}
            {sources.length > 0 && (
              <ul>
                {sources.map((s) => (
                  <li key={`${s.publisher_en}-${s.title ?? s.about_en}`}>
                    <SourceCitation source={s} lang={lang} />
                  </li>
                ))}
              </ul>
            )}
          </details>
        )}
      </div>
      <nav class="story-nav" aria-label={t(lang, 'story.nav')}>
        <p class="story-progress">
          <span aria-hidden="true">
            {n + 1} / {total}
          </span>
          <span class="visually-hidden">{tf(lang, 'story.progress', { n: String(n + 1), total: String(total) })}</span>
        </p>
        <button type="button" class="story-previous" disabled={n === 0} onClick={() => goToStep(n - 1)}>
          ← {t(lang, 'story.previous')}
        </button>
        <button type="button" class="story-next" disabled={n === total - 1} onClick={() => goToStep(n + 1)}>
          {t(lang, 'story.next')} →
        </button>
        <button type="button" class="link-button story-exit" onClick={() => exitStory(time)}>
          {t(lang, 'story.exit')}
        </button>
      </nav>
    </section>
  );
}

/**
 * Back to the free map; focus that was in the panel (now gone) or nowhere goes back to the control that starts the
 * story, never to `<body>`.
 */
function exitStory(time: TimeModel): void {
  time.exitStory();
  // After the re-render that removes the panel and brings the start control back.
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    document.querySelector<HTMLElement>(START_SELECTOR)?.focus();
  });
}

/** Sources in their first order, each once. */
function uniqueSources(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.publisher_en}|${s.title ?? s.about_en}|${s.date}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
