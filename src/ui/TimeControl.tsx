/**
 * The time control under the map: a day slider from the timeline's first to last day with a tick at every event
 * (named on hover and focus), play and pause, and "all time". Keyboard: arrows a day, PageUp/PageDown a week,
 * Home and End. The chosen day is spoken and shown in the reader's language.
 */
import { useEffect } from 'preact/hooks';
import { formatIsoDate } from '../i18n/format';
import { type Lang, t, tf } from '../i18n/strings';
import type { TimeModel } from '../state/time-model';
import { daysOf, eventsOn, isoOfDay, type StoryEvent } from '../story/timeline';

/** How long each day lasts while playing. */
export const PLAY_TICK_MS = 500;
const WEEK = 7;

export interface TimeControlProps {
  time: TimeModel;
  lang: Lang;
  /** Shown beside the controls while the illustrative ship may move. */
  illustrationNote: boolean;
}

function eventTitle(e: StoryEvent, lang: Lang): string {
  return lang === 'uk' ? e.title_uk : e.title_en;
}

function eventDates(e: StoryEvent, lang: Lang): string {
  const [a, b] = [formatIsoDate(lang, e.start), e.end ? formatIsoDate(lang, e.end) : undefined];
  const dates = b && b !== a ? `${a} — ${b}` : a;
  return e.precision === 'approximate' ? `${dates} (${t(lang, 'time.approximate')})` : dates;
}

export function TimeControl({ time, lang, illustrationNote }: TimeControlProps) {
  const range = time.range.value;
  const timeline = time.timeline.value;
  const day = time.day.value;
  const playing = time.playing.value;

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => time.advance(), PLAY_TICK_MS);
    return () => clearInterval(timer);
  }, [playing, time]);

  if (!range || !timeline) return null;
  const [first, last] = range;
  const spoken = day === undefined ? t(lang, 'time.all') : formatIsoDate(lang, isoOfDay(day));
  const today = day === undefined ? [] : eventsOn(day, timeline.events);
  const percent = (d: number) => `${((d - first) / (last - first)) * 100}%`;

  const onKey = (event: KeyboardEvent) => {
    const moves: Record<string, () => void> = {
      PageUp: () => time.moveBy(WEEK),
      PageDown: () => time.moveBy(-WEEK),
      Home: () => time.setDay(first),
      End: () => time.setDay(last),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      time.pause();
      move();
    }
  };

  return (
    <section class="time-control" aria-label={t(lang, 'time.label')}>
      <div class="time-buttons">
        <button
          type="button"
          class="time-play"
          aria-pressed={playing}
          onClick={() => (playing ? time.pause() : time.play())}
        >
          {playing ? t(lang, 'time.pause') : t(lang, 'time.play')}
        </button>
        <button
          type="button"
          class="time-all"
          aria-pressed={day === undefined}
          title={t(lang, 'time.allTitle')}
          onClick={() => time.setDay(undefined)}
        >
          {t(lang, 'time.all')}
        </button>
        <output class="time-date" aria-live="polite">
          {spoken}
        </output>
      </div>
      <div class="time-track">
        <input
          type="range"
          class="time-slider"
          min={first}
          max={last}
          step={1}
          value={day ?? last}
          aria-label={t(lang, 'time.slider')}
          aria-valuetext={spoken}
          onInput={(event) => {
            time.pause();
            time.setDay(Number((event.currentTarget as HTMLInputElement).value));
          }}
          onKeyDown={onKey}
        />
        <ul class="time-ticks" aria-label={t(lang, 'time.events')}>
          {timeline.events.map((e) => {
            const [a] = daysOf(e);
            const label = `${eventTitle(e, lang)}: ${eventDates(e, lang)}`;
            return (
              <li key={e.id} style={{ left: percent(a) }}>
                <button
                  type="button"
                  class={`time-tick${day !== undefined && today.includes(e) ? ' time-tick-active' : ''}`}
                  aria-label={label}
                  data-event={e.id}
                  onClick={() => {
                    time.pause();
                    time.setDay(a);
                  }}
                >
                  <span class="time-tick-label" aria-hidden="true">
                    {label}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      {day !== undefined && (
        <div class="time-today">
          <h2 class="visually-hidden">{t(lang, 'time.today')}</h2>
          {today.length === 0 ? (
            <p>{t(lang, 'time.none')}</p>
          ) : (
            <ul>
              {today.map((e) => (
                <li key={e.id} title={lang === 'uk' ? e.text_uk : e.text_en}>
                  <strong>{eventTitle(e, lang)}</strong> ({eventDates(e, lang)}),{' '}
                  {tf(lang, 'time.by', { by: lang === 'uk' ? e.by_uk : e.by_en })}
                </li>
              ))}
            </ul>
          )}
          {illustrationNote && <p class="time-illustration">{t(lang, 'time.illustration')}</p>}
        </div>
      )}
    </section>
  );
}
