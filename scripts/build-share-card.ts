/**
 * Writes public/share-card.png: the 1200×630 Open Graph / Twitter image, drawn from the same basemap and story
 * GeoJSON as the static picture (run after build-basemap) and rasterised with resvg in the shipped font.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { DEFAULT_LANG, t } from '../src/i18n/strings';
import { renderShareCardSvg, SHARE_CARD_SIZE } from '../src/static-map/share-card';
import { parseStoryLayer } from '../src/story/parse-story';
import { drawnFeature } from '../src/story/prepare-story';
import { STORY_LAYERS } from '../src/story/types';
import { STORY_BOUNDS } from '../src/story/view';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const require = createRequire(import.meta.url);

const layers = STORY_LAYERS.map((id) => {
  const file = `geo/${id}.geojson`;
  const parsed = parseStoryLayer(file, readJson(file));
  if (parsed.errors.length > 0) throw new Error(`${file}: ${JSON.stringify(parsed.errors)}`);
  return { id, features: parsed.features.map(drawnFeature) };
});

// The card is in the page's language: the HTML that crawlers read is Ukrainian.
const lang = DEFAULT_LANG;
const svg = renderShareCardSvg({
  land: readJson('public/basemap/land-low.geojson'),
  borders: readJson('public/basemap/borders-low.geojson'),
  layers,
  bounds: STORY_BOUNDS,
  lang,
  labelled: ['moscow', 'beijing', 'pyongyang', 'rajin-port', 'dunai-port', 'tikhoretsk-depot'],
  title: t(lang, 'map.staticAlt'),
  headline: t(lang, 'app.title'),
  credit: t(lang, 'card.credit'),
});

// Noto Sans, as on the page, from TrueType files (resvg reads no WOFF); no system fonts, so every machine
// draws the same picture.
const fontFiles = ['400Regular/NotoSans_400Regular.ttf', '700Bold/NotoSans_700Bold.ttf'].map((f) =>
  require.resolve(`@expo-google-fonts/noto-sans/${f}`),
);
const png = new Resvg(svg, {
  fitTo: { mode: 'width', value: SHARE_CARD_SIZE.width },
  font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'Noto Sans' },
})
  .render()
  .asPng();
const path = 'public/share-card.png';
writeFileSync(path, png);
console.log(`${path}: ${png.length} bytes`);
