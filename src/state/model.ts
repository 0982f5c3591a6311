/**
 * The app's state as a small model of signals: what the reader chose (language, layers, selection)
 * and what was loaded. Components read it and call its actions; effects at the edges react to it.
 */

import { batch, computed, signal } from '@preact/signals-core';
import { DEFAULT_LANG, type Lang } from '../i18n/strings';
import type { UkraineOutline } from '../story/feature-distances';
import type { DataError } from '../story/parse-story';
import { indexStory, type StoryLayerData } from '../story/prepare-story';
import { STORY_LAYERS, type StoryLayerId } from '../story/types';
import { createTimeModel } from './time-model';
import type { Camera } from './url-state';

/** `code-failed`: the map's code chunk did not load (the reader can retry). */
export type MapStatus = 'loading' | 'ready' | 'no-webgl' | 'context-lost' | 'code-failed';

/** Where a selection came from, so focus can go back there when the popup closes. */
export type SelectionOrigin = 'map' | 'list' | 'article' | 'url';

export function createModel() {
  const lang = signal<Lang>(DEFAULT_LANG);
  /** The map's camera as the link holds it; undefined until the link gives one or the map first moves. */
  const camera = signal<Camera | undefined>(undefined);
  const visibleLayers = signal<readonly StoryLayerId[]>(STORY_LAYERS);
  const selectedId = signal<string | undefined>(undefined);
  const selectionOrigin = signal<SelectionOrigin>('map');
  /** The story as loaded: each layer with its parsed features (the layer ids are `STORY_LAYERS`). */
  const layerData = signal<StoryLayerData[]>([]);
  const dataErrors = signal<DataError[]>([]);
  /** Basemap files the map could not load (e.g. `basemap/land-low.geojson`). */
  const basemapErrors = signal<string[]>([]);
  /**
   * Other parts that failed to load, each named (a code chunk such as `TimeBar.js`, Ukraine's outline): shown in the
   * data-error message with the files; its Retry clears them and each part's loader tries again.
   */
  const partErrors = signal<DataError[]>([]);
  /** Counts the reader's Retry clicks on the data-error message; the loaders at the edges react to it. */
  const dataRetries = signal(0);
  /** True once every story file has been fetched (or failed). */
  const dataLoaded = signal(false);
  const mapStatus = signal<MapStatus>('loading');
  const notices = signal<string[]>([]);
  /**
   * Set when a new release's service worker is installed and waiting for this page, which stays on its own release:
   * calling it switches to the new release (the "A new version is ready — reload" notice's button).
   */
  const updateReady = signal<(() => void) | undefined>(undefined);
  /** A sentence of the article to scroll to and highlight (set by "show in article"). */
  const highlightedQuote = signal<string | undefined>(undefined);
  const articleOpen = signal(false);
  /** Ukraine's territory from the basemap, for the depot's distance to the border; loaded after the first view. */
  const ukraine = signal<UkraineOutline>(undefined);
  const listOpen = signal(false);
  /** The layer panel starts open on wide screens and folded on phones (set at start-up). */
  const layersOpen = signal(true);

  const index = computed(() => indexStory(layerData.value));
  /** The selected feature. A selection exists only while its feature is loaded and its layer shown (see `keep`). */
  const selected = computed(() => {
    const id = selectedId.value;
    const hit = id === undefined ? undefined : index.value.get(id);
    return hit && visibleLayers.value.includes(hit.layer) ? hit : undefined;
  });

  /**
   * The one rule for a selection and the link: once the story is loaded, a selection of a feature that is not in
   * it or whose layer is hidden is dropped from the model itself, so it can neither linger in the URL nor come
   * back (popup and all) when the layer is shown again.
   */
  function dropHiddenSelection() {
    if (!dataLoaded.peek() || selectedId.peek() === undefined) return;
    if (!selected.peek()) selectedId.value = undefined;
  }

  function select(id: string | undefined, origin: SelectionOrigin = 'map') {
    batch(() => {
      // A passage of the article chosen during a story step whose layers hide its feature: the reader leaves the
      // step for the free map, with the feature's layer shown, and sees it.
      const hit = id === undefined ? undefined : index.value.get(id);
      if (origin === 'article' && hit && time.step.peek() !== undefined && !visibleLayers.peek().includes(hit.layer)) {
        time.exitStory();
        visibleLayers.value = STORY_LAYERS.filter((l) => l === hit.layer || visibleLayers.peek().includes(l));
      }
      selectionOrigin.value = origin;
      selectedId.value = id;
      dropHiddenSelection();
    });
  }

  function setLayerVisible(id: StoryLayerId, visible: boolean) {
    const next = new Set(visibleLayers.value);
    if (visible) next.add(id);
    else next.delete(id);
    batch(() => {
      visibleLayers.value = STORY_LAYERS.filter((l) => next.has(l));
      dropHiddenSelection();
    });
  }

  function setVisibleLayers(ids: readonly StoryLayerId[]) {
    batch(() => {
      visibleLayers.value = STORY_LAYERS.filter((l) => ids.includes(l));
      dropHiddenSelection();
    });
  }

  /** The story as loaded (each file's features, and what went wrong); applies the selection rule. */
  function setStory(next: StoryLayerData[], errors: DataError[]) {
    batch(() => {
      layerData.value = next;
      dataErrors.value = errors;
      dataLoaded.value = true;
      dropHiddenSelection();
    });
  }

  /** Opens the article and highlights the passage `quote` ("show in article" from a popup or the list). */
  function showInArticle(quote: string) {
    batch(() => {
      highlightedQuote.value = quote;
      articleOpen.value = true;
    });
  }

  /** The story's time and guided steps. */
  const time = createTimeModel();

  /** Opens story step `index`: its day, its layers, and a camera on its features. */
  function openStep(index: number) {
    batch(() => {
      time.goToStep(index);
      const step = time.currentStep.peek();
      if (step) setVisibleLayers(step.layers);
    });
  }

  /** Asks the loaders to fetch every failed story and basemap file, and every failed part, again. */
  function retryData() {
    batch(() => {
      partErrors.value = [];
      dataRetries.value++;
    });
  }

  /** Names a part that failed to load (once, however often it fails), for the data-error message. */
  function reportPartError(error: DataError) {
    if (partErrors.peek().some((e) => e.file === error.file)) return;
    partErrors.value = [...partErrors.peek(), error];
  }

  function notify(message: string) {
    if (!notices.value.includes(message)) notices.value = [...notices.value, message];
  }

  return {
    lang,
    camera,
    visibleLayers,
    selectedId,
    selectionOrigin,
    layerData,
    dataErrors,
    basemapErrors,
    partErrors,
    reportPartError,
    dataRetries,
    retryData,
    dataLoaded,
    mapStatus,
    notices,
    updateReady,
    highlightedQuote,
    articleOpen,
    ukraine,
    listOpen,
    layersOpen,
    index,
    selected,
    select,
    setLayerVisible,
    setVisibleLayers,
    setStory,
    notify,
    showInArticle,
    time,
    openStep,
  };
}

export type Model = ReturnType<typeof createModel>;
