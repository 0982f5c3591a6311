/**
 * The data loading and its Retry (src/app/bind-data.ts) with the real model, the real timeline loader and the
 * repository's files; only the network is a fake, whose answers the tests hold and release in the order they choose.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bindData, type DataSources, TIMELINE_CODE } from '../../src/app/bind-data';
import { applyUrlState } from '../../src/app/bind-url';
import type { FetchOptions } from '../../src/app/fetch-json';
import { loadStory } from '../../src/app/load-story';
import { loadTimeline } from '../../src/app/load-timeline';
import { loadUkraine, UKRAINE_FILE } from '../../src/app/load-ukraine';
import { createModel } from '../../src/state/model';
import { parseUrlState } from '../../src/state/url-state';
import { borderOf } from '../../src/story/feature-distances';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A promise the test resolves when it chooses. */
function held<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
/** Lets every pending promise callback run. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

/** Serves the repository's files by URL path; `answer` may replace one file's answer. */
function repoFetch(answer: (path: string) => Response | undefined = () => undefined): typeof fetch {
  return (async (url: string) => {
    const path = url.replace(/^\//, '').replace(/\?.*$/, '');
    return answer(path) ?? new Response(readFileSync(ROOT + path));
  }) as typeof fetch;
}

const geoUkraine = 'public/basemap/ukraine.geojson';

function sources(fetcher: typeof fetch, overrides: Partial<DataSources> = {}): DataSources {
  return {
    story: (options: FetchOptions) => loadStory(fetcher, options),
    timelineCode: async () => (ids, options) => loadTimeline(ids, fetcher, options),
    ukraine: (options: FetchOptions) => loadUkraine(`/${geoUkraine}`, fetcher, options),
    ...overrides,
  };
}

describe('Retry (#26)', () => {
  it('two quick Retry clicks: the latest answer wins, even when the first comes back last', async () => {
    const model = createModel();
    const answers: ReturnType<typeof held<Awaited<ReturnType<DataSources['story']>>>>[] = [];
    const real = await loadStory(repoFetch());
    const broken = await loadStory(
      repoFetch((path) => (path.includes('ports') ? new Response('', { status: 500 }) : undefined)),
    );
    const { story } = bindData(
      model,
      parseUrlState(''),
      sources(repoFetch(), {
        story: () => {
          const answer = held<Awaited<ReturnType<DataSources['story']>>>();
          answers.push(answer);
          return answer.promise;
        },
      }),
      Promise.resolve(),
    );
    answers[0]!.resolve(broken);
    await story;
    expect(model.dataErrors.value.map((e) => e.file)).toEqual(['geo/ports.geojson']);
    model.retryData();
    model.retryData();
    expect(answers.length).toBe(3);
    answers[2]!.resolve(real);
    await settle();
    answers[1]!.resolve(broken);
    await settle();
    expect(model.dataErrors.value).toEqual([]);
    expect(model.layerData.value).toBe(real.layers);
  });

  it("a timeline Retry does not re-apply the page-load link over the reader's later choices", async () => {
    const model = createModel();
    const link = parseUrlState('#step=2');
    applyUrlState(model, link);
    const steps = JSON.parse(readFileSync(`${ROOT}geo/steps.json`, 'utf8'));
    // At first steps.json has one step too many, naming a feature that does not exist: an error, and Retry.
    let brokenSteps = true;
    const fetcher = repoFetch((path) => {
      if (!brokenSteps || !path.includes('steps')) return undefined;
      const extra = { ...steps.steps[0], id: 'extra', features: ['no-such-feature'] };
      return new Response(JSON.stringify({ ...steps, steps: [...steps.steps, extra] }));
    });
    const { story } = bindData(model, link, sources(fetcher), Promise.resolve());
    await story;
    await settle();
    expect(model.dataErrors.value.map((e) => e.file)).toContain('geo/steps.json');
    expect(model.time.step.value).toBe(1);
    // The reader moves on: the next step, then a layer of their own, a day of their own.
    model.openStep(2);
    model.setVisibleLayers(['capitals']);
    model.time.setDay(model.time.range.value![0] + 3);
    const chosen = { day: model.time.date.value, step: model.time.step.value, camera: model.time.stepCamera.value };
    brokenSteps = false;
    model.retryData();
    await settle();
    expect(model.dataErrors.value).toEqual([]);
    expect(model.visibleLayers.value).toEqual(['capitals']);
    expect({ day: model.time.date.value, step: model.time.step.value, camera: model.time.stepCamera.value }).toEqual(
      chosen,
    );
  });
});

describe('parts that fail to load are named, and Retry loads them (#26)', () => {
  it("Ukraine's outline: named, and Retry gives the depot its distance", async () => {
    const model = createModel();
    let failing = true;
    const fetcher = repoFetch((path) =>
      failing && path === geoUkraine ? new Response('', { status: 404 }) : undefined,
    );
    const { story } = bindData(model, parseUrlState(''), sources(fetcher), Promise.resolve());
    await story;
    await settle();
    expect(model.partErrors.value).toEqual([{ file: UKRAINE_FILE, message: 'could not be fetched (HTTP 404)' }]);
    expect(model.ukraine.value, 'the depot says its distance could not be measured').toBe('unavailable');
    failing = false;
    model.retryData();
    await settle();
    expect(model.partErrors.value).toEqual([]);
    expect(borderOf(model.ukraine.value)?.distanceKm([40.0, 45.85])).toBeGreaterThan(0);
  });

  it("the timeline's code: named, and Retry brings the timeline", async () => {
    const model = createModel();
    let failing = true;
    const fetcher = repoFetch();
    const real = sources(fetcher);
    const { story } = bindData(
      model,
      parseUrlState(''),
      sources(fetcher, {
        timelineCode: () =>
          failing ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : real.timelineCode(),
      }),
      Promise.resolve(),
    );
    await story;
    await settle();
    expect(model.partErrors.value).toEqual([{ file: TIMELINE_CODE, message: 'could not be loaded' }]);
    expect(model.time.timeline.value).toBeUndefined();
    failing = false;
    model.retryData();
    await settle();
    expect(model.partErrors.value).toEqual([]);
    expect(model.time.timeline.value).toBeDefined();
  });
});
