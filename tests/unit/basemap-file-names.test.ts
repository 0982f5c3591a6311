import { describe, expect, it } from 'vitest';
import { MAP_BASEMAP_FILES } from '../../src/basemap/file-names';
import { basemapUrlsFor } from '../../src/style/basemap-sources';
import { basemapStyle } from '../../src/style/basemap-style';

describe('one list of the basemap files the map draws (#26 item 4)', () => {
  it("is exactly the bundled style's GeoJSON sources, lazy ones included, each named after its file", () => {
    const style = basemapStyle('uk', basemapUrlsFor('https://example.org/'), true);
    const sources = Object.entries(style.sources).filter(([, s]) => s.type === 'geojson');
    expect(sources.map(([id]) => id).sort()).toEqual([...MAP_BASEMAP_FILES].sort());
    for (const [id, source] of sources) {
      expect((source as { data: string }).data).toBe(`https://example.org/basemap/${id}.geojson`);
    }
  });
});
