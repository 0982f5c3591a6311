/** Small helpers for components: a feature's or a source's text in the reader's language. */
import type { Lang } from '../i18n/strings';
import type { ReportedFigure, Source, StoryProperties } from '../story/types';

/** The feature's name in `lang`. */
export function nameOf(p: StoryProperties, lang: Lang): string {
  return lang === 'uk' ? p.name_uk : p.name_en;
}

/** The feature's one-line summary in `lang`. */
export function summaryOf(p: StoryProperties, lang: Lang): string {
  return lang === 'uk' ? p.summary_uk : p.summary_en;
}

/** The feature's period in `lang`, if it has one. */
export function periodOf(p: StoryProperties, lang: Lang): string | undefined {
  return lang === 'uk' ? p.period_uk : p.period_en;
}

/** How an estimated or schematic feature was placed, in `lang`. */
export function placementOf(p: StoryProperties, lang: Lang): string | undefined {
  return lang === 'uk' ? p.placement_note_uk : p.placement_note_en;
}

/** The ships' names in `lang`. */
export function vesselsOf(p: StoryProperties, lang: Lang): string[] {
  return (lang === 'uk' ? p.vessels_uk : p.vessels_en) ?? [];
}

/** The publisher's name in `lang`. */
export function publisherOf(s: Source, lang: Lang): string {
  return lang === 'uk' ? s.publisher_uk : s.publisher_en;
}

/** Our description of a source whose headline is not verified, in `lang`. */
export function aboutOf(s: Source, lang: Lang): string | undefined {
  return lang === 'uk' ? s.about_uk : s.about_en;
}

/** Who gives a figure, and what it counts, in `lang`. */
export function figureTextOf(f: ReportedFigure, lang: Lang): { by: string; what: string } {
  return lang === 'uk' ? { by: f.by_uk, what: f.what_uk } : { by: f.by_en, what: f.what_en };
}
