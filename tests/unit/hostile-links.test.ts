/**
 * Every hostile link opened the way a fresh page opens one (src/main.tsx): the link is read into the real model, the
 * story and its time are loaded from the repository's files, the linked day and step are settled, and the hash is
 * written back. The browser opens a few of them as fresh pages (tests/e2e/links.test.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyUrlState, hashFor, settleLinkedTime } from '../../src/app/bind-url';
import { loadStory } from '../../src/app/load-story';
import { loadTimeline } from '../../src/app/load-timeline';
import { LANGS } from '../../src/i18n/strings';
import { createModel } from '../../src/state/model';
import { parseUrlState } from '../../src/state/url-state';
import { STORY_LAYERS } from '../../src/story/types';
import { HOSTILE } from '../fixtures/hostile-links';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Serves the story's files from geo/ (Vite's `?url` imports give /geo/… in node). */
const fromDisk = (async (url: string) => new Response(readFileSync(`${ROOT}${url.slice(1)}`, 'utf8'))) as typeof fetch;
const story = await loadStory(fromDisk);
const featureIds = new Set(story.layers.flatMap((l) => l.features.map((f) => String(f.properties.id))));
const time = await loadTimeline(featureIds, fromDisk);

/** What src/main.tsx does with the link of a fresh page, up to the story's time. */
function openFresh(hash: string) {
  const model = createModel();
  const linked = parseUrlState(hash);
  applyUrlState(model, linked);
  model.setStory(story.layers, story.errors);
  model.time.timeline.value = time.timeline;
  model.time.steps.value = time.steps;
  settleLinkedTime(model, linked);
  return model;
}

describe('a hostile link opened as a fresh page', () => {
  it('the story and its time load whole (the checks below run against them)', () => {
    expect(story.errors).toEqual([]);
    expect(time.errors).toEqual([]);
    expect(featureIds.has('moscow')).toBe(true);
  });

  it.each(HOSTILE.map((hash) => [hash.slice(0, 50), hash]))('%j… leaves a model the page can draw', (_label, hash) => {
    const model = openFresh(hash);
    expect(LANGS).toContain(model.lang.value);
    expect(model.visibleLayers.value.every((l) => STORY_LAYERS.includes(l))).toBe(true);
    const selected = model.selected.value?.feature.properties.id;
    if (selected !== undefined) expect(featureIds.has(String(selected)), String(selected)).toBe(true);
    const camera = model.camera.value;
    if (camera) {
      for (const v of [camera.zoom, camera.lat, camera.lng, camera.bearing, camera.pitch])
        expect(Number.isFinite(v), JSON.stringify(camera)).toBe(true);
      expect(Math.abs(camera.lat)).toBeLessThanOrEqual(90);
      expect(Math.abs(camera.lng)).toBeLessThanOrEqual(180);
    }
    // The hash the page writes back reads as the same state: no loop of rewrites.
    const written = hashFor(model, hash);
    const again = openFresh(written);
    expect(hashFor(again, written)).toBe(written);
    expect(again.visibleLayers.value).toEqual(model.visibleLayers.value);
    expect(again.selected.value?.feature.properties.id).toBe(selected);
  });

  // The browser opens one of these (tests/e2e/time.test.ts); each is a fresh page's model here.
  it.each(['#t=2023-02-30', '#t=2024-01-01', '#t=<script>alert(1)</script>', '#step=99', '#step=-1'])(
    'falls back to all time and the free map for %s',
    (hash) => {
      const model = openFresh(hash);
      expect(model.time.date.value, 'all time').toBeUndefined();
      expect(model.time.step.value, 'no story step').toBeUndefined();
      expect(hashFor(model, hash)).not.toMatch(/[#&](t|step)=/);
    },
  );

  it('keeps a valid day and step (the checks above can see a change)', () => {
    const model = openFresh('#t=2023-09-13');
    expect(model.time.date.value).toBe('2023-09-13');
    const stepped = openFresh('#step=2');
    expect(stepped.time.step.value).toBeDefined();
    expect(hashFor(stepped, '#step=2')).toMatch(/[#&]step=2(&|$)/);
  });

  it('keeps what a link asks for when it is valid (the checks above can see a change)', () => {
    const model = openFresh('#map=6/45.9/40.1&layers=ports,rail-route&f=tikhoretsk-depot&lang=en');
    expect(model.lang.value).toBe('en');
    expect(model.visibleLayers.value).toEqual(['ports', 'rail-route']);
    expect(model.selected.value?.feature.properties.id).toBe('tikhoretsk-depot');
    expect(model.camera.value).toMatchObject({ zoom: 6, lat: 45.9, lng: 40.1 });
  });
});
