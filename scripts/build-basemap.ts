/**
 * Writes the embedded offline basemap to public/basemap/ from Natural Earth as packaged by world-atlas:
 * `npx tsx scripts/build-basemap.ts` (part of `npm run data`). The work is in src/basemap/; this reads and writes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Topology } from 'topojson-specification';
import {
  BASEMAP_FILES,
  type BasemapSources,
  basemapDataFor,
  DEFAULT_BASEMAP_OPTIONS,
  type FileSize,
  manifestFor,
} from '../src/basemap/basemap-files';
import { uncodedUnitsFor } from '../src/basemap/countries';

const require = createRequire(import.meta.url);
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'basemap');
const started = performance.now();

const atlasVersion = (JSON.parse(readFileSync(require.resolve('world-atlas/package.json'), 'utf8')) as { version: string })
  .version;
const topologies = new Map<string, Topology>();
const atlas = (name: string): Topology => {
  let topology = topologies.get(name);
  if (!topology) {
    topology = JSON.parse(readFileSync(require.resolve(`world-atlas/${name}.json`), 'utf8')) as Topology;
    topologies.set(name, topology);
  }
  return topology;
};

// Resolutions chosen to fit the gzip budgets (see the size report): 1:110m for the world view; 1:10m simplified to
// about a pixel at zoom 7 and clipped to the story region for zoom 3.5+ (1:50m has no Vladivostok peninsula or
// Strelok Bay at zoom 7); 1:10m unsimplified for Ukraine (distances to its border); 1:50m for label positions.
const sources: BasemapSources = {
  lowLand: atlas('land-110m'),
  lowCountries: atlas('countries-110m'),
  highCountries: atlas('countries-10m'),
  labelCountries: atlas('countries-50m'),
  ukraineCountries: atlas('countries-10m'),
  ukraineSource: `Natural Earth 1:10m admin-0 countries via world-atlas@${atlasVersion}; Crimea joined to Ukraine (UN General Assembly resolution 68/262)`,
};
const data = basemapDataFor(sources, DEFAULT_BASEMAP_OPTIONS);

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
  `world-atlas@${atlasVersion} (Natural Earth 1:110m, 1:50m and 1:10m admin-0 countries and land, public domain)`,
  { ...sizes },
);
write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);

const gzipOf = (...names: string[]) => names.reduce((sum, name) => sum + (sizes[`${name}.geojson`]?.gzipBytes ?? 0), 0);
console.log(`  budget: low+labels ${kb(gzipOf('land-low', 'borders-low', 'labels'))} of 60 KB gzip`);
console.log(`  budget: high       ${kb(gzipOf('land-high', 'borders-high'))} of 120 KB gzip`);
console.log(`  budget: ukraine    ${kb(gzipOf('ukraine'))} of 40 KB gzip`);
// Units Natural Earth draws without an ISO 3166-1 code get no label (their borders are still drawn).
console.log(`  no label (no ISO code in countries-50m): ${uncodedUnitsFor(atlas('countries-50m')).join(', ')}`);
console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
