/**
 * Writes public/static-map.<lang>.svg: the default view drawn from public/basemap and geo/ (run after build-basemap),
 * and public/inset-shuttle.<lang>.svg: the locator inset of the Rajin–Dunai shuttle the first view shows (#31).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { geoMercator } from 'd3-geo';
import { LANGS, t } from '../src/i18n/strings';
import { renderStaticMapSvg } from '../src/static-map/render-svg';
import { parseStoryLayer } from '../src/story/parse-story';
import { drawnFeature } from '../src/story/prepare-story';
import { STORY_LAYERS } from '../src/story/types';
import { SHUTTLE_INSET, STORY_BOUNDS } from '../src/story/view';

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

// The inset: the detailed land, the sea route and the two ports, each labelled on the side away from the other.
const landDetail = readJson('public/basemap/land-low.geojson');
const inset = SHUTTLE_INSET;
const projection = geoMercator().fitExtent(
  [
    [inset.padding, inset.padding],
    [inset.width - inset.padding, inset.height - inset.padding],
  ],
  { type: 'MultiPoint', coordinates: inset.bounds },
);
const shuttleLayers = layers
  .filter((l) => l.id === 'vessel-routes' || l.id === 'ports')
  .map((l) => ({
    ...l,
    features: l.features.filter((f) => (inset.features as readonly string[]).includes(f.properties.id)),
  }));
for (const lang of LANGS) {
  const base = renderStaticMapSvg({
    land: landDetail,
    borders,
    layers: shuttleLayers,
    bounds: inset.bounds,
    lang,
    width: inset.width,
    height: inset.height,
    padding: inset.padding,
    labelled: [],
    title: t(lang, 'inset.label'),
  });
  const labels = inset.labels.map(({ at, key, anchor }) => {
    const [x, y] = projection(at) ?? [0, 0];
    const dx = anchor === 'end' ? -8 : 8;
    return `<text x="${Math.round(x + dx)}" y="${Math.round(y + (anchor === 'end' ? -6 : 14))}" text-anchor="${anchor}" font-family="Noto Sans, sans-serif" font-size="13" font-weight="600" fill="#1a1a1a" stroke="#fff" stroke-width="3" paint-order="stroke">${t(lang, key)}</text>`;
  });
  const svg = base.replace('</svg>', `${labels.join('\n')}\n</svg>`);
  const path = `public/inset-shuttle.${lang}.svg`;
  writeFileSync(path, svg);
  console.log(`${path}: ${svg.length} bytes, ${gzipSync(svg).length} gzip`);
}
