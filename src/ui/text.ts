/** Small helpers for components: a feature's name and summary in the reader's language. */
import type { Lang } from '../i18n/strings';
import type { StoryProperties } from '../story/types';

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
