/**
 * The key events' names written on the time control (#31): beside their ticks where there is room (placeKeyLabels),
 * the newest first, as the story is told from 18 October back. A label is only seen: its tick's own name (on hover,
 * focus and to a screen reader) says the same and more, so the labels are hidden from assistive technology.
 */
import type { Lang } from '../i18n/strings';
import type { StoryEvent } from '../story/timeline';
import { placeKeyLabels } from '../story/timeline-axis';

/** The labels' type (.time-key in app.css), for measuring them before they are drawn. */
const FONT_PX = 11.5;
const FONT = `600 ${FONT_PX}px "Noto Sans", sans-serif`;
/** A label's room beyond its text: its padding (px). */
const PAD = 6;
/** The rows of labels over the lanes of ticks (px), where a label goes when there is no room beside its tick. */
const ROW_PX = 14;

let context: CanvasRenderingContext2D | null | undefined;
/** The width of `text` in the labels' type (px), or an estimate where the page cannot measure text. */
function textWidth(text: string): number {
  if (context === undefined) context = document.createElement('canvas').getContext('2d');
  if (!context) return text.length * FONT_PX * 0.6;
  context.font = FONT;
  return context.measureText(text).width;
}

export interface KeyTick {
  /** The tick's share of the track (0–1), its lane and its events. */
  share: number;
  lane: number;
  events: readonly StoryEvent[];
}

export function TimeKeyLabels(props: {
  ticks: readonly KeyTick[];
  /** The ticks' track (px). */
  width: number;
  lanes: number;
  tickPx: number;
  lang: Lang;
}) {
  const { ticks, width, lanes, tickPx, lang } = props;
  const keyed = ticks
    .map((tick, index) => {
      const event = tick.events.find((e) => e.key_uk !== undefined);
      return event && { index, text: (lang === 'uk' ? event.key_uk : event.key_en) ?? '', start: event.start };
    })
    .filter((k) => k !== undefined)
    .sort((a, b) => b.start.localeCompare(a.start));
  const places = placeKeyLabels(
    ticks.map((t) => ({ x: t.share * width, lane: t.lane })),
    keyed.map((k) => ({ tick: k.index, width: Math.ceil(textWidth(k.text)) + 2 * PAD })),
    { width, lanes, tickPx, labelRows: 2 },
  );
  // Each name's place, then the leaders under all names (a leader may pass behind another row's name).
  const drawn = keyed.flatMap((k, i) => {
    const place = places[i];
    const tick = ticks[k.index];
    if (!place || !tick) return [];
    const row = place.lane >= lanes;
    return [
      { k, tick, row, bottom: row ? lanes * tickPx + (place.lane - lanes) * ROW_PX : place.lane * tickPx, place },
    ];
  });
  return (
    <div class="time-keys" aria-hidden="true">
      {drawn.map(({ k, tick, row, bottom }) => {
        // A name in a row over the ticks hangs a thin line down to its tick's dot (the dot's top: 5 px into its lane).
        const dotTop = tick.lane * tickPx + tickPx - 5;
        return (
          row && (
            <span
              key={`leader-${k.index}`}
              class="time-key-leader"
              style={{ left: `${tick.share * 100}%`, bottom: `${dotTop}px`, height: `${bottom - dotTop}px` }}
            />
          )
        );
      })}
      {drawn.map(({ k, tick, row, bottom, place }) => (
        // From the tick's own position (a share of the track, as the ticks are placed), so that the name stays
        // beside it when the track's measured width lags a resize.
        <span
          key={k.index}
          class={`time-key${row ? ' time-key-row' : ''}`}
          data-key-of={tick.events.map((e) => e.id).join(' ')}
          style={{ left: `calc(${tick.share * 100}% + ${place.x0 - tick.share * width}px)`, bottom: `${bottom}px` }}
        >
          {k.text}
        </span>
      ))}
    </div>
  );
}
