import {
  createExpression,
  type FilterSpecification,
  featureFilter,
  type LayerSpecification,
  type LineLayerSpecification,
  type StyleSpecification,
  validateStyleMin,
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../src/i18n/strings';
import { STORY_LAYERS, type StoryLayerId } from '../../src/story/types';
import {
  basemapUrlsFor,
  DETAIL_LABEL_SOURCES,
  DETAIL_SOURCES,
  DETAIL_ZOOM,
  needsDetail,
  needsWindows,
  WINDOW_SOURCES,
  WINDOW_ZOOM,
} from '../../src/style/basemap-sources';
import {
  basemapLayers,
  basemapStyle,
  countryLabelFieldFor,
  detailLayers,
  placeDotImage,
  windowLayers,
} from '../../src/style/basemap-style';
import { labelFieldFor, labelTextFor, PORT_LABEL_ZOOM } from '../../src/style/story-labels';
import {
  allStoryLayerSpecs,
  arrowImageIdFor,
  clickableLayerIds,
  mapLayerIdFor,
  mapLayerIdsFor,
  STORY_LAYER_PROPERTY,
  STORY_SOURCE,
  storyLayerSpecs,
  storySources,
} from '../../src/style/story-layers';

/** The whole style the app runs: the bundled basemap plus every story layer on an empty GeoJSON source. */
function fullStyle(lang: Lang): StyleSpecification {
  const base = basemapStyle(lang, basemapUrlsFor('/'));
  return {
    ...base,
    sources: { ...base.sources, ...storySources([]) },
    layers: [...base.layers, ...allStoryLayerSpecs(lang)],
  } as StyleSpecification;
}

describe('the full style', () => {
  it.each(LANGS)('passes the style spec validator with no errors in %s', (lang) => {
    const errors = validateStyleMin(fullStyle(lang)).map((e) => e.message);
    expect(errors).toEqual([]);
  });

  it('changes paint at once: no 300 ms transitions (each would draw extra frames while the map loads)', () => {
    expect(fullStyle('uk').transition).toEqual({ duration: 0, delay: 0 });
  });

  it('passes the validator with every story layer hidden', () => {
    const base = fullStyle('en');
    const style = {
      ...base,
      layers: [...basemapLayers('en', false), ...allStoryLayerSpecs('en', [])],
    } as StyleSpecification;
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
  });

  it('lets the validator catch a broken layer (the check can fail)', () => {
    const style = fullStyle('en');
    const broken = { ...style, layers: [...style.layers, { id: 'x', type: 'line', source: 'nowhere' }] };
    expect(validateStyleMin(broken as StyleSpecification).length).toBeGreaterThan(0);
  });

  it.each(LANGS)('has unique layer ids in %s', (lang) => {
    const ids = fullStyle(lang).layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names every source a layer uses', () => {
    const style = fullStyle('uk');
    for (const layer of style.layers) {
      if ('source' in layer && typeof layer.source === 'string')
        expect(Object.keys(style.sources)).toContain(layer.source);
    }
  });

  it('labels countries and story points in the reader’s language', () => {
    expect(countryLabelFieldFor('uk')).toEqual(['get', 'name_uk']);
    expect(countryLabelFieldFor('en')).toEqual(['get', 'name_en']);
    expect(labelFieldFor('uk')).toEqual(['get', 'name_uk']);
    expect(labelFieldFor('en')).toEqual(['get', 'name_en']);
    expect(JSON.stringify(fullStyle('en').layers)).not.toContain('name_uk');
    expect(JSON.stringify(fullStyle('uk').layers)).not.toContain('name_en');
  });
});

describe('detailed basemap files', () => {
  it('are not in the world-view style, only in the detailed one', () => {
    const urls = basemapUrlsFor('/');
    const world = basemapStyle('uk', urls, false);
    const lazy: readonly string[] = [...DETAIL_SOURCES, ...DETAIL_LABEL_SOURCES, ...WINDOW_SOURCES];
    for (const id of lazy) expect(world.sources[id]).toBeUndefined();
    expect(world.layers.some((l) => 'source' in l && lazy.includes(l.source))).toBe(false);
    expect(world.layers.map((l) => l.id)).toContain('sea-labels');
    const close = basemapStyle('uk', urls, true);
    for (const id of DETAIL_SOURCES) expect((close.sources[id] as { data: unknown }).data).toBe(urls.detail[id]);
    for (const id of WINDOW_SOURCES) expect((close.sources[id] as { data: unknown }).data).toBe(urls.window[id]);
    // Every detailed land and border file is drawn, as a fill and a line (near and far), and the detailed labels as
    // symbols; every close-up layer draws a close-up file.
    const sourceOf = (l: LayerSpecification) => ('source' in l ? l.source : undefined);
    const detail = detailLayers('uk');
    const shapes = detail.filter((l) => l.type === 'fill' || l.type === 'line');
    expect(new Set(shapes.map(sourceOf))).toEqual(new Set(DETAIL_SOURCES));
    // Each detailed land file as land and, from its extent feature, as the sea under that land.
    expect(detail.filter((l) => l.type === 'fill').length).toBe(4);
    expect(detail.filter((l) => l.type === 'line').length).toBe(2);
    expect(detail.filter((l) => l.type === 'symbol').length).toBe(2);
    // The close-up land and borders draw their files; one more layer, the land file's extent in the sea colour,
    // hides the coarse coast.
    const windowSources = windowLayers('uk').map(sourceOf);
    expect(new Set(windowSources)).toEqual(new Set(WINDOW_SOURCES));
    expect(windowSources.length).toBe(WINDOW_SOURCES.length + 1);
    expect(validateStyleMin(close)).toEqual([]);
    expect(needsDetail(2.5)).toBe(false);
    expect(needsDetail(DETAIL_ZOOM)).toBe(true);
  });

  it('loads the close-up files only near WINDOW_ZOOM over a window', () => {
    const aroundDunai = [131.5, 42.5, 133, 43.3];
    const overMoscow = [36, 55, 39, 56.5];
    expect(needsWindows(4, aroundDunai)).toBe(false);
    expect(needsWindows(WINDOW_ZOOM, aroundDunai)).toBe(true);
    expect(needsWindows(WINDOW_ZOOM, [39, 45, 41, 46.5])).toBe(true);
    expect(needsWindows(8, overMoscow)).toBe(false);
  });

  it('draws a town dot: opaque at the centre, transparent in the corners', () => {
    const { width, height, data } = placeDotImage(12);
    expect(data.length).toBe(width * height * 4);
    const alphaAt = (x: number, y: number) => data[(y * width + x) * 4 + 3];
    expect(alphaAt(6, 6)).toBe(255);
    expect(alphaAt(0, 0)).toBe(0);
  });
});

describe('basemapUrlsFor', () => {
  it('resolves every basemap file under the base path', () => {
    expect(basemapUrlsFor('/story/')).toEqual({
      landLow: '/story/basemap/land-low.geojson',
      bordersLow: '/story/basemap/borders-low.geojson',
      labels: '/story/basemap/labels.geojson',
      seas: '/story/basemap/seas.geojson',
      detail: {
        'land-high': '/story/basemap/land-high.geojson',
        'borders-high': '/story/basemap/borders-high.geojson',
        'land-outside': '/story/basemap/land-outside.geojson',
        'borders-outside': '/story/basemap/borders-outside.geojson',
      },
      detailLabels: {
        'labels-detail': '/story/basemap/labels-detail.geojson',
        places: '/story/basemap/places.geojson',
      },
      window: {
        'land-window': '/story/basemap/land-window.geojson',
        'borders-window': '/story/basemap/borders-window.geojson',
      },
    });
  });
});

describe('story layer ids', () => {
  it.each(STORY_LAYERS)('mapLayerIdsFor(%s) lists exactly the map layers that draw its features', (layer) => {
    // Points and lines, solid and dashed: every kind of feature a story layer has.
    const features = [1, 2].flatMap((type) =>
      ['reported', 'estimated'].map((confidence) => ({
        type,
        properties: { [STORY_LAYER_PROPERTY]: layer, confidence, kind: 'port' },
      })),
    );
    const drawing = allStoryLayerSpecs('uk')
      .filter((spec) => {
        const { filter } = featureFilter((spec as { filter?: FilterSpecification }).filter, 'layers');
        return features.some((f) => filter({ zoom: 3 } as never, f as never));
      })
      .map((spec) => spec.id);
    expect([...drawing].sort()).toEqual([...mapLayerIdsFor(layer)].sort());
  });

  it('names the ports from PORT_LABEL_ZOOM (above a phone’s first view), the capitals and the depot at every zoom', () => {
    const text = createExpression(labelTextFor('en'), 'layers[0].layout.text-field');
    if (text.result !== 'success') throw new Error(JSON.stringify(text.value));
    const nameAt = (zoom: number, kind: string) =>
      text.value.evaluate({ zoom } as never, { type: 'Point', properties: { kind, name_en: kind } } as never);
    expect([1.3, 2.1].map((z) => nameAt(z, 'port'))).toEqual(['', 'port']);
    expect(nameAt(1.3, 'naval-facility')).toBe('');
    expect(nameAt(PORT_LABEL_ZOOM, 'naval-facility')).toBe('naval-facility');
    expect([1.3, 2.1].map((z) => nameAt(z, 'capital'))).toEqual(['capital', 'capital']);
    expect(nameAt(1.3, 'ammunition-depot')).toBe('ammunition-depot');
  });

  it('draws the capitals’ names topmost, so MapLibre places them before the ports’ where names crowd', () => {
    const labels = allStoryLayerSpecs('en')
      .map((spec) => spec.id)
      .filter((id) => id.endsWith('-label'));
    expect(labels.at(-1)).toBe(mapLayerIdFor('capitals', 'label'));
    expect(labels.indexOf(mapLayerIdFor('ports', 'label'))).toBeLessThan(labels.length - 1);
  });

  it('gives every story layer its own ids, sharing none with another', () => {
    const all = STORY_LAYERS.flatMap(mapLayerIdsFor);
    expect(new Set(all).size).toBe(all.length);
  });

  it('lists every clickable layer as a real layer, points before lines', () => {
    const specs = new Map(allStoryLayerSpecs('en').map((s) => [s.id, s]));
    const clickable = clickableLayerIds();
    const types = clickable.map((id) => specs.get(id)?.type);
    expect(types.every((t) => t === 'circle' || t === 'line')).toBe(true);
    const lastPoint = types.lastIndexOf('circle');
    const firstLine = types.indexOf('line');
    expect(lastPoint).toBeGreaterThanOrEqual(0);
    expect(firstLine).toBeGreaterThan(lastPoint);
  });

  it('makes every point and line layer clickable', () => {
    const hittable = allStoryLayerSpecs('en')
      .filter((s) => s.type === 'circle' || s.type === 'line')
      .map((s) => s.id);
    expect([...clickableLayerIds()].sort()).toEqual(hittable.sort());
  });

  it('draws every line and arrow under every point, and every point under every label', () => {
    const specs = allStoryLayerSpecs('en');
    const lastIndex = (pred: (id: string) => boolean) => specs.map((s) => s.id).findLastIndex(pred);
    const firstIndex = (pred: (id: string) => boolean) => specs.findIndex((s) => pred(s.id));
    const isLinePart = (id: string) => /-(line|line-dashed|arrows)$/.test(id);
    expect(lastIndex(isLinePart)).toBeLessThan(firstIndex((id) => id.endsWith('-circle')));
    expect(lastIndex((id) => id.endsWith('-circle'))).toBeLessThan(firstIndex((id) => id.endsWith('-label')));
  });
});

describe('the story source', () => {
  const point = (id: string) =>
    ({
      type: 'Feature',
      properties: { id, kind: 'port', confidence: 'reported' },
      geometry: { type: 'Point', coordinates: [130, 42] },
    }) as never;

  it('holds every story layer, so their tiles are laid out together and arrive in the same frame', () => {
    const sources = storySources([
      { id: 'ports', features: [point('rajin-port')] },
      { id: 'capitals', features: [point('moscow'), point('beijing')] },
    ]);
    expect(Object.keys(sources)).toEqual([STORY_SOURCE]);
    const data = sources[STORY_SOURCE]?.data as FeatureCollection;
    expect(data.features.map((f) => [f.properties?.id, f.properties?.[STORY_LAYER_PROPERTY]])).toEqual([
      ['moscow', 'capitals'],
      ['beijing', 'capitals'],
      ['rajin-port', 'ports'],
    ]);
  });

  it.each(STORY_LAYERS)('draws in the parts of %s only the features of that layer', (layer) => {
    const other = STORY_LAYERS.find((l) => l !== layer) as StoryLayerId;
    const feature = (of: StoryLayerId, type: 1 | 2) => ({
      type,
      properties: { [STORY_LAYER_PROPERTY]: of, confidence: type === 2 ? 'estimated' : 'reported', kind: 'port' },
    });
    for (const spec of storyLayerSpecs(layer, 'en')) {
      const { filter } = featureFilter((spec as { filter?: FilterSpecification }).filter, 'layers');
      const type = spec.id.endsWith('-circle') || spec.id.endsWith('-label') ? 1 : 2;
      const confidence = spec.id.endsWith('-line') ? 'reported' : 'estimated';
      const own = { ...feature(layer, type), properties: { ...feature(layer, type).properties, confidence } };
      const others = { ...own, properties: { ...own.properties, [STORY_LAYER_PROPERTY]: other } };
      expect(filter({ zoom: 3 } as never, own as never), `${spec.id} draws its own`).toBe(true);
      expect(filter({ zoom: 3 } as never, others as never), `${spec.id} skips ${other}`).toBe(false);
    }
  });
});

describe('storyLayerSpecs', () => {
  it('hides every part of a layer that starts hidden', () => {
    for (const spec of storyLayerSpecs('kim-train', 'en', false)) expect(spec.layout?.visibility).toBe('none');
    for (const spec of storyLayerSpecs('kim-train', 'en', true)) expect(spec.layout?.visibility).toBe('visible');
  });

  it('sets visibility per layer in allStoryLayerSpecs', () => {
    const specs = allStoryLayerSpecs('en', ['ports']);
    for (const spec of specs) {
      const visible = spec.id.startsWith('story-ports-');
      expect([spec.id, spec.layout?.visibility]).toEqual([spec.id, visible ? 'visible' : 'none']);
    }
  });

  it("tells the two green journeys apart: Lavrov's flight long-dashed, Kim Jong Un's train dotted", () => {
    const dashed = (layer: StoryLayerId) =>
      storyLayerSpecs(layer, 'en').find((s) => s.id === mapLayerIdFor(layer, 'line-dashed')) as LineLayerSpecification;
    const flight = dashed('lavrov-flight');
    const train = dashed('kim-train');
    const dashes = (spec: LineLayerSpecification) => (spec.paint?.['line-dasharray'] ?? []) as number[];
    expect(dashes(flight)).not.toEqual(dashes(train));
    // A dash of length 0 with round ends is a dot.
    expect(dashes(train)[0]).toBe(0);
    expect(train.layout?.['line-cap']).toBe('round');
    expect(dashes(flight)[0]).toBeGreaterThan(2);
  });

  it('draws both journeys under the munitions chain (sea, rail, the ports and the depot)', () => {
    const ids = allStoryLayerSpecs('en').map((s) => s.id);
    for (const journey of ['lavrov-flight', 'kim-train'] as const)
      for (const [part, chain] of [
        ['line-dashed', 'vessel-routes'],
        ['line-dashed', 'rail-route'],
        ['circle', 'ports'],
        ['label', 'ports'],
      ] as const)
        expect(ids.indexOf(mapLayerIdFor(journey, part))).toBeLessThan(ids.indexOf(mapLayerIdFor(chain, part)));
  });

  it('names its arrow image after the layer', () => {
    const arrows = storyLayerSpecs('vessel-routes', 'en').find(
      (s) => s.id === mapLayerIdFor('vessel-routes', 'arrows'),
    );
    expect(arrows?.layout).toMatchObject({ 'icon-image': arrowImageIdFor('vessel-routes') });
  });
});
