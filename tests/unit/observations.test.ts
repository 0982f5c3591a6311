import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { observationsOn, parseObservations } from '../../src/story/observations';
import { dayOf } from '../../src/story/timeline';
import { STORY_LAYERS } from '../../src/story/types';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const { timeline } = read('geo/events.json');
const known = {
  range: [dayOf(timeline.start)!, dayOf(timeline.end)!] as const,
  features: new Set<string>(
    STORY_LAYERS.flatMap((l) => read(`geo/${l}.geojson`).features.map((f: { id: string }) => f.id)),
  ),
};

describe('satellite observations, geo/observations.json (#27 item 4)', () => {
  const parsed = parseObservations('geo/observations.json', read('geo/observations.json'), known);

  it('parse with no error: inside the timeline, known features, sources of the ledger', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.observations.map((o) => o.id)).toEqual([
      'white-house-najin-imagery',
      'voa-planet-rajin',
      'rusi-imagery',
    ]);
  });

  it('each say who took the images, who analysed them, and what they cannot show, in both languages', () => {
    for (const o of parsed.observations) {
      expect(o.taken_by_uk && o.taken_by_en && o.analysed_by_uk && o.analysed_by_en, o.id).toBeTruthy();
      expect(o.hedge_en, o.id).toMatch(/do not show|cannot show/);
      expect(o.hedge_uk, o.id).toMatch(/не показують|неможливо/);
      expect(o.sources[0]?.publisher_en, o.id).toEqual(expect.any(String));
    }
  });

  it('are found by day: 7 September has the White House images of Najin and the VOA series', () => {
    const ids = observationsOn(dayOf('2023-09-07')!, parsed.observations).map((o) => o.id);
    expect(ids).toEqual(['white-house-najin-imagery', 'voa-planet-rajin', 'rusi-imagery']);
    expect(observationsOn(dayOf('2023-08-20')!, parsed.observations).map((o) => o.id)).toEqual(['rusi-imagery']);
    expect(observationsOn(dayOf('2023-10-18')!, parsed.observations)).toEqual([]);
  });

  it('refuses an observation without its hedge in English, or citing an unknown source', () => {
    const fixture = (name: string) => read(`tests/fixtures/ledger/${name}`);
    const missing = parseObservations('o.json', fixture('observation-missing-hedge.json'), known);
    expect(missing.observations).toEqual([]);
    expect(missing.errors[0]).toMatchObject({
      file: 'o.json',
      feature: 'voa-planet-rajin',
      message: expect.stringMatching(/hedge_en/),
    });
    const unknown = parseObservations('o.json', fixture('observation-unknown-source.json'), known);
    expect(unknown.errors).toEqual([
      {
        file: 'o.json',
        feature: 'white-house-najin-imagery',
        message: 'expected sources naming sources of geo/sources.json (no no-such-source)',
      },
    ]);
  });
});
