import { readFileSync } from 'node:fs';
import { type StyleSpecification, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { movingFeatures } from '../../src/story/moving';
import { parseStoryLayer } from '../../src/story/parse-story';
import { parseTimeline } from '../../src/story/parse-timeline';
import { indexStory } from '../../src/story/prepare-story';
import { dayOf, phasesOn, type Timeline } from '../../src/story/timeline';
import { STORY_LAYERS } from '../../src/story/types';
import { allStoryLayerSpecs, storySources } from '../../src/style/story-layers';
import { MOVING_SOURCE, movingLayerSpecs, opacityPropertiesFor, phaseOpacity } from '../../src/style/time-layers';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const layers = STORY_LAYERS.map((id) => ({ id, features: parseStoryLayer(id, read(`geo/${id}.geojson`)).features }));
const index = indexStory(layers);
const timeline = parseTimeline('geo/events.json', read('geo/events.json'), new Set(index.keys())).timeline as Timeline;
const day = (iso: string) => dayOf(iso)!;
const EMPTY = { type: 'FeatureCollection' as const, features: [] };

describe('phaseOpacity', () => {
  it('is plain 1 when all time is shown', () => {
    expect(phaseOpacity(undefined)).toBe(1);
  });

  it('fades what has not begun, keeps what happens, mutes what is over', () => {
    const expression = phaseOpacity(phasesOn(day('2023-09-13'), timeline.events)) as unknown[];
    expect(expression.slice(0, 2)).toEqual(['match', ['get', 'id']]);
    const branchOf = (id: string) => {
      for (let i = 2; i < expression.length - 1; i += 2) {
        if ((expression[i] as string[]).includes(id)) return expression[i + 1];
      }
      return expression.at(-1);
    };
    expect(branchOf('tikhoretsk-depot')).toBeLessThan(0.2);
    expect(branchOf('vostochny')).toBe(1);
    expect(branchOf('angara-maria-shuttle')).toBe(1);
    expect(branchOf('pyongyang')).toBeGreaterThan(0.2);
    expect(branchOf('pyongyang')).toBeLessThan(1);
  });
});

describe('the style at a day', () => {
  it('validates with the style spec, opacity applied to every story layer, in both languages', () => {
    const opacity = phaseOpacity(phasesOn(day('2023-09-28'), timeline.events));
    for (const lang of ['uk', 'en'] as const) {
      const story = allStoryLayerSpecs(lang).map((layer) => {
        const props = opacityPropertiesFor(layer.type, layer.id);
        expect(props.length, layer.id).toBeGreaterThan(0);
        const paint = { ...(('paint' in layer && layer.paint) || {}) } as Record<string, unknown>;
        for (const p of props) paint[p] = opacity;
        return { ...layer, paint };
      });
      const style = {
        version: 8,
        sources: {
          ...storySources([]),
          [MOVING_SOURCE]: { type: 'geojson', data: EMPTY },
        },
        layers: [...story, ...movingLayerSpecs(lang)],
      } as StyleSpecification;
      expect(validateStyleMin(style)).toEqual([]);
    }
  });

  it('labels the ship as an illustration in both languages', () => {
    const label = (lang: 'uk' | 'en') => JSON.stringify(movingLayerSpecs(lang).at(-1));
    expect(label('uk')).toContain('ілюстрація');
    expect(label('en')).toContain('illustration');
  });
});

describe('movingFeatures', () => {
  const roles = (iso: string, elapsedMs: number | undefined) =>
    movingFeatures({ day: day(iso), elapsedMs, index, events: timeline.events, visible: STORY_LAYERS }).features.map(
      (f) => f.properties?.role,
    );

  it('shows nothing moving before the shuttle starts', () => {
    expect(roles('2023-07-25', 0)).toEqual([]);
  });

  it('runs the ship while the shuttle is reported, and not when nothing may move', () => {
    expect(roles('2023-09-01', 0)).toEqual(['ship']);
    expect(roles('2023-09-01', undefined)).toEqual([]);
  });

  it("puts Kim's train at Vostochny on 13 September, beside the ship", () => {
    const fc = movingFeatures({
      day: day('2023-09-13'),
      elapsedMs: 0,
      index,
      events: timeline.events,
      visible: STORY_LAYERS,
    });
    const train = fc.features.find((f) => f.properties?.role === 'train');
    expect(train?.geometry.coordinates).toEqual([128.3334, 51.8844]);
    expect(roles('2023-09-13', 0)).toEqual(['ship', 'train']);
  });

  it('shows containers arriving at the depot from late September', () => {
    expect(roles('2023-09-20', 0)).not.toContain('containers');
    expect(roles('2023-09-28', 0)).toContain('containers');
  });

  it('shows a moving point only with its layer: no ship while the vessel route is hidden', () => {
    const fc = movingFeatures({
      day: day('2023-09-13'),
      elapsedMs: 0,
      index,
      events: timeline.events,
      visible: ['kim-train'],
    });
    expect(fc.features.map((f) => f.properties?.role)).toEqual(['train']);
  });

  it('puts the ship on the sea route, at Rajin when it sets off', () => {
    const fc = movingFeatures({
      day: day('2023-09-01'),
      elapsedMs: 0,
      index,
      events: timeline.events,
      visible: STORY_LAYERS,
    });
    expect(fc.features[0]?.geometry.coordinates).toEqual([130.3, 42.238]);
  });
});
