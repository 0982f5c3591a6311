/**
 * The time control under the map: a day slider read as a timeline: month labels, a tick for every day with events
 * (a dot for a single day, a square over its span for a period; named on hover and focus, the key events in writing
 * beside them), play and pause, and "all time" as a toggle. The ticks are one group with one tab stop (a roving
 * tabindex: arrows, Home and End), each at least 24 px, in lanes where days are too close for side by side. On the
 * slider: arrows a day, PageUp/PageDown a week, Home and End. The chosen day is announced when the reader chooses it
 * or pauses, never while time plays.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatIsoDate } from '../i18n/format';
import { type Lang, t, tf } from '../i18n/strings';
import type { TimeModel } from '../state/time-model';
import { daysOfObservation, observationsOn } from '../story/observations';
import { daysOf, eventsOn, isoOfDay, type StoryEvent } from '../story/timeline';
import { laneOfTicks, monthStarts, rowsOfSpans } from '../story/timeline-axis';
import { TimeKeyLabels } from './TimeKeyLabels';
import { eventDates, eventTitle, focusIn, monthName, observationText, rovingIndex } from './time-labels';

/** How long each day lasts while playing. */
export const PLAY_TICK_MS = 500;
const WEEK = 7;
/** A tick's hit target, and the room it needs beside another in one lane (px). */
const TICK_PX = 24;

export interface TimeControlProps {
  time: TimeModel;
  lang: Lang;
  /** Shown beside the controls while the illustrative ship may move. */
  illustrationNote: boolean;
}

export function TimeControl({ time, lang, illustrationNote }: TimeControlProps) {
  const range = time.range.value;
  const timeline = time.timeline.value;
  const day = time.day.value;
  const playing = time.playing.value;
  const track = useRef<HTMLDivElement>(null);
  // The track's width once measured (the key events' names are placed only then: placed at a guess, they moved).
  const [width, setWidth] = useState<number | undefined>(undefined);
  const [focusDay, setFocusDay] = useState<number | undefined>(undefined);
  const [focusImage, setFocusImage] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => time.advance(), PLAY_TICK_MS);
    return () => clearInterval(timer);
  }, [playing, time]);

  // The ticks' lanes depend on the track's width in px.
  useLayoutEffect(() => {
    const element = track.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [timeline !== undefined]);

  if (!range || !timeline) return null;
  const [first, last] = range;
  const spoken = day === undefined ? t(lang, 'time.all') : formatIsoDate(lang, isoOfDay(day));
  const today = day === undefined ? [] : eventsOn(day, timeline.events);
  const share = (d: number) => (d - first) / (last - first);
  const percent = (d: number) => `${share(d) * 100}%`;

  // One tick per day with events; its events in their file order.
  const byDay = new Map<number, StoryEvent[]>();
  for (const e of timeline.events) {
    const [a] = daysOf(e);
    byDay.set(a, [...(byDay.get(a) ?? []), e]);
  }
  const tickDays = [...byDay.keys()].sort((a, b) => a - b);
  // The ticks' own row is the track less its margins (.time-ticks in app.css).
  const ticksWidth = Math.max(0, (width ?? 600) - 16);
  const lanes = laneOfTicks(
    tickDays.map((d) => share(d) * ticksWidth),
    TICK_PX,
  );
  const periods = timeline.events.filter((e) => {
    const [a, b] = daysOf(e);
    return b > a;
  });
  const periodRows = rowsOfSpans(periods.map(daysOf));
  const rovingDay =
    focusDay !== undefined && byDay.has(focusDay)
      ? focusDay
      : (tickDays.find((d) => day !== undefined && d >= day) ?? tickDays[0]);

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

  const onTickKey = (event: KeyboardEvent, index: number) => {
    const target = tickDays[rovingIndex(event, index, tickDays.length) ?? -1];
    if (target === undefined) return;
    setFocusDay(target);
    focusIn(event, `[data-day="${target}"]`);
  };
  // The satellite images: a group of their own, with a tab stop of its own.
  const observations = timeline.observations ?? [];
  const imageLanes = laneOfTicks(
    observations.map((o) => share(daysOfObservation(o)[0]) * ticksWidth),
    TICK_PX,
    1,
  );
  const rovingImage = observations.find((o) => o.id === focusImage)?.id ?? observations[0]?.id;
  const onImageKey = (event: KeyboardEvent, index: number) => {
    const target = observations[rovingIndex(event, index, observations.length) ?? -1];
    if (target === undefined) return;
    setFocusImage(target.id);
    focusIn(event, `[data-observation="${target.id}"]`);
  };
  const seenToday = day === undefined ? [] : observationsOn(day, observations);

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
          onClick={() => {
            time.pause();
            time.setDay(undefined);
          }}
        >
          {t(lang, 'time.all')}
        </button>
        {/* The date is shown beside the buttons (a plain span: an <output> would be a live region of its own), and
            spoken by the live region under it only when the reader has chosen it or paused: never once a day while
            time plays. */}
        <span class="time-date">{day === undefined ? '' : spoken}</span>
        <p class="visually-hidden time-announce" aria-live="polite">
          {playing || day === undefined ? '' : spoken}
        </p>
      </div>
      <div class="time-track" ref={track}>
        <fieldset class="time-ticks" aria-label={t(lang, 'time.events')}>
          {tickDays.map((d, index) => {
            const events = byDay.get(d) ?? [];
            const label = events.map((e) => `${eventTitle(e, lang)}: ${eventDates(e, lang)}`).join('; ');
            const period = events.some((e) => daysOf(e)[1] > d);
            const active = day !== undefined && events.some((e) => today.includes(e));
            return (
              <button
                key={d}
                type="button"
                class={`time-tick${period ? ' time-tick-period' : ''}${active ? ' time-tick-active' : ''}`}
                style={{ left: percent(d), bottom: `${(lanes[index] ?? 0) * TICK_PX}px` }}
                tabIndex={d === rovingDay ? 0 : -1}
                aria-label={label}
                data-event={events[0]?.id}
                data-events={events.map((e) => e.id).join(' ')}
                data-day={d}
                onFocus={() => setFocusDay(d)}
                onKeyDown={(event) => onTickKey(event, index)}
                onClick={() => {
                  time.pause();
                  time.setDay(d);
                }}
              >
                <span class="time-tick-label" aria-hidden="true">
                  {label}
                </span>
              </button>
            );
          })}
          {width !== undefined && (
            <TimeKeyLabels
              ticks={tickDays.map((d, i) => ({ share: share(d), lane: lanes[i] ?? 0, events: byDay.get(d) ?? [] }))}
              width={ticksWidth}
              lanes={3}
              tickPx={TICK_PX}
              lang={lang}
            />
          )}
        </fieldset>
        {observations.length > 0 && (
          <fieldset class="time-ticks time-imagery" aria-label={t(lang, 'time.imageryGroup')}>
            {observations.map((o, index) => {
              const [a] = daysOfObservation(o);
              const active = seenToday.includes(o);
              return (
                <button
                  key={o.id}
                  type="button"
                  class={`time-tick time-tick-imagery${active ? ' time-tick-active' : ''}`}
                  style={{ left: percent(a), bottom: `${(imageLanes[index] ?? 0) * TICK_PX}px` }}
                  tabIndex={o.id === rovingImage ? 0 : -1}
                  aria-label={observationText(o, lang)}
                  data-observation={o.id}
                  data-day={a}
                  onFocus={() => setFocusImage(o.id)}
                  onKeyDown={(event) => onImageKey(event, index)}
                  onClick={() => {
                    time.pause();
                    time.setDay(a);
                  }}
                >
                  <span class="time-tick-label" aria-hidden="true">
                    {observationText(o, lang)}
                  </span>
                </button>
              );
            })}
          </fieldset>
        )}
        <div class="time-periods" aria-hidden="true">
          {periods.map((e, i) => {
            const [a, b] = daysOf(e);
            return (
              <span
                key={e.id}
                class={`time-period${day !== undefined && today.includes(e) ? ' time-period-active' : ''}`}
                style={{
                  left: percent(a),
                  width: `${(share(b) - share(a)) * 100}%`,
                  top: `${(periodRows[i] ?? 0) * 4}px`,
                }}
              />
            );
          })}
        </div>
        <input
          type="range"
          class={`time-slider${day === undefined ? ' time-slider-all' : ''}`}
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
        <div class="time-months" aria-hidden="true">
          {monthStarts(first, last).map((m) => (
            <span key={m} class="time-month" style={{ left: percent(m) }}>
              {monthName(lang, m)}
            </span>
          ))}
        </div>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls when a day has more events than its fixed box
          holds, and the keyboard must reach them (axe: scrollable-region-focusable). */}
      <div class="time-today" tabIndex={0}>
        <h2 class="visually-hidden">{t(lang, 'time.today')}</h2>
        {day === undefined ? (
          <p class="time-hint">{t(lang, 'time.hint')}</p>
        ) : today.length === 0 && seenToday.length === 0 ? (
          <p>{t(lang, 'time.none')}</p>
        ) : (
          <ul>
            {today.map((e) => (
              <li key={e.id} title={lang === 'uk' ? e.text_uk : e.text_en}>
                <strong>{eventTitle(e, lang)}</strong> ({eventDates(e, lang)}),{' '}
                {tf(lang, 'time.by', { by: lang === 'uk' ? e.by_uk : e.by_en })}
              </li>
            ))}
            {seenToday.map((o) => (
              <li key={o.id} class="time-today-imagery" data-observation={o.id}>
                {observationText(o, lang)}
              </li>
            ))}
          </ul>
        )}
        {illustrationNote && <p class="time-illustration">{t(lang, 'time.illustration')}</p>}
      </div>
    </section>
  );
}
