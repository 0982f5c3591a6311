/**
 * Writes public/static-map.<lang>.svg: the default view drawn from public/basemap and geo/ (run after build-basemap).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { LANGS, t } from '../src/i18n/strings';
import { renderStaticMapSvg } from '../src/static-map/render-svg';
import { parseStoryLayer } from '../src/story/parse-story';
import { drawnFeature } from '../src/story/prepare-story';
import { STORY_LAYERS } from '../src/story/types';
import { STORY_BOUNDS } from '../src/story/view';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

const layers = STORY_LAYERS.map((id) => {
  const file = `geo/${id}.geojson`;
  const parsed = parseStoryLayer(file, readJson(file));
  if (parsed.errors.length > 0) throw new Error(`${file}: ${JSON.stringify(parsed.errors)}`);
  return { id, features: parsed.features.map(drawnFeature) };
});
const land = readJson('public/basemap/land-low.geojson');
const borders = readJson('public/basemap/borders-low.geojson');

for (const lang of LANGS) {
  const svg = renderStaticMapSvg({
    land,
    borders,
    layers,
    bounds: STORY_BOUNDS,
    lang,
    width: 1200,
    height: 800,
    padding: 24,
    labelled: ['moscow', 'beijing', 'pyongyang', 'rajin-port', 'dunai-port', 'tikhoretsk-depot'],
    title: t(lang, 'map.staticAlt'),
    crispLines: true,
  });
  const path = `public/static-map.${lang}.svg`;
  writeFileSync(path, svg);
  console.log(`${path}: ${svg.length} bytes, ${gzipSync(svg).length} gzip`);
}
