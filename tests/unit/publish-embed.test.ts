import { describe, expect, it } from 'vitest';
import { embedSnippetFor, embedUrlFor, fullUrlFor, isEmbedMode } from '../../src/app/embed';

const PAGE = 'https://news.example/graphics/lavrov-map/#map=6/45.9/40.1&f=tikhoretsk-depot&lang=en';

describe('embed links', () => {
  it('add embed=1 to the search and keep the view in the hash', () => {
    expect(embedUrlFor(PAGE)).toBe(
      'https://news.example/graphics/lavrov-map/?embed=1#map=6/45.9/40.1&f=tikhoretsk-depot&lang=en',
    );
  });

  it('lead back to the full page at the same view', () => {
    expect(fullUrlFor(embedUrlFor(PAGE))).toBe(PAGE);
    expect(fullUrlFor('https://x.example/a/?utm=1&embed=1#layers=')).toBe('https://x.example/a/?utm=1#layers=');
  });

  it('are recognised only with embed=1', () => {
    expect(isEmbedMode('?embed=1')).toBe(true);
    expect(isEmbedMode('?a=b&embed=1')).toBe(true);
    expect(isEmbedMode('?embed=0')).toBe(false);
    expect(isEmbedMode('')).toBe(false);
  });
});

describe('the embed snippet', () => {
  const snippet = embedSnippetFor(PAGE, 'Lavrov "in" Pyongyang & the route');

  it('is one iframe with a title, a responsive width, a height, lazy loading and the allowed features', () => {
    expect(snippet).toMatch(/^<iframe [^>]*><\/iframe>$/);
    expect(snippet).toContain('title="Lavrov &quot;in&quot; Pyongyang &amp; the route"');
    expect(snippet).toContain('width="100%"');
    expect(snippet).toMatch(/height="\d+"/);
    expect(snippet).toContain('loading="lazy"');
    expect(snippet).toContain('allow="fullscreen; clipboard-write; web-share"');
  });

  it('points at the current view in embed mode, with & escaped', () => {
    expect(snippet).toContain(
      'src="https://news.example/graphics/lavrov-map/?embed=1#map=6/45.9/40.1&amp;f=tikhoretsk-depot&amp;lang=en"',
    );
  });
});
