import { readFileSync, writeFileSync } from 'node:fs';
import { landOfCountriesFor, bordersFor, STORY_REGION, ukraineFeatureFor } from './src/basemap/basemap-files';
import { simplifyTopology } from './src/basemap/simplify';
const a = (n: string) => JSON.parse(readFileSync(`node_modules/world-atlas/${n}.json`, 'utf8'));
const merc = (lat: number) => Math.log(Math.tan(Math.PI/4 + lat*Math.PI/360)) * 180/Math.PI;
const views: Record<string, [number, number, number]> = JSON.parse(process.argv[2]!);
const tols = process.argv[3]!.split(',').map(Number);
const c10 = a('countries-10m');
const ua = ukraineFeatureFor(c10, 4, 'x');
for (const tol of tols) {
  const t = tol > 0 ? simplifyTopology(c10, tol) : c10;
  const d = { land: landOfCountriesFor(t, { decimals: 3, bbox: STORY_REGION }), borders: bordersFor(t, { decimals: 3, bbox: STORY_REGION }) };
  const W = 800, H = 600;
  for (const [v, [lon, lat, z]] of Object.entries(views)) {
    const scale = 512 * 2 ** z / 360;
    const X = (x: number) => ((x - lon) * scale + W / 2).toFixed(1);
    const Y = (y: number) => (-(merc(y) - merc(lat)) * scale + H / 2).toFixed(1);
    const path = (rings: number[][][]) => rings.map(r => 'M' + r.map(([x, y]) => `${X(x)},${Y(y)}`).join('L') + 'Z').join('');
    const line = (ls: number[][][]) => ls.map(r => 'M' + r.map(([x, y]) => `${X(x)},${Y(y)}`).join('L')).join('');
    let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="${W}" height="${H}" fill="#bcd"/>`;
    for (const f of d.land.features) svg += `<path d="${f.geometry.coordinates.map(path).join('')}" fill="#eed" stroke="#886" stroke-width="0.7" fill-rule="evenodd"/>`;
    for (const f of d.borders.features) svg += `<path d="${line(f.geometry.coordinates)}" fill="none" stroke="#c33" stroke-width="1.5"/>`;
    svg += `<path d="${ua.geometry.coordinates.map(path).join('')}" fill="none" stroke="#00f" stroke-width="0.8" stroke-dasharray="3,2"/>`;
    svg += `<text x="10" y="20" font-size="16">${v} tol ${tol} z${z}</text></svg>`;
    writeFileSync(`/tmp/render/${v}-${tol}.svg`, svg);
  }
}
