/**
 * Keeps the URL hash and the model in step: the hash is read once at start and on every `hashchange`,
 * and written (throttled, with `history.replaceState`) when the camera, layers, selection or language
 * change, and when the story's day or step changes. It is the hash's only writer (MapLibre's `hash` option is off); keys it does not own stay as they are.
 */
import { effect } from '@preact/signals';
import { DEFAULT_LANG, type Lang } from '../i18n/strings';
import type { Model } from '../state/model';
import { formatUrlState, layersForUrl, parseUrlState, type UrlState } from '../state/url-state';
import { STORY_LAYERS } from '../story/types';

const WRITE_DELAY_MS = 250;

/**
 * Applies a parsed link to the model: camera (when it has one), language, visible layers and selection. A link without
 * `lang=` is in the page's own language (`pageLang`: Ukrainian at the root, English under en/).
 */
export function applyUrlState(model: Model, state: UrlState, pageLang: Lang = DEFAULT_LANG): void {
  if (state.camera) model.camera.value = state.camera;
  model.lang.value = state.lang ?? pageLang;
  model.setVisibleLayers(state.layers ?? STORY_LAYERS);
  model.select(state.feature, 'url');
  // The day and the step as the link gives them; once the timeline is loaded, `time.settle` drops what it lacks.
  model.time.date.value = state.time;
  model.time.step.value = state.step;
  settleLinkedTime(model, state);
}

/**
 * Once the timeline is loaded, checks the link's day and step against it (out of range: all time, the free map) and
 * completes a hand-written step link: the step's day when it gives no `t=`, its layers when no `layers=`, and its
 * camera when no `map=`. A link the app wrote carries all of them and reopens exactly what was seen.
 */
export function settleLinkedTime(model: Model, state: UrlState): void {
  const { time } = model;
  if (!time.timeline.peek()) return;
  time.settle();
  const step = state.step === undefined ? undefined : time.currentStep.peek();
  if (!step) return;
  if (state.time === undefined) time.date.value = step.date;
  if (state.layers === undefined) model.setVisibleLayers(step.layers);
  if (state.camera === undefined) time.stepCamera.value++;
}

/**
 * The hash for the model's state, keeping the keys of `currentHash` that the app does not own; `lang=` only when the
 * language is not the page's own.
 */
export function hashFor(model: Model, currentHash: string, pageLang: Lang = DEFAULT_LANG): string {
  const current = parseUrlState(currentHash);
  return formatUrlState({
    other: current.other,
    camera: model.camera.value,
    layers: layersForUrl(model.visibleLayers.value),
    feature: model.selected.value?.feature.properties.id,
    lang: model.lang.value === pageLang ? undefined : model.lang.value,
    time: model.time.date.value,
    step: model.time.step.value,
  });
}

/** Starts syncing; returns `{ flush, dispose }` (flush writes a pending change now, e.g. before sharing). */
export function bindUrl(
  model: Model,
  win: Window = window,
  pageLang: Lang = DEFAULT_LANG,
): { flush: () => void; dispose: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    timer = undefined;
    const next = hashFor(model, win.location.hash, pageLang);
    if (next === win.location.hash || (next === '' && win.location.hash === '#')) return;
    const url = `${win.location.pathname}${win.location.search}${next}`;
    win.history.replaceState(win.history.state, '', url);
  };
  const stop = effect(() => {
    // Read every signal the hash depends on, so the effect re-runs when any changes.
    model.camera.value;
    model.visibleLayers.value;
    model.selected.value;
    model.lang.value;
    model.time.date.value;
    model.time.step.value;
    if (!model.dataLoaded.value) return;
    if (timer === undefined) timer = setTimeout(write, WRITE_DELAY_MS);
  });
  const onHashChange = () => {
    const state = parseUrlState(win.location.hash);
    applyUrlState(model, state, pageLang);
  };
  win.addEventListener('hashchange', onHashChange);
  return {
    flush: () => {
      if (timer !== undefined) {
        clearTimeout(timer);
        write();
      }
    },
    dispose: () => {
      stop();
      if (timer !== undefined) clearTimeout(timer);
      win.removeEventListener('hashchange', onHashChange);
    },
  };
}
