/** Number formatting for the current language: `6412 км`, `10 000 км` in Ukrainian, `6,412 km` in English. */
import { type Lang, t } from './strings';

const LOCALE: Record<Lang, string> = { uk: 'uk-UA', en: 'en-GB' };
// Ukrainian typography leaves four-digit numbers unspaced ("1000 контейнерів", as the data's prose writes them) and
// groups from five digits ("10 000"); English groups from four ("1,000").
const GROUPING: Record<Lang, 'min2' | 'auto'> = { uk: 'min2', en: 'auto' };
const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], {
      maximumFractionDigits: digits,
      minimumFractionDigits: 0,
      useGrouping: GROUPING[lang],
    });
    cache.set(key, f);
  }
  return f;
}

/** A number with the language's grouping and decimal marks, rounded to `digits` decimals. */
export function formatNumber(lang: Lang, value: number, digits = 0): string {
  return formatter(lang, digits).format(value);
}

/** Kilometres, rounded to whole km (one decimal under 10 km), with the unit. */
export function formatKm(lang: Lang, km: number): string {
  return `${formatNumber(lang, km, km < 10 ? 1 : 0)} ${t(lang, 'unit.km')}`;
}

/** Nautical miles, rounded to whole miles, with the unit. */
export function formatNauticalMiles(lang: Lang, nmi: number): string {
  return `${formatNumber(lang, nmi)} ${t(lang, 'unit.nmi')}`;
}

/** A range of hours, e.g. `9–11 год` / `9–11 h`, rounded outwards to whole hours. */
export function formatHoursRange(lang: Lang, low: number, high: number): string {
  return `${formatNumber(lang, Math.floor(low))}–${formatNumber(lang, Math.ceil(high))} ${t(lang, 'unit.h')}`;
}

/** A unit whose word depends on the number before it (Intl.PluralRules picks one, few, many or other). */
export type CountedUnit = 'containers' | 'round-trips' | 'ships' | 'steps';

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The plural category of `value` in `lang`: `one`, `few`, `many` or `other` (Ukrainian uses all four). */
export function pluralCategory(lang: Lang, value: number): 'one' | 'few' | 'many' | 'other' {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALE[lang]);
    pluralRules.set(lang, rules);
  }
  const category = rules.select(value);
  return category === 'one' || category === 'few' || category === 'many' ? category : 'other';
}

/** A count with its unit in the right plural form: `1 рейс туди й назад`, `4 судна`, `5 round trips`. */
export function formatCount(lang: Lang, value: number, unit: CountedUnit): string {
  return `${formatNumber(lang, value)} ${t(lang, `unit.${unit}.${pluralCategory(lang, value)}`)}`;
}

/** A figure as its source gives it, qualifier first: `щонайменше 5 рейсів туди й назад`, `about 200 km`. */
export function formatFigure(
  lang: Lang,
  figure: { value: number; unit: CountedUnit | 'km'; qualifier?: 'about' | 'at-least' | 'more-than' },
): string {
  const amount = figure.unit === 'km' ? formatKm(lang, figure.value) : formatCount(lang, figure.value, figure.unit);
  return figure.qualifier ? `${t(lang, `qualifier.${figure.qualifier}`)} ${amount}` : amount;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** An ISO date (`YYYY-MM-DD`, or `YYYY-MM` when only the month is known) in the reader's language. */
export function formatIsoDate(lang: Lang, iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month) return iso;
  const key = `${lang}:${day ? 'day' : 'month'}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'long',
      ...(day ? { day: 'numeric' } : {}),
    });
    dateFormats.set(key, f);
  }
  return f.format(new Date(Date.UTC(year, month - 1, day || 1)));
}
