/**
 * A feature's key figure, the one number a reader should see first in its popup, as text in the reader's language:
 * the depot's measured distance to Ukraine beside the sources' figures, else the first figure a source reports, else a
 * line's drawn length. Pure: the map's label for step 6 uses the same text as the depot's popup.
 */
import { formatFigure, formatKm, formatNumber } from '../i18n/format';
import { type Lang, t } from '../i18n/strings';
import { type DistanceContext, distancesFor } from './feature-distances';
import type { ReportedFigure, StoryFeature } from './types';

export interface KeyFigure {
  /** The figure itself, e.g. "194 km (measured on this map) · RUSI ~200 · White House ~290". */
  text: string;
  /** What it counts, when the figure does not say it itself. */
  what?: string;
  /** Who gives it (for a measured figure: nobody; the text says "measured on this map"). */
  by?: string;
}

/**
 * "194 km (measured on this map) · RUSI ~200 · White House ~290": a measured distance beside the reported ones; while
 * there is no measure, "computing…", or "could not be measured" when the outline to measure to did not load.
 */
export function besideReportedText(
  lang: Lang,
  km: number | undefined,
  reported: readonly ReportedFigure[],
  unavailable = false,
): string {
  const measured =
    km !== undefined
      ? `${formatKm(lang, km)} (${t(lang, 'figure.measured')})`
      : t(lang, unavailable ? 'dist.unavailable' : 'dist.computing');
  const others = reported.map((f) => {
    const approx = f.qualifier === 'about' ? '~' : f.qualifier ? `${t(lang, `qualifier.${f.qualifier}`)} ` : '';
    return `${lang === 'uk' ? f.by_uk : f.by_en} ${approx}${formatNumber(lang, f.value)}`;
  });
  return [measured, ...others].join(' · ');
}

/** The key figure of `feature`, or undefined when it has none worth leading with. */
export function keyFigureFor(feature: StoryFeature, lang: Lang, ctx: DistanceContext): KeyFigure | undefined {
  const rows = distancesFor(feature, ctx);
  const toUkraine = rows.find((r) => r.kind === 'to-ukraine');
  if (toUkraine?.kind === 'to-ukraine') {
    return {
      text: besideReportedText(lang, toUkraine.km, toUkraine.reported, toUkraine.unavailable),
      what: t(lang, 'figure.toUkraine'),
    };
  }
  const figure = feature.properties.reported?.[0];
  if (figure) {
    return {
      text: formatFigure(lang, figure),
      what: lang === 'uk' ? figure.what_uk : figure.what_en,
      by: lang === 'uk' ? figure.by_uk : figure.by_en,
    };
  }
  const drawn = rows.find((r) => r.kind === 'rail-length' || r.kind === 'route-length');
  if (drawn && (drawn.kind === 'rail-length' || drawn.kind === 'route-length')) {
    return { text: `${formatKm(lang, drawn.km)} (${t(lang, 'figure.drawn')})` };
  }
  return undefined;
}
