import { useEffect, useRef } from 'preact/hooks';
import { type Lang, t, tf } from '../i18n/strings';
import type { TimeModel } from '../state/time-model';
import type { Border } from '../story/border-distance';
import type { IndexedFeature } from '../story/prepare-story';
import { QUOTE_BY_ID } from '../story/quotes';
import type { Source } from '../story/types';
import { Distances, QuoteFigure, SourceCitation } from './FeatureDetails';

export interface StoryPanelProps {
  time: TimeModel;
  /** Opens a step (its day, layers and camera). */
  goToStep: (index: number) => void;
  lang: Lang;
  index: ReadonlyMap<string, IndexedFeature>;
  ukraine: Border | undefined;
  onShowInArticle?: (quote: string) => void;
}

export function StoryPanel({ time, goToStep, lang, index, ukraine, onShowInArticle }: StoryPanelProps) {
  const step = time.currentStep.value;
  const n = time.step.value;
  const total = time.steps.value.length;
  const panel = useRef<HTMLElement>(null);

  // A new step moves focus to its heading's panel, so a screen reader reads the step.
  useEffect(() => {
    if (n === undefined || !panel.current) return;
    panel.current.scrollTop = 0;
    panel.current.focus({ preventScroll: true });
  }, [n]);

  if (!step || n === undefined) return null;
  const events = time.timeline.value?.events ?? [];
  const sources = uniqueSources(events.filter((e) => step.events.includes(e.id)).flatMap((e) => e.sources));
  const distanceFeature = step.distances_of ? index.get(step.distances_of)?.feature : undefined;

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
      <p class="story-progress">
        <span aria-hidden="true">
          {n + 1} / {total}
        </span>
        <span class="visually-hidden">{tf(lang, 'story.progress', { n: String(n + 1), total: String(total) })}</span>
      </p>
      <h2 id="story-step-title">{lang === 'uk' ? step.title_uk : step.title_en}</h2>
      <p class="story-text">{lang === 'uk' ? step.text_uk : step.text_en}</p>
      {step.quotes.map((id) => {
        const quote = QUOTE_BY_ID.get(id);
        return quote ? <QuoteFigure key={id} quote={quote} lang={lang} onShowInArticle={onShowInArticle} /> : null;
      })}
      {distanceFeature && <Distances feature={distanceFeature} lang={lang} index={index} ukraine={ukraine} Sub="h3" />}
      {sources.length > 0 && (
        <details class="story-sources">
          <summary>{t(lang, 'story.sources')}</summary>
          <ul>
            {sources.map((s) => (
              <li key={`${s.publisher_en}-${s.title ?? s.about_en}`}>
                <SourceCitation source={s} lang={lang} />
              </li>
            ))}
          </ul>
        </details>
      )}
      <div class="story-nav">
        <button type="button" disabled={n === 0} onClick={() => goToStep(n - 1)}>
          ← {t(lang, 'story.previous')}
        </button>
        <button type="button" disabled={n === total - 1} onClick={() => goToStep(n + 1)}>
          {t(lang, 'story.next')} →
        </button>
        <button type="button" class="link-button story-exit" onClick={() => time.exitStory()}>
          {t(lang, 'story.exit')}
        </button>
      </div>
    </section>
  );
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
