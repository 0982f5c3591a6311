/**
 * The map's description for screen readers (issue #25): what the map shows now (the layers shown, with their
 * places), which day, and where the text version is. The map canvas points at it with `aria-describedby`.
 */
import { formatIsoDate } from '../i18n/format';
import { type Lang, type StringKey, t, tf } from '../i18n/strings';
import type { Model } from '../state/model';
import type { StoryLayerData } from '../story/prepare-story';
import { isoOfDay } from '../story/timeline';
import type { StoryLayerId } from '../story/types';
import { nameOf } from './text';

export const MAP_DESCRIPTION_ID = 'map-description';

/** The description's text: one sentence per shown layer, then the day, then how to reach the text version. */
export function mapDescriptionText(
  lang: Lang,
  layers: readonly StoryLayerData[],
  visible: readonly StoryLayerId[],
  day: number | undefined,
): string {
  const shown = layers.filter((l) => visible.includes(l.id) && l.features.length > 0);
  const parts = shown.map(
    (l) =>
      `${t(lang, `layers.${l.id}` as StringKey)}: ${l.features.map((f) => nameOf(f.properties, lang)).join(', ')}.`,
  );
  return [
    t(lang, 'map.describeIntro'),
    ...(parts.length > 0 ? parts : [t(lang, 'map.describeNothing')]),
    day === undefined
      ? t(lang, 'map.describeAllTime')
      : tf(lang, 'map.describeDay', { day: formatIsoDate(lang, isoOfDay(day)) }),
    tf(lang, 'map.describeText', { list: t(lang, 'list.title') }),
  ].join(' ');
}

export function MapDescription({ model }: { model: Model }) {
  const text = mapDescriptionText(
    model.lang.value,
    model.layerData.value,
    model.visibleLayers.value,
    model.time.day.value,
  );
  return (
    <p id={MAP_DESCRIPTION_ID} class="visually-hidden">
      {text}
    </p>
  );
}
