/**
 * Issue #11's fault matrix in node, against the real loaders and the real model: every story, time and first-view
 * basemap file meets every fault (404, 500, truncated JSON, a failed connection, an answer held back), with a fake
 * fetch that serves the repository's own files. The browser keeps one case per loader and fault kind
 * (tests/e2e/faults.test.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fetchJson } from '../../src/app/fetch-json';
import { loadStory, STORY_FILE_URLS } from '../../src/app/load-story';
import { loadTimeline } from '../../src/app/load-timeline';
import { prefetchBasemap } from '../../src/app/prefetch-basemap';
import { createModel } from '../../src/state/model';
import { STORY_LAYERS } from '../../src/story/types';
import { FIRST_VIEW_SOURCES, type FirstViewSource } from '../../src/style/basemap-sources';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The repository's copy of a URL the app fetches: geo/ for the story (Vite's `?url`), public/ for the basemap. */
function bodyOf(url: string): string {
  const path = url.startsWith('/geo/') ? `${ROOT}${url.slice(1)}` : `${ROOT}public${url}`;
  return readFileSync(path, 'utf8');
}

type Fault = '404' | '500' | 'truncated JSON' | 'a failed connection';
const FAULTS: Fault[] = ['404', '500', 'truncated JSON', 'a failed connection'];

/** What the message names for each fault (the loaders' DataError messages). */
const MESSAGE: Record<Fault, RegExp> = {
  '404': /HTTP 404/,
  '500': /HTTP 500/,
  'truncated JSON': /not valid JSON/,
  'a failed connection': /could not be fetched \(TypeError/,
};

interface FakeNetwork {
  fetch: typeof fetch;
  /** Every request: its URL and whether it bypassed the HTTP cache. */
  asked: { url: string; reload: boolean }[];
  /** Lets the held answers through. */
  release(): void;
}

/**
 * A fetch serving the repository's files, except `broken` (a path), which answers with `fault`; `hold` keeps the
 * answer for `broken` back until `release()`.
 */
function network(broken?: string, fault?: Fault | 'held'): FakeNetwork {
  const asked: FakeNetwork['asked'] = [];
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const fake = async (url: string, init?: RequestInit) => {
    asked.push({ url, reload: init?.cache === 'reload' });
    if (url !== broken || fault === undefined) return new Response(bodyOf(url));
    if (fault === 'held') {
      await held;
      return new Response(bodyOf(url));
    }
    if (fault === 'a failed connection') throw new TypeError('Failed to fetch');
    if (fault === 'truncated JSON') {
      const body = bodyOf(url);
      return new Response(body.slice(0, body.length / 2));
    }
    return new Response('broken', { status: Number(fault) });
  };
  return { fetch: fake as typeof fetch, asked, release: () => release() };
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a story file that fails', () => {
  for (const layer of STORY_LAYERS) {
    const file = `geo/${layer}.geojson`;
    for (const fault of FAULTS) {
      it(`${file} answering ${fault}: named, the other layers loaded, Retry loads it`, async () => {
        const model = createModel();
        const first = await loadStory(network(STORY_FILE_URLS[layer], fault).fetch);
        model.setStory(first.layers, first.errors);
        expect(model.dataErrors.value).toEqual([{ file, message: expect.stringMatching(MESSAGE[fault]) }]);
        for (const { id, features } of model.layerData.value) {
          if (id === layer) expect(features, id).toEqual([]);
          else expect(features.length, id).toBeGreaterThan(0);
        }

        // Retry: the message's button asks the loaders again; every file is fetched past the HTTP cache.
        model.retryData();
        expect(model.dataRetries.value).toBe(1);
        const fixed = network();
        const again = await loadStory(fixed.fetch, { retry: true });
        expect(fixed.asked.map((a) => a.reload)).toEqual(STORY_LAYERS.map(() => true));
        model.setStory(again.layers, again.errors);
        expect(model.dataErrors.value).toEqual([]);
        expect(model.layerData.value.find((l) => l.id === layer)?.features.length).toBeGreaterThan(0);
      });
    }

    it(`${file} held back: the loader waits for it, and it arrives with no error`, async () => {
      const net = network(STORY_FILE_URLS[layer], 'held');
      let done = false;
      const loading = loadStory(net.fetch).then((result) => {
        done = true;
        return result;
      });
      await settle();
      await settle();
      expect(done).toBe(false);
      net.release();
      const { layers, errors } = await loading;
      expect(errors).toEqual([]);
      for (const { id, features } of layers) expect(features.length, id).toBeGreaterThan(0);
    });
  }
});

describe("the story's time that fails", () => {
  const featureIds = async () => {
    const { layers } = await loadStory(network().fetch);
    return new Set(layers.flatMap((l) => l.features.map((f) => String(f.properties.id))));
  };

  it('loads whole when nothing fails (the check below can fail)', async () => {
    const { timeline, steps, errors } = await loadTimeline(await featureIds(), network().fetch);
    expect(errors).toEqual([]);
    expect(timeline?.events.length).toBeGreaterThan(0);
    expect(steps.length).toBeGreaterThan(0);
    expect(timeline?.observations?.map((o) => o.id)).toContain('white-house-najin-imagery');
  });

  for (const fault of FAULTS) {
    it(`geo/observations.json answering ${fault}: named, the timeline and steps without the images (#27)`, async () => {
      const broken = await loadTimeline(await featureIds(), network('/geo/observations.json', fault).fetch);
      expect(broken.errors).toEqual([
        { file: 'geo/observations.json', message: expect.stringMatching(MESSAGE[fault]) },
      ]);
      expect(broken.timeline?.events.length).toBeGreaterThan(0);
      expect(broken.timeline?.observations ?? []).toEqual([]);
      expect(broken.steps.length).toBeGreaterThan(0);
    });
  }

  for (const file of ['events', 'steps'] as const) {
    for (const fault of FAULTS) {
      it(`geo/${file}.json answering ${fault}: named, and Retry loads it`, async () => {
        const ids = await featureIds();
        const broken = await loadTimeline(ids, network(`/geo/${file}.json`, fault).fetch);
        expect(broken.errors).toEqual([{ file: `geo/${file}.json`, message: expect.stringMatching(MESSAGE[fault]) }]);
        expect(broken.steps).toEqual([]);
        if (file === 'events') expect(broken.timeline).toBeUndefined();
        else expect(broken.timeline?.events.length).toBeGreaterThan(0);
        const fixed = network();
        const again = await loadTimeline(ids, fixed.fetch, { retry: true });
        expect(fixed.asked.every((a) => a.reload)).toBe(true);
        expect(again.errors).toEqual([]);
        expect(again.steps.length).toBeGreaterThan(0);
      });
    }
  }
});

describe('a first-view basemap file that fails', () => {
  const urls = Object.fromEntries(FIRST_VIEW_SOURCES.map((s) => [s, `/basemap/${s}.geojson`])) as Record<
    FirstViewSource,
    string
  >;

  for (const source of FIRST_VIEW_SOURCES) {
    for (const fault of [...FAULTS, 'held'] as const) {
      it(`basemap/${source}.geojson ${fault === 'held' ? 'held back' : `answering ${fault}`}: left to the map to fetch, the others inlined`, async () => {
        const net = network(urls[source], fault);
        const arrived = prefetchBasemap(urls, net.fetch);
        for (let i = 0; i < 5; i++) await settle();
        expect(Object.keys(arrived()).sort()).toEqual(FIRST_VIEW_SOURCES.filter((s) => s !== source).sort());
        if (fault !== 'held') return;
        net.release();
        for (let i = 0; i < 5; i++) await settle();
        expect(Object.keys(arrived()).sort()).toEqual([...FIRST_VIEW_SOURCES].sort());
      });
    }
  }

  it('names the file in the error for each fault (fetchJson, which every loader goes through)', async () => {
    for (const fault of FAULTS) {
      const { error } = await fetchJson(
        'basemap/labels.geojson',
        '/basemap/labels.geojson',
        network(urls.labels, fault).fetch,
      );
      expect(error, fault).toEqual({ file: 'basemap/labels.geojson', message: expect.stringMatching(MESSAGE[fault]) });
    }
  });
});
