import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { distancesFor } from '../../src/story/feature-distances';
import { dedupeIds, type ParsedLayer, parseStoryLayer } from '../../src/story/parse-story';

const BROKEN_DIR = fileURLToPath(new URL('../fixtures/broken/', import.meta.url));
const GEO_DIR = fileURLToPath(new URL('../../geo/', import.meta.url));

/** Parses a fixture the way the loader does, naming it by its path relative to the repository. */
function parseFixture(name: string): ParsedLayer {
  return parseStoryLayer(`tests/fixtures/broken/${name}`, JSON.parse(readFileSync(BROKEN_DIR + name, 'utf8')));
}

function parseGeo(name: string): ParsedLayer {
  return parseStoryLayer(`geo/${name}`, JSON.parse(readFileSync(GEO_DIR + name, 'utf8')));
}

describe('parseStoryLayer on broken files', () => {
  it('refuses a file that is not a FeatureCollection, with a file-level error', () => {
    const parsed = parseFixture('not-a-feature-collection.geojson');
    expect(parsed.features).toEqual([]);
    expect(parsed.errors).toEqual([
      {
        file: 'tests/fixtures/broken/not-a-feature-collection.geojson',
        message: 'expected a GeoJSON FeatureCollection with a features list',
      },
    ]);
  });

  it.each([
    ['swapped-lon-lat.geojson', 'beijing', 'expected latitude within ±90 (got 116.3875)'],
    ['missing-name.geojson', 'pyongyang', 'expected properties.name_en as non-empty text'],
    ['bad-kind.geojson', 'rajin-port', 'expected properties.kind, one of'],
    ['estimated-without-note.geojson', 'dunai-port', 'expected properties.placement_note'],
    [
      'missing-translation.geojson',
      'dunai-port',
      'expected properties.placement_note_uk as non-empty text (every reader-facing text is given in Ukrainian)',
    ],
    [
      'javascript-url-source.geojson',
      'tikhoretsk-depot',
      'expected properties.sources: a source url starting with http',
    ],
    ['antimeridian-jump.geojson', 'chukotka-crossing', 'expected no segment jumping the antimeridian (position 2)'],
  ])('drops the feature in %s and names it (%s) and what was expected', (name, id, message) => {
    const parsed = parseFixture(name);
    expect(parsed.features).toEqual([]);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toEqual({
      file: `tests/fixtures/broken/${name}`,
      feature: id,
      message: expect.any(String),
    });
    expect(parsed.errors[0]?.message.startsWith(message)).toBe(true);
  });

  it('never lets a javascript: url through as a source', () => {
    const parsed = parseFixture('javascript-url-source.geojson');
    expect(JSON.stringify(parsed.features)).not.toContain('javascript:');
  });

  it('keeps the valid features of a mixed file and reports each invalid one by id or index', () => {
    const parsed = parseFixture('mixed-valid-and-invalid.geojson');
    expect(parsed.features.map((f) => f.properties.id)).toEqual(['khasan', 'vladivostok']);
    const file = 'tests/fixtures/broken/mixed-valid-and-invalid.geojson';
    expect(parsed.errors).toEqual([
      { file, feature: '#1', message: 'expected properties.id as a lower-case slug' },
      {
        file,
        feature: 'vladivostok-area',
        message: 'expected geometry type Point, LineString or MultiLineString (got Polygon)',
      },
      { file, feature: '#4', message: 'expected a GeoJSON Feature' },
    ]);
    for (const error of parsed.errors) expect(error.message).toMatch(/^expected /);
  });

  it('gives kept features the top-level id of their properties.id (the id MapLibre promotes)', () => {
    const parsed = parseFixture('mixed-valid-and-invalid.geojson');
    for (const f of parsed.features) expect(f.id).toBe(f.properties.id);
  });

  it.each([
    null,
    42,
    'FeatureCollection',
    [],
    { type: 'FeatureCollection' },
    { type: 'FeatureCollection', features: {} },
  ])('never throws on a value that is not a collection (%j)', (value) => {
    const parsed = parseStoryLayer('x.geojson', value);
    expect(parsed.features).toEqual([]);
    expect(parsed.errors).toHaveLength(1);
  });
});

describe('parseStoryLayer on fields the types promise', () => {
  it('refuses a reported figure in a unit outside km, containers and round-trips', () => {
    const parsed = parseFixture('reported-unknown-unit.geojson');
    expect(parsed.features).toEqual([]);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]?.feature).toBe('tikhoretsk-depot');
    expect(parsed.errors[0]?.message).toMatch(/^expected properties\.reported/);
  });

  it('refuses a feature with waypoints written in its file (only the loader sets them)', () => {
    const parsed = parseFixture('waypoints-in-file.geojson');
    expect(parsed.features).toEqual([]);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]?.feature).toBe('lavrov-trip-oct-2023');
    expect(parsed.errors[0]?.message).toMatch(/waypoints/);
  });

  it('accepts the same trip without the waypoints, and distancesFor measures it', () => {
    const value = JSON.parse(readFileSync(`${BROKEN_DIR}waypoints-in-file.geojson`, 'utf8'));
    delete value.features[0].properties.waypoints;
    const parsed = parseStoryLayer('lavrov-flight', value);
    expect(parsed.errors).toEqual([]);
    expect(parsed.features).toHaveLength(1);
    const rows = distancesFor(parsed.features[0]!, { index: new Map(), ukraine: undefined });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) if ('km' in row && row.km !== undefined) expect(row.km).toBeGreaterThan(0);
  });
});

describe('parseStoryLayer on the real story files', () => {
  const files = readdirSync(GEO_DIR).filter((name) => name.endsWith('.geojson'));

  it('finds the six story files', () => {
    expect(files.sort()).toEqual([
      'capitals.geojson',
      'kim-train.geojson',
      'lavrov-flight.geojson',
      'ports.geojson',
      'rail-route.geojson',
      'vessel-routes.geojson',
    ]);
  });

  it.each(files)('parses geo/%s with zero errors and keeps every feature', (name) => {
    const raw = JSON.parse(readFileSync(GEO_DIR + name, 'utf8'));
    const parsed = parseGeo(name);
    expect(parsed.errors).toEqual([]);
    expect(parsed.features).toHaveLength(raw.features.length);
  });
});

describe('dedupeIds', () => {
  it('drops an id already used in another file and reports it with both files named', () => {
    const capitals = parseGeo('capitals.geojson');
    const duplicate = parseFixture('duplicate-moscow.geojson');
    expect(duplicate.errors).toEqual([]);
    const capitalCount = capitals.features.length;

    const errors = dedupeIds([
      { file: 'geo/capitals.geojson', parsed: capitals },
      { file: 'tests/fixtures/broken/duplicate-moscow.geojson', parsed: duplicate },
    ]);

    expect(errors).toEqual([
      {
        file: 'tests/fixtures/broken/duplicate-moscow.geojson',
        feature: 'moscow',
        message: 'expected a unique id (already used in geo/capitals.geojson)',
      },
    ]);
    expect(duplicate.features).toEqual([]);
    expect(capitals.features).toHaveLength(capitalCount);
    expect(capitals.features.some((f) => f.properties.id === 'moscow')).toBe(true);
  });

  it('reports nothing across the real story files', () => {
    const layers = readdirSync(GEO_DIR)
      .filter((name) => name.endsWith('.geojson'))
      .map((name) => ({ file: `geo/${name}`, parsed: parseGeo(name) }));
    expect(dedupeIds(layers)).toEqual([]);
  });
});

describe('source dates (#26)', () => {
  /** The first capital of geo/capitals.geojson with its first source (from the ledger, written out) dated `date`. */
  function withSourceDate(date: string): ParsedLayer {
    const file = JSON.parse(readFileSync(`${GEO_DIR}capitals.geojson`, 'utf8'));
    const ledger = JSON.parse(readFileSync(`${GEO_DIR}sources.json`, 'utf8'));
    const entries: { id: string }[] = Array.isArray(ledger) ? ledger : ledger.sources;
    const feature = file.features[0];
    const source = entries.find((e) => e.id === feature.properties.sources[0]);
    feature.properties.sources[0] = { ...source, date };
    return parseStoryLayer('geo/capitals.geojson', { ...file, features: [feature] });
  }

  it.each(['2023-02-30', '2023-13', '2023-00', '2023-04-31', '2023-10-00'])(
    'refuses %s, which is not a calendar date',
    (date) => {
      const parsed = withSourceDate(date);
      expect(parsed.features).toEqual([]);
      expect(parsed.errors[0]?.message).toContain(`a source date as YYYY-MM-DD (got ${date})`);
    },
  );

  it.each(['2023-10-18', '2024-02-29', '2023-10'])('accepts %s', (date) => {
    expect(withSourceDate(date).errors).toEqual([]);
  });
});
