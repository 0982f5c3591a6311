/** Issue #24: what a story step draws (step-visuals), a popup's key figure, and which story parts fade by day. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { borderOf } from '../../src/story/border-distance';
import { popupAnchorFor } from '../../src/story/camera';
import { keyFigureFor } from '../../src/story/key-figure';
import { parseStoryLayer } from '../../src/story/parse-story';
import { drawnFeature, indexStory } from '../../src/story/prepare-story';
import { stepVisualFeatures, stepVisualPositions } from '../../src/story/step-visuals';
import type { StepVisual } from '../../src/story/timeline';
import { STORY_LAYERS } from '../../src/story/types';
import { storyOpacityFor } from '../../src/style/time-layers';

const GEO_DIR = fileURLToPath(new URL('../../geo/', import.meta.url));
const UKRAINE_FILE = fileURLToPath(new URL('../../public/basemap/ukraine.geojson', import.meta.url));

const index = indexStory(
  STORY_LAYERS.map((id) => ({
    id,
    features: parseStoryLayer(
      `geo/${id}.geojson`,
      JSON.parse(readFileSync(`${GEO_DIR}${id}.geojson`, 'utf8')),
    ).features.map(drawnFeature),
  })),
);
const steps: { id: string; visual?: StepVisual }[] = JSON.parse(readFileSync(`${GEO_DIR}steps.json`, 'utf8')).steps;
const visualOf = (id: string) => steps.find((s) => s.id === id)?.visual;

function loadUkraine(): Feature<Polygon | MultiPolygon> | undefined {
  if (!existsSync(UKRAINE_FILE)) return undefined;
  const value = JSON.parse(readFileSync(UKRAINE_FILE, 'utf8')) as
    | Feature<Polygon | MultiPolygon>
    | FeatureCollection<Polygon | MultiPolygon>;
  return value.type === 'FeatureCollection' ? value.features[0] : value;
}
const area = loadUkraine();
const ukraine = area && borderOf(area);

describe('the depot step (step 6)', () => {
  it.skipIf(!ukraine)(
    'draws the nearest-border line from the depot, labelled with the measured and reported figures',
    () => {
      const drawn = stepVisualFeatures(visualOf('depot'), 'en', { index, ukraine });
      const line = drawn.features.find((f) => f.properties?.role === 'border-line');
      expect(line?.geometry.type).toBe('LineString');
      const [from, to] = (line!.geometry as { coordinates: number[][] }).coordinates;
      expect(from).toEqual((index.get('tikhoretsk-depot')!.feature.geometry as Point).coordinates);
      expect(ukraine!.distanceKm(to!)).toBeLessThan(1);
      const label = drawn.features.find((f) => f.properties?.role === 'label')?.properties?.text;
      expect(label).toMatch(/^19\d km \(measured on this map\) · RUSI ~200 · White House ~290$/);
      const uk = stepVisualFeatures(visualOf('depot'), 'uk', { index, ukraine });
      expect(uk.features.find((f) => f.properties?.role === 'label')?.properties?.text).toMatch(
        /^19\d км \(виміряно на цій карті\) · RUSI ~200 · Білий дім ~290$/,
      );
      // The camera frames the border point too, so Ukraine is in view.
      expect(stepVisualPositions(visualOf('depot'), { index, ukraine })).toContainEqual(to);
    },
  );

  it('draws nothing until Ukraine is loaded', () => {
    expect(stepVisualFeatures(visualOf('depot'), 'en', { index, ukraine: undefined }).features).toEqual([]);
  });
});

describe('the other steps’ visuals', () => {
  it('names the stops step 4 names, in the reader’s language', () => {
    const texts = (lang: 'uk' | 'en') =>
      stepVisualFeatures(visualOf('kim-train'), lang, { index, ukraine: undefined }).features.map(
        (f) => f.properties?.text,
      );
    expect(texts('en')).toEqual(['Khasan', 'Vostochny Cosmodrome']);
    expect(texts('uk')).toEqual(['Хасан', 'Космодром Восточний']);
  });

  it('puts step 3’s containers at Najin and the Angara at Dunai, and no ship anywhere else', () => {
    const drawn = stepVisualFeatures(visualOf('white-house-imagery'), 'en', { index, ukraine: undefined }).features;
    const at = (role: string) => drawn.filter((f) => f.properties?.role === role).map((f) => f.properties?.id);
    expect(at('containers')).toEqual(['rajin-port']);
    expect(at('ship')).toEqual(['dunai-port']);
    expect(drawn.map((f) => f.properties?.text)).toEqual([
      'About 300 containers at Najin, 7–8 Sep (White House)',
      "The Angara at Dunai, 12 Sep (The Daily Beast's reading of a White House graphic)",
    ]);
  });
});

describe('a popup’s key figure', () => {
  it('leads the depot with the measured distance beside the sources’ figures', () => {
    const depot = index.get('tikhoretsk-depot')!.feature;
    expect(keyFigureFor(depot, 'en', { index, ukraine })?.text).toMatch(
      ukraine ? /^19\d km \(measured on this map\) · RUSI ~200 · White House ~290$/ : /^computing…/,
    );
  });

  it('says the depot’s distance could not be measured when Ukraine’s outline failed, in both languages (#26)', () => {
    const depot = index.get('tikhoretsk-depot')!.feature;
    const failed = { index, ukraine: 'unavailable' as const };
    expect(keyFigureFor(depot, 'en', failed)?.text).toBe(
      "could not be measured: Ukraine's outline did not load · RUSI ~200 · White House ~290",
    );
    expect(keyFigureFor(depot, 'uk', failed)?.text).toMatch(/^не вдалося виміряти: контур України не завантажився · /);
    expect(keyFigureFor(depot, 'en', { index, ukraine: undefined })?.text).toMatch(/^computing… · /);
  });

  it('gives a port the first figure a source reports, with who reports it', () => {
    expect(keyFigureFor(index.get('rajin-port')!.feature, 'en', { index, ukraine })).toMatchObject({
      text: 'about 300 containers',
      by: 'White House',
    });
  });

  it('points a line’s popup at the line’s southern end (it hangs below it), not its middle', () => {
    const shuttle = index.get('angara-maria-shuttle')!.feature;
    const coordinates = (shuttle.geometry as { coordinates: number[][] }).coordinates;
    expect(popupAnchorFor(shuttle)).toEqual(coordinates[0]); // Rajin, south-west of Dunai
    const rail = index.get('dunai-tikhoretsk-rail')!.feature;
    expect(popupAnchorFor(rail)).toEqual((rail.geometry as { coordinates: number[][] }).coordinates[0]); // Dunai
  });
});

describe('time styling', () => {
  it('fades events and routes by day, but keeps places (capitals, ports, the depot) at full strength', () => {
    const fade = ['match', ['get', 'id'], ['a'], 0.12, 0.7] as never;
    expect(storyOpacityFor('line', 'story-ports-line', fade)).toBe(fade);
    expect(storyOpacityFor('symbol', 'story-lavrov-flight-arrows', fade)).toBe(fade);
    const point = storyOpacityFor('circle', 'story-capitals-circle', fade) as unknown[];
    expect(point[0]).toBe('case');
    expect(JSON.stringify(point[1])).toContain('capital');
    expect(JSON.stringify(point[1])).toContain('ammunition-depot');
    expect(point[2]).toBe(1);
  });
});
