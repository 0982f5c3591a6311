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
  return (
    <div class="time-keys" aria-hidden="true">
      {keyed.map((k, i) => {
        const place = places[i];
        const tick = ticks[k.index];
        if (!place || !tick) return null;
        // From the tick's own position (a share of the track, as the ticks are placed), so that the label stays
        // beside it when the track's measured width lags a resize.
        const dx = place.x0 - tick.share * width;
        const row = place.lane >= lanes;
        const bottom = row ? lanes * tickPx + (place.lane - lanes) * ROW_PX : place.lane * tickPx;
        return (
          <span
            key={k.index}
            class={`time-key${row ? ' time-key-row' : ''}`}
            data-key-of={tick.events.map((e) => e.id).join(' ')}
            style={{ left: `calc(${tick.share * 100}% + ${dx}px)`, bottom: `${bottom}px` }}
          >
            {k.text}
          </span>
        );
      })}
    </div>
  );
}
