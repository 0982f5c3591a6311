import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { landOfCountriesFor, bordersFor, STORY_REGION } from './src/basemap/basemap-files';
import { simplifyTopology } from './src/basemap/simplify';
const a = (n: string) => JSON.parse(readFileSync(`node_modules/world-atlas/${n}.json`, 'utf8'));
const g = (o: unknown) => gzipSync(JSON.stringify(o)).length / 1024;
const c10 = a('countries-10m');
for (const tol of [0.004, 0.006, 0.008, 0.01, 0.015]) {
  const t = simplifyTopology(c10, tol);
  const land = landOfCountriesFor(t, { decimals: 3, bbox: STORY_REGION }), b = bordersFor(t, { decimals: 3, bbox: STORY_REGION });
  const polys = land.features[0]!.geometry.coordinates;
  const npts = polys.flat().reduce((s, r) => s + r.length, 0);
  const bpts = b.features[0]!.geometry.coordinates.reduce((s, r) => s + r.length, 0);
  const small = polys.filter(p => p[0]!.length <= 5).length;
  console.log(tol, 'land', g(land).toFixed(0), 'borders', g(b).toFixed(0), 'land pts', npts, 'polys', polys.length, 'small(<=5pts)', small, 'rings', polys.flat().length, 'border pts', bpts);
}
