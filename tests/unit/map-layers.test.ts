import { type StyleSpecification, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { STORY_LAYERS } from '../../src/story/types';
import { basemapUrlsFor, detailSourcesFor, windowSourcesFor } from '../../src/style/basemap-sources';
import { basemapStyle } from '../../src/style/basemap-style';
import { type MapState, mapLayersFor } from '../../src/style/map-layers';
import { storySources } from '../../src/style/story-layers';
import { MOVING_SOURCE } from '../../src/style/time-layers';

const EMPTY = { type: 'FeatureCollection' as const, features: [] };
const urls = basemapUrlsFor('/');
const state = (over: Partial<MapState> = {}): MapState => ({
  lang: 'uk',
  visible: STORY_LAYERS,
  phases: undefined,
  ...over,
});
type Props = Record<string, unknown>;
const layer = (s: MapState, id: string) =>
  mapLayersFor(s).find((l) => l.id === id) as unknown as { layout: Props; paint: Props };

describe('mapLayersFor: the map as a function of the state', () => {
  it('is a valid style with every source the layers draw, in both languages', () => {
    for (const lang of ['uk', 'en'] as const) {
      const base = basemapStyle(lang, urls, true);
      const style = {
        ...base,
        sources: {
          ...base.sources,
          ...detailSourcesFor(urls),
          ...windowSourcesFor(urls),
          ...storySources([]),
          [MOVING_SOURCE]: { type: 'geojson', data: EMPTY },
        },
        layers: mapLayersFor(state({ lang })),
      } as StyleSpecification;
      expect(validateStyleMin(style)).toEqual([]);
    }
  });

  it('hides every part of a hidden story layer, and only those', () => {
    const layers = mapLayersFor(state({ visible: ['ports'] }));
    const hidden = layers.filter((l) => l.layout && 'visibility' in l.layout && l.layout.visibility === 'none');
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((l) => l.id.startsWith('story-') && !l.id.startsWith('story-ports-'))).toBe(true);
  });

  it('labels story places and countries in the reader’s language', () => {
    expect(JSON.stringify(layer(state(), 'story-ports-label').layout['text-field'])).toContain('name_uk');
    expect(JSON.stringify(layer(state({ lang: 'en' }), 'story-ports-label').layout['text-field'])).toContain('name_en');
    expect(JSON.stringify(layer(state({ lang: 'en' }), 'country-labels').layout['text-field'])).not.toEqual(
      JSON.stringify(layer(state(), 'country-labels').layout['text-field']),
    );
    expect(JSON.stringify(layer(state({ lang: 'en' }), 'story-moving-label').layout)).toContain('illustration');
  });

  it('fades a story feature whose time has not come, and leaves all time at full opacity', () => {
    expect(layer(state(), 'story-ports-circle').paint['circle-opacity']).toBe(1);
    const phases = new Map([['tikhoretsk-depot', 'before' as const]]);
    expect(JSON.stringify(layer(state({ phases }), 'story-ports-circle').paint['circle-opacity'])).toContain(
      'tikhoretsk-depot',
    );
  });
});
