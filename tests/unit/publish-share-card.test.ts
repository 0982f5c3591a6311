import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderShareCardSvg, SHARE_CARD_SIZE, wrapWords } from '../../src/static-map/share-card';
import { parseStoryLayer } from '../../src/story/parse-story';
import { drawnFeature } from '../../src/story/prepare-story';
import { STORY_LAYERS } from '../../src/story/types';
import { STORY_BOUNDS } from '../../src/story/view';

describe('wrapWords', () => {
  it('breaks at spaces into lines of at most the given length', () => {
    expect(wrapWords('one two three four', 9, 3)).toEqual(['one two', 'three', 'four']);
  });

  it('puts what does not fit into the last allowed line', () => {
    expect(wrapWords('one two three four', 9)).toEqual(['one two', 'three four']);
  });
});

describe('the share card SVG', () => {
  const layers = STORY_LAYERS.map((id) => ({
    id,
    features: parseStoryLayer(id, JSON.parse(readFileSync(`geo/${id}.geojson`, 'utf8'))).features.map(drawnFeature),
  }));
  const empty = { type: 'FeatureCollection' as const, features: [] };
  const svg = renderShareCardSvg({
    land: empty,
    borders: empty,
    layers,
    bounds: STORY_BOUNDS,
    lang: 'uk',
    labelled: ['moscow'],
    title: 'Alt',
    headline: 'Лавров <у> Пхеньяні & маршрут',
    credit: 'Укрінформ',
  });

  it('is 1200×630 with the headline escaped and the credit', () => {
    expect(SHARE_CARD_SIZE).toEqual({ width: 1200, height: 630 });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1200" height="630"/);
    expect(svg).toContain('Лавров &lt;у&gt; Пхеньяні &amp; маршрут');
    expect(svg).toContain('>Укрінформ</text>');
  });

  it('draws the story from the GeoJSON: a path per line and a circle per point', () => {
    const points = layers.flatMap((l) => l.features).filter((f) => f.geometry.type === 'Point').length;
    expect(svg.match(/<circle /g)).toHaveLength(points);
    expect(svg).toContain('Москва');
  });
});
