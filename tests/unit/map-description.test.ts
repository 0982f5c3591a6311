/** Issue #25 (4): the map's description says what is shown now, in the reader's language. */
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/strings';
import type { StoryLayerData } from '../../src/story/prepare-story';
import { dayOf } from '../../src/story/timeline';
import type { StoryFeature } from '../../src/story/types';
import { mapDescriptionText } from '../../src/ui/MapDescription';

function feature(id: string, name_en: string, name_uk: string): StoryFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [0, 0] },
    properties: { id, name_en, name_uk } as StoryFeature['properties'],
  };
}

const layers: StoryLayerData[] = [
  { id: 'ports', features: [feature('rajin-port', 'Rajin port', 'Порт Раджин')] },
  { id: 'capitals', features: [feature('moscow', 'Moscow', 'Москва')] },
];

describe('mapDescriptionText', () => {
  it('lists the shown layers with their places, and only those', () => {
    const both = mapDescriptionText('en', layers, ['ports', 'capitals'], undefined);
    expect(both).toMatch(/Rajin port/);
    expect(both).toMatch(/Moscow/);
    const one = mapDescriptionText('en', layers, ['ports'], undefined);
    expect(one).toMatch(/Rajin port/);
    expect(one).not.toMatch(/Moscow/);
    expect(mapDescriptionText('en', layers, [], undefined)).toMatch(/All layers are hidden/);
  });

  it('names the day shown, or says every date is shown', () => {
    expect(mapDescriptionText('en', layers, ['ports'], undefined)).toMatch(/All dates are shown/);
    const day = dayOf('2023-09-12');
    expect(mapDescriptionText('en', layers, ['ports'], day)).toMatch(/12 September 2023/);
    expect(mapDescriptionText('uk', layers, ['ports'], day)).toMatch(/12 вересня 2023/);
  });

  it('is in the reader language and points to the text version', () => {
    const uk = mapDescriptionText('uk', layers, ['ports'], undefined);
    expect(uk).toMatch(/Порт Раджин/);
    expect(uk).toContain(t('uk', 'list.title'));
    expect(mapDescriptionText('en', layers, ['ports'], undefined)).toContain(t('en', 'list.title'));
  });
});
