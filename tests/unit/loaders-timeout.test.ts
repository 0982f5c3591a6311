/**
 * The real loaders (fetchJson, loadStory, loadTimeline) against a fake fetch that serves the repository's own files:
 * a file that never answers is named within the timeout instead of leaving the page loading for good.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fetchJson } from '../../src/app/fetch-json';
import { loadStory } from '../../src/app/load-story';
import { loadTimeline } from '../../src/app/load-timeline';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A fetch that never answers (until its signal aborts it, as a real fetch does). */
const silent = ((_url: string, init?: RequestInit) =>
  new Promise((_, reject) => {
    init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
  })) as typeof fetch;

/** A fetch that serves the repository's files by URL path, except those `hang` matches, which never answer. */
function repoFetch(hang: RegExp = /$^/) {
  const asked: string[] = [];
  const fetcher = ((url: string, init?: RequestInit) => {
    asked.push(url);
    if (hang.test(url)) return silent(url, init);
    const path = url.replace(/^\//, '').replace(/\?.*$/, '');
    return Promise.resolve(new Response(readFileSync(ROOT + path)));
  }) as typeof fetch;
  return { fetcher, asked };
}

describe('fetchJson', () => {
  it('names a file that never answers once its time is up, and never rejects', async () => {
    const result = await fetchJson('geo/ports.geojson', '/geo/ports.geojson', silent, { timeoutMs: 30 });
    expect(result).toEqual({ error: { file: 'geo/ports.geojson', message: 'did not answer within 0.03 s' } });
  });

  it('names a body that stops half way once its time is up', async () => {
    const stalled = (async () =>
      new Response(
        new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"type"')) }),
      )) as typeof fetch;
    const result = await fetchJson('geo/ports.geojson', '/x', stalled, { timeoutMs: 30 });
    expect(result.error?.message).toBe('did not answer within 0.03 s');
  });

  it('gives every request a signal, and bypasses the cache on retry', async () => {
    const inits: (RequestInit | undefined)[] = [];
    const fetcher = (async (_url: string, init?: RequestInit) => {
      inits.push(init);
      return new Response('{}');
    }) as typeof fetch;
    await fetchJson('a', '/a', fetcher);
    await fetchJson('a', '/a', fetcher, { retry: true });
    expect(inits.map((i) => i?.signal instanceof AbortSignal)).toEqual([true, true]);
    expect(inits.map((i) => i?.cache)).toEqual([undefined, 'reload']);
  });
});

describe('loadStory and loadTimeline with a file that never answers', () => {
  it('loadStory names the silent file and keeps the others', async () => {
    const { fetcher } = repoFetch(/ports\.geojson/);
    const { layers, errors } = await loadStory(fetcher, { timeoutMs: 50 });
    expect(errors).toEqual([{ file: 'geo/ports.geojson', message: 'did not answer within 0.05 s' }]);
    expect(layers.find((l) => l.id === 'ports')?.features).toEqual([]);
    expect(layers.find((l) => l.id === 'capitals')?.features.length).toBeGreaterThan(0);
  });

  it('loadTimeline names a silent geo/events.json', async () => {
    const story = await loadStory(repoFetch().fetcher);
    const ids = new Set(story.layers.flatMap((l) => l.features.map((f) => f.properties.id)));
    const { timeline, errors } = await loadTimeline(ids, repoFetch(/events/).fetcher, { timeoutMs: 50 });
    expect(timeline).toBeUndefined();
    expect(errors).toEqual([{ file: 'geo/events.json', message: 'did not answer within 0.05 s' }]);
  });
});
