/**
 * The time control's texts and keys (src/ui/TimeControl.tsx): month names, an event's or a satellite image's label in
 * the reader's language, and the roving tabindex of a group of ticks.
 */
import { formatIsoDate } from '../i18n/format';
import { type Lang, t, tf } from '../i18n/strings';
import type { Observation } from '../story/observations';
import type { StoryEvent } from '../story/timeline';

const monthFormats = new Map<Lang, Intl.DateTimeFormat>();
export function monthName(lang: Lang, day: number): string {
  let f = monthFormats.get(lang);
  if (!f) {
    // en-US: "Sep" (en-GB writes "Sept").
    f = new Intl.DateTimeFormat(lang === 'uk' ? 'uk-UA' : 'en-US', { month: 'short', timeZone: 'UTC' });
    monthFormats.set(lang, f);
  }
  return f.format(new Date(day * 86_400_000));
}

export function eventTitle(e: StoryEvent, lang: Lang): string {
  return lang === 'uk' ? e.title_uk : e.title_en;
}

/** Which tick a roving-tabindex key leads to from `index` of `count`, or undefined for another key. */
export function rovingIndex(event: KeyboardEvent, index: number, count: number): number | undefined {
  const to: Record<string, number> = {
    ArrowRight: index + 1,
    ArrowDown: index + 1,
    ArrowLeft: index - 1,
    ArrowUp: index - 1,
    Home: 0,
    End: count - 1,
  };
  const next = to[event.key];
  if (next === undefined) return undefined;
  event.preventDefault();
  return Math.max(0, Math.min(count - 1, next));
}

/**
 * Focuses the tick `selector` of the key's group at once (every tick is rendered; tabindex -1 takes focus from a
 * script): a next key press, however quick, starts from the tick that has the focus.
 */
export function focusIn(event: KeyboardEvent, selector: string): void {
  (event.currentTarget as HTMLElement).closest('.time-ticks')?.querySelector<HTMLElement>(selector)?.focus();
}

/** "Satellite imagery: Images of Najin …, 7 — 8 September 2023; taken by not named, analysed by …. The hedge." */
export function observationText(o: Observation, lang: Lang): string {
  const uk = lang === 'uk';
  const when = eventDates(o, lang);
  const who = [
    tf(lang, 'time.takenBy', { who: uk ? o.taken_by_uk : o.taken_by_en }),
    tf(lang, 'time.analysedBy', { who: uk ? o.analysed_by_uk : o.analysed_by_en }),
  ].join(', ');
  return `${t(lang, 'time.imagery')}: ${uk ? o.title_uk : o.title_en}, ${when}; ${who}. ${uk ? o.hedge_uk : o.hedge_en}`;
}

/** An event's or an image's dates: "7 — 8 September 2023", "(approximate date)" when the sources say so. */
export function eventDates(e: Pick<StoryEvent, 'start' | 'end' | 'precision'>, lang: Lang): string {
  const [a, b] = [formatIsoDate(lang, e.start), e.end ? formatIsoDate(lang, e.end) : undefined];
  const dates = b && b !== a ? `${a} — ${b}` : a;
  return e.precision === 'approximate' ? `${dates} (${t(lang, 'time.approximate')})` : dates;
}
