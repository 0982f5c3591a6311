import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { effect } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { createModel } from '../../src/state/model';
import { parseStoryLayer } from '../../src/story/parse-story';
import { drawnFeature, type StoryLayerData } from '../../src/story/prepare-story';
import { STORY_LAYERS, type StoryLayerId } from '../../src/story/types';

const GEO_DIR = fileURLToPath(new URL('../../geo/', import.meta.url));

/** The story layers as the loader hands them to the model. */
const STORY: StoryLayerData[] = STORY_LAYERS.map((id) => ({
  id,
  features: parseStoryLayer(id, JSON.parse(readFileSync(`${GEO_DIR}${id}.geojson`, 'utf8'))).features.map(drawnFeature),
}));

function loadedModel() {
  const model = createModel();
  model.setStory(STORY, []);
  return model;
}

describe('createModel', () => {
  it('starts in Ukrainian with every layer visible and nothing selected', () => {
    const model = createModel();
    expect(model.lang.value).toBe('uk');
    expect(model.visibleLayers.value).toEqual(STORY_LAYERS);
    expect(model.selectedId.value).toBeUndefined();
    expect(model.selected.value).toBeUndefined();
    expect(model.mapStatus.value).toBe('loading');
  });

  it('gives each model its own state', () => {
    const a = createModel();
    const b = createModel();
    a.setLayerVisible('kim-train', false);
    expect(b.visibleLayers.value).toEqual(STORY_LAYERS);
  });
});

describe('setLayerVisible', () => {
  it('keeps the canonical order whatever order layers are turned on in', () => {
    const model = createModel();
    for (const id of STORY_LAYERS) model.setLayerVisible(id, false);
    expect(model.visibleLayers.value).toEqual([]);
    const order: StoryLayerId[] = ['kim-train', 'capitals', 'lavrov-flight', 'rail-route'];
    for (const id of order) model.setLayerVisible(id, true);
    expect(model.visibleLayers.value).toEqual(['capitals', 'rail-route', 'lavrov-flight', 'kim-train']);
  });

  it('does nothing visible when a layer is set to the state it already has', () => {
    const model = createModel();
    model.setLayerVisible('ports', true);
    expect(model.visibleLayers.value).toEqual(STORY_LAYERS);
    model.setLayerVisible('ports', false);
    model.setLayerVisible('ports', false);
    expect(model.visibleLayers.value).toEqual(STORY_LAYERS.filter((id) => id !== 'ports'));
  });
});

describe('setVisibleLayers', () => {
  it('puts the layers in the canonical order and drops duplicates', () => {
    const model = createModel();
    model.setVisibleLayers(['kim-train', 'ports', 'kim-train']);
    expect(model.visibleLayers.value).toEqual(['ports', 'kim-train']);
  });
});

describe('selected', () => {
  it('resolves a selected id to its feature and layer once the layers are loaded', () => {
    const model = loadedModel();
    model.select('rajin-port');
    expect(model.selected.value?.layer).toBe('ports');
    expect(model.selected.value?.feature.properties.id).toBe('rajin-port');
  });

  it('resolves a selection made before the story arrives once it does', () => {
    const model = createModel();
    model.select('moscow', 'url');
    expect(model.selected.value).toBeUndefined();
    model.setStory(STORY, []);
    expect(model.selected.value?.feature.properties.name_en).toBe('Moscow');
  });

  it('drops an id that is not in the story', () => {
    const model = loadedModel();
    model.select('atlantis');
    expect(model.selectedId.value).toBeUndefined();
    expect(model.selected.value).toBeUndefined();
  });

  // The rule: a selection exists only while its feature is shown. Hiding its layer drops it from the model (and
  // so from the link); showing the layer again does not bring it back.
  it('drops the selection when its layer is hidden, and does not bring it back when the layer is shown', () => {
    const model = loadedModel();
    model.select('lavrov-trip-oct-2023');
    model.setLayerVisible('lavrov-flight', false);
    expect(model.selectedId.value).toBeUndefined();
    model.setLayerVisible('lavrov-flight', true);
    expect(model.selected.value).toBeUndefined();
  });

  it('ignores a selection of a feature whose layer is hidden', () => {
    const model = loadedModel();
    model.setVisibleLayers(['ports']);
    model.select('moscow');
    expect(model.selectedId.value).toBeUndefined();
  });

  it("drops a link's selection of a hidden layer once the story loads (#layers=ports&f=moscow)", () => {
    const model = createModel();
    model.setVisibleLayers(['ports']);
    model.select('moscow', 'url');
    model.setStory(STORY, []);
    expect(model.selectedId.value).toBeUndefined();
    model.setLayerVisible('capitals', true);
    expect(model.selected.value).toBeUndefined();
  });

  it('clears with select(undefined)', () => {
    const model = loadedModel();
    model.select('beijing');
    model.select(undefined);
    expect(model.selected.value).toBeUndefined();
  });

  it('gives the drawn trip (its arc) with its waypoints', () => {
    const model = loadedModel();
    model.select('lavrov-trip-oct-2023');
    expect(model.selected.value?.feature.properties.waypoints).toHaveLength(3);
  });
});

describe('select', () => {
  it('records where the selection came from, with "map" by default', () => {
    const model = loadedModel();
    model.select('moscow', 'article');
    expect(model.selectionOrigin.value).toBe('article');
    model.select('beijing');
    expect(model.selectionOrigin.value).toBe('map');
  });

  it('updates id and origin together, so an effect never sees one without the other', () => {
    const model = loadedModel();
    const seen: string[] = [];
    const dispose = effect(() => {
      seen.push(`${model.selectedId.value}/${model.selectionOrigin.value}`);
    });
    model.select('moscow', 'list');
    dispose();
    expect(seen).toEqual(['undefined/map', 'moscow/list']);
  });
});

describe('notify', () => {
  it('keeps each notice once, in order', () => {
    const model = createModel();
    model.notify('a');
    model.notify('b');
    model.notify('a');
    expect(model.notices.value).toEqual(['a', 'b']);
  });
});
