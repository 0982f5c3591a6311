/**
 * Binds the story's time to the map (the story layers' opacity for the day is set with every other layer property, in
 * src/map/apply-layers.ts): the moving points (the
 * illustrative ship, Kim's train, containers arriving), the camera for a story step, and a Home control back to the
 * overview. One requestAnimationFrame loop moves the ship; it runs only while time plays, the shuttle is reported,
 * motion is allowed, the tab is visible and the map is on screen, so a paused map renders no frames.
 * Returns a dispose function.
 */
import { effect } from '@preact/signals';
import type { GeoJSONSource, IControl, Map as MapLibreMap } from 'maplibre-gl';
import { t } from '../i18n/strings';
import type { Model } from '../state/model';
import { LAYER_OF_ROLE, movingFeatures, SHUTTLE_ID } from '../story/moving';
import { boundsOfFeatures } from '../story/step-camera';
import { stepVisualPositions } from '../story/step-visuals';
import { phasesOn } from '../story/timeline';
import { firstViewPadding } from '../story/view';
import { MOVING_SOURCE, movingLayerSpecs } from '../style/time-layers';
import { bindStepVisual } from './bind-step-visual';

export interface BindTimeOptions {
  map: MapLibreMap;
  model: Model;
  reducedMotion: () => boolean;
  /** The story's overview, for the Home control. */
  overview: [[number, number], [number, number]];
}

/**
 * Camera padding for a step. The step's text sits beside the map (under it on phones), so nothing but the map's own
 * controls (top right), the credits (bottom) and the labels that run beside their dots needs room.
 */
function stepPadding(map: MapLibreMap) {
  const { width } = map.getContainer().getBoundingClientRect();
  return width <= 480 ? { top: 40, right: 64, bottom: 56, left: 48 } : { top: 50, right: 120, bottom: 60, left: 90 };
}

export function bindTime({ map, model, reducedMotion, overview }: BindTimeOptions): () => void {
  const { time } = model;
  // Whether the source is known to hold no points: then an empty update is not sent (each update makes the worker
  // re-tile the source and the map draw a frame, e.g. when the timeline arrives after ready with no day chosen).
  // The source starts empty both ways: from the bundled style (withMoving) or added here.
  let shownEmpty = true;
  // A style given as a URL (the online basemap) does not carry the moving points yet: add them on top.
  if (!map.getSource(MOVING_SOURCE)) {
    map.addSource(MOVING_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    for (const spec of movingLayerSpecs(model.lang.peek())) map.addLayer(spec);
  }
  const source = () => map.getSource(MOVING_SOURCE) as GeoJSONSource | undefined;
  const disposers: (() => void)[] = [];

  // The moving points: redrawn when the day changes, and by the loop while the ship sails.
  let elapsedMs = 0;
  let frame: number | undefined;
  let last: number | undefined;
  let onScreen = true;
  const draw = () => {
    const day = time.day.peek();
    const events = time.timeline.peek()?.events;
    const data =
      day === undefined || !events
        ? { type: 'FeatureCollection' as const, features: [] }
        : movingFeatures({
            day,
            elapsedMs: reducedMotion() ? undefined : elapsedMs,
            index: model.index.peek(),
            events,
            visible: model.visibleLayers.peek(),
          });
    const empty = data.features.length === 0;
    if (empty && shownEmpty) return;
    shownEmpty = empty;
    source()?.setData(data);
  };
  const shipMayMove = () => {
    const day = time.day.peek();
    const events = time.timeline.peek()?.events;
    return (
      time.playing.peek() &&
      !reducedMotion() &&
      !document.hidden &&
      onScreen &&
      day !== undefined &&
      events !== undefined &&
      model.visibleLayers.peek().includes(LAYER_OF_ROLE.ship) &&
      phasesOn(day, events).get(SHUTTLE_ID) === 'active'
    );
  };
  const tick = (now: number) => {
    frame = undefined;
    if (!shipMayMove()) {
      last = undefined;
      return;
    }
    elapsedMs += last === undefined ? 0 : now - last;
    last = now;
    draw();
    frame = requestAnimationFrame(tick);
  };
  const startOrStop = () => {
    if (shipMayMove() && frame === undefined) frame = requestAnimationFrame(tick);
  };
  disposers.push(
    effect(() => {
      time.day.value;
      time.timeline.value;
      time.playing.value;
      model.index.value;
      model.visibleLayers.value;
      draw();
      startOrStop();
    }),
  );
  const onVisibility = () => startOrStop();
  document.addEventListener('visibilitychange', onVisibility);
  const observer = new IntersectionObserver(([entry]) => {
    onScreen = entry?.isIntersecting ?? true;
    startOrStop();
  });
  observer.observe(map.getContainer());
  disposers.push(() => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    document.removeEventListener('visibilitychange', onVisibility);
    observer.disconnect();
  });

  // A story step frames its features (also a step opened from a link before the map was ready).
  let framed = 0;
  disposers.push(
    effect(() => {
      const request = time.stepCamera.value;
      if (request === framed) return;
      framed = request;
      const step = time.currentStep.peek();
      const index = model.index.peek();
      const bounds =
        step &&
        boundsOfFeatures(
          step.features.flatMap((id) => index.get(id)?.feature ?? []),
          stepVisualPositions(step.visual, { index, ukraine: model.ukraine.peek() }),
        );
      if (!bounds) return;
      map.fitBounds(bounds, { padding: stepPadding(map), maxZoom: 7, animate: !reducedMotion(), duration: 1200 });
    }),
  );

  disposers.push(bindStepVisual(map, model));

  const home = homeControl(
    () => {
      map.fitBounds(overview, {
        padding: firstViewPadding(map.getContainer().getBoundingClientRect()),
        animate: !reducedMotion(),
      });
    },
    () => t(model.lang.peek(), 'story.home'),
  );
  map.addControl(home, 'top-right');
  disposers.push(
    effect(() => {
      model.lang.value;
      home.relabel();
    }),
  );
  disposers.push(() => map.removeControl(home));

  return () => {
    for (const dispose of disposers.reverse()) dispose();
  };
}

/** A control with one button that returns the camera to the story's overview. */
function homeControl(onHome: () => void, label: () => string): IControl & { relabel: () => void } {
  const container = document.createElement('div');
  container.className = 'maplibregl-ctrl maplibregl-ctrl-group';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'story-home-button';
  button.textContent = '⌂';
  const relabel = () => {
    button.title = label();
    button.setAttribute('aria-label', label());
  };
  relabel();
  button.addEventListener('click', onHome);
  container.append(button);
  return {
    onAdd: () => container,
    onRemove: () => container.remove(),
    relabel,
  };
}
