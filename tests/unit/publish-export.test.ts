import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citationFor, exportFileName, storyCollectionFor } from '../../src/export/story-export';
import { parseStoryLayer } from '../../src/story/parse-story';
import { drawnFeature } from '../../src/story/prepare-story';
import { storySources } from '../../src/story/story-sources';
import { STORY_LAYERS } from '../../src/story/types';

const files = STORY_LAYERS.map((id) => {
  const value = JSON.parse(readFileSync(`geo/${id}.geojson`, 'utf8'));
  return { id, value, parsed: parseStoryLayer(`geo/${id}.geojson`, value) };
});
// As the app holds them: parsed, then drawn (great-circle trips densified, with their waypoints kept).
const layers = files.map((f) => ({ id: f.id, features: f.parsed.features.map(drawnFeature) }));
const about = { title: 'Title', credit: 'Credit', url: 'https://news.example/map/#f=moscow' };

describe('the story as one GeoJSON file', () => {
  const collection = JSON.parse(JSON.stringify(storyCollectionFor(layers, about)));

  it('passes the parser that checks geo/, with no error', () => {
    const parsed = parseStoryLayer('download.geojson', collection);
    expect(parsed.errors).toEqual([]);
    expect(parsed.features).toHaveLength(files.reduce((n, f) => n + f.value.features.length, 0));
  });

  it('has each feature as its file has it, with its sources (resolved from geo/sources.json) and its layer', () => {
    const ledger = storySources();
    const resolve = (sourceId: string) => ledger.get(sourceId);
    for (const { id, value } of files) {
      for (const original of value.features) {
        const exported = collection.features.find(
          (f: { properties: { id: string } }) => f.properties.id === original.properties.id,
        );
        expect(exported.geometry, original.properties.id).toEqual(original.geometry);
        const { sources, reported, ...rest } = original.properties;
        expect(exported.properties).toEqual({
          ...rest,
          sources: sources.map(resolve),
          ...(reported && { reported: reported.map((r: { source: string }) => ({ ...r, source: resolve(r.source) })) }),
          layer: id,
        });
        expect(exported.properties.sources.length).toBeGreaterThan(0);
      }
    }
  });

  it('names the map and its link at the top', () => {
    expect(collection).toMatchObject({ type: 'FeatureCollection', title: 'Title', url: about.url });
  });
});

describe('citation and file names', () => {
  // Late on 25 November where the reader is (their local time, whatever the machine's time zone).
  const day = new Date(2026, 10, 25, 23, 30);

  it('cite the map, the article, the link and the day', () => {
    expect(citationFor('en', about.url, day)).toMatch(
      /^Story map .*Ukrinform.*https:\/\/news\.example\/map\/#f=moscow \(accessed 2026-11-25\)$/,
    );
    expect(citationFor('uk', about.url, day)).toMatch(/Укрінформу.*\(дата звернення: 2026-11-25\)$/);
  });

  it('name the files after the story, what they hold and the day', () => {
    expect(exportFileName('map', 'png', day)).toBe('lavrov-pyongyang-map-2026-11-25.png');
    expect(exportFileName('story', 'geojson', day)).toBe('lavrov-pyongyang-story-2026-11-25.geojson');
  });
});

describe('the day in "accessed" is the reader\'s (#26)', () => {
  it.each([
    ['America/Los_Angeles', '2026-11-26T03:00:00Z', '2026-11-25'],
    ['Asia/Tokyo', '2026-11-25T20:00:00Z', '2026-11-26'],
  ])('in %s, %s is %s', (zone, instant, expected) => {
    const before = process.env.TZ;
    process.env.TZ = zone;
    try {
      expect(citationFor('en', about.url, new Date(instant))).toMatch(new RegExp(`\\(accessed ${expected}\\)$`));
      expect(exportFileName('map', 'png', new Date(instant))).toBe(`lavrov-pyongyang-map-${expected}.png`);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
