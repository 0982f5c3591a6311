/** Number formatting for the current language: `6 412 км` in Ukrainian, `6,412 km` in English. */
import { type Lang, t } from './strings';

const LOCALE: Record<Lang, string> = { uk: 'uk-UA', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits, minimumFractionDigits: 0 });
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
