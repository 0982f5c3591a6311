/**
 * The editor's rules for the story data, each run over geo/ (which must pass) and over a fixture in
 * tests/fixtures/editorial/ that keeps the mistake the rule was written for (which must fail):
 * who makes each claim, what each figure counts, Ukrainian prose in the Ukrainian view, and schematic land lines
 * that stay inside the countries they run through.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { along, bbox, booleanPointInPolygon, distance, flatten, length, lineString } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { parseStoryLayer } from '../../src/story/parse-story';
import { parseTimeline } from '../../src/story/parse-timeline';
import { drawnFeature } from '../../src/story/prepare-story';
import { STORY_LAYERS, type StoryFeature } from '../../src/story/types';

function parseFile(path: string): StoryFeature[] {
  const parsed = parseStoryLayer(path, JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')));
  expect(parsed.errors, `${path} parses`).toEqual([]);
  return parsed.features;
}

const story = STORY_LAYERS.flatMap((layer) => parseFile(`geo/${layer}.geojson`));
const fixture = (name: string) => parseFile(`tests/fixtures/editorial/${name}.geojson`);

/** VOA counted ships calling at Rajin (26 Aug → 14 Oct 2023), not round trips: never a rival of RUSI's five. */
function voaProblems(features: StoryFeature[]): string[] {
  return features.flatMap((f) =>
    (f.properties.reported ?? [])
      .filter((r) => r.by_en === 'VOA')
      .filter((r) => r.measure !== 'ships-calling-rajin' || r.unit !== 'ships' || r.qualifier !== 'at-least')
      .map(
        (r) => `${f.properties.id}: VOA's ${r.value} counted as ${r.measure}, not at least ${r.value} ships at Rajin`,
      ),
  );
}

/** The White House's "more than 1,000 containers" is North Korea's total to Russia, never the shuttle's cargo. */
function containerTotalProblems(features: StoryFeature[]): string[] {
  return features
    .filter((f) => f.properties.kind === 'vessel-route')
    .flatMap((f) => {
      const p = f.properties;
      const problems: string[] = [];
      if ((p.reported ?? []).some((r) => r.unit === 'containers'))
        problems.push(`${p.id}: a container total in reported`);
      if (/1[\s,.]?000|тисяч/.test(`${p.summary_uk} ${p.summary_en}`)) problems.push(`${p.id}: 1,000 in the summary`);
      return problems;
    });
}

const ATTRIBUTION = {
  uk: /за даними|за словами|за статтею|повідомля|нарахував|пишуть|оприлюднив/i,
  en: /according to|says|said|reports|counted|write about|published/i,
};

/** Every summary says who makes its claims ("за даними RUSI", "according to the White House"). */
function attributionProblems(features: StoryFeature[]): string[] {
  return features.flatMap((f) =>
    (['uk', 'en'] as const)
      .filter((lang) => !ATTRIBUTION[lang].test(f.properties[`summary_${lang}`]))
      .map((lang) => `${f.properties.id}: summary_${lang} names nobody for its claims`),
  );
}

// Names that keep their own (Latin) script in Ukrainian text, as Ukrainian media write them (geo/README.md).
const LATIN_IN_UKRAINIAN = new Set(
  [
    'RUSI',
    'Yonhap',
    'The Washington Post',
    'CSIS Beyond Parallel',
    'KBS World',
    'Financial Express',
    'AP',
    "People's Daily Online",
    'Natural Earth',
    'AIS',
    'X',
    'The New York Times',
    'The Orient Express',
  ].flatMap((name) => name.split(' ')),
);

/** The Latin-script words of a Ukrainian text that are not among the names above. */
function englishWords(text: string): string[] {
  // Letters glued to a number are a dataset's scale ("1:10m"), not a word.
  return (text.match(/(?<!\d)[A-Za-z][A-Za-z'’-]*/g) ?? []).filter((word) => !LATIN_IN_UKRAINIAN.has(word));
}

/** Every text the Ukrainian view shows is Ukrainian: Latin words only in the names above. */
function ukrainianViewProblems(features: StoryFeature[]): string[] {
  return features.flatMap((f) => {
    const p = f.properties;
    const texts: [string, string][] = [
      ['name_uk', p.name_uk],
      ['summary_uk', p.summary_uk],
      ['placement_note_uk', p.placement_note_uk ?? ''],
      ['period_uk', p.period_uk ?? ''],
      ...(p.vessels_uk ?? []).map((v, i): [string, string] => [`vessels_uk[${i}]`, v]),
      ...[...p.sources, ...(p.reported ?? []).map((r) => r.source)].flatMap((s): [string, string][] => [
        ['publisher_uk', s.publisher_uk],
        ['about_uk', s.about_uk ?? ''],
      ]),
      ...(p.reported ?? []).flatMap((r): [string, string][] => [
        ['by_uk', r.by_uk],
        ['what_uk', r.what_uk],
      ]),
    ];
    return texts.flatMap(([field, text]) =>
      englishWords(text).map((word) => `${p.id}: ${field} has the English word "${word}"`),
    );
  });
}

// Which countries each schematic land line may cross; a new schematic land line must be added here to be checked.
const LINE_COUNTRIES: Readonly<Record<string, readonly string[]>> = {
  'dunai-tikhoretsk-rail': ['Russia'],
  'kim-trip-sep-2023': ['Russia', 'North Korea'],
};
const SAMPLE_KM = 2;
// The Dunai pier lies 1.3 km offshore on the 1:10m coast: samples this close to a port may be on water.
const PIER_ZONE_KM = 2;

const require = createRequire(import.meta.url);
const countriesTopology = JSON.parse(
  readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'),
) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const countryParts = new Map<string, { polygon: Feature<Polygon>; box: number[] }[]>();
for (const country of topoFeature(countriesTopology, countriesTopology.objects.countries).features) {
  const parts = flatten(country as Feature<Polygon | MultiPolygon>).features.map((polygon) => ({
    polygon,
    box: bbox(polygon),
  }));
  countryParts.set(country.properties.name, parts);
}
const ports = story.filter((f) => f.properties.kind === 'port' || f.properties.kind === 'naval-facility');

function inCountry(position: Position, name: string): boolean {
  const [lon, lat] = position as [number, number];
  return (countryParts.get(name) ?? []).some(
    ({ polygon, box }) =>
      lon >= box[0]! && lon <= box[2]! && lat >= box[1]! && lat <= box[3]! && booleanPointInPolygon(position, polygon),
  );
}

/** Samples every 2 km of each schematic land line that lie outside the countries it may cross. */
function schematicLineProblems(features: StoryFeature[]): string[] {
  return features
    .filter((f) => f.properties.kind === 'rail-route' || (f.properties.kind === 'trip' && !f.properties.great_circle))
    .concat(features.filter((f) => f.properties.id === 'kim-trip-sep-2023' && f.properties.great_circle))
    .flatMap((f) => {
      const allowed = LINE_COUNTRIES[f.properties.id];
      if (!allowed) return [`${f.properties.id}: a schematic land line with no countries listed in this test`];
      const drawn = drawnFeature(f).geometry;
      const lines =
        drawn.type === 'LineString' ? [drawn.coordinates] : drawn.type === 'MultiLineString' ? drawn.coordinates : [];
      return lines.flatMap((coordinates) => {
        const line = lineString(coordinates);
        const km = length(line, { units: 'kilometers' });
        const outside: string[] = [];
        for (let at = 0; at <= km; at += SAMPLE_KM) {
          const sample = along(line, at, { units: 'kilometers' }).geometry.coordinates;
          const nearPort = ports.some(
            (p) => distance(p.geometry.coordinates as Position, sample, { units: 'kilometers' }) < PIER_ZONE_KM,
          );
          if (!nearPort && !allowed.some((name) => inCountry(sample, name))) {
            outside.push(
              `${f.properties.id}: ${sample.map((n) => n.toFixed(2)).join(', ')} outside ${allowed.join(' and ')}`,
            );
          }
        }
        return outside;
      });
    });
}

const RULES = [
  ['VOA counts ships calling at Rajin, not round trips', voaProblems, 'voa-ship-calls-as-round-trips'],
  [
    "the White House's container total is not the shuttle's cargo",
    containerTotalProblems,
    'container-total-on-shuttle',
  ],
  ['every summary says who makes its claims', attributionProblems, 'claims-without-attribution'],
  ['the Ukrainian view has no English prose', ukrainianViewProblems, 'english-in-ukrainian-view'],
  [
    'schematic land lines stay inside the countries they run through',
    schematicLineProblems,
    'schematic-lines-through-china',
  ],
] as const;

// Sampling 11,000 km of line against the 1:10m countries takes about a second, longer on a busy machine.
const SLOW = 30_000;

describe.each(RULES)('rule: %s', (_rule, problemsOf, fixtureName) => {
  it(
    'holds for every feature in geo/',
    () => {
      expect(problemsOf(story)).toEqual([]);
    },
    SLOW,
  );

  it(
    `is broken by tests/fixtures/editorial/${fixtureName}.geojson`,
    () => {
      expect(problemsOf(fixture(fixtureName)).length).toBeGreaterThan(0);
    },
    SLOW,
  );
});

describe('the fixtures break the rules the way the old data did', () => {
  it(
    'finds the old rail line in China (Lake Khanka, Amur) and Kim’s arcs over China',
    () => {
      const problems = schematicLineProblems(fixture('schematic-lines-through-china'));
      expect(problems.some((p) => p.startsWith('dunai-tikhoretsk-rail'))).toBe(true);
      expect(problems.some((p) => p.startsWith('kim-trip-sep-2023'))).toBe(true);
    },
    SLOW,
  );

  it('finds each Latin-script text of the old Ukrainian view', () => {
    const problems = ukrainianViewProblems(fixture('english-in-ukrainian-view'));
    expect(problems).toContain('angara-maria-shuttle: vessels_uk[0] has the English word "Angara"');
    expect(problems).toContain('angara-maria-shuttle: by_uk has the English word "VOA"');
    expect(problems.some((p) => p.includes('placement_note_uk'))).toBe(true);
  });
});

describe('the timeline and the story steps follow the same rules', () => {
  const known = new Set(story.map((f) => f.properties.id));
  const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
  const events = parseTimeline('geo/events.json', read('geo/events.json'), known).timeline?.events ?? [];
  const steps: { id: string; text_uk: string; text_en: string; title_uk: string }[] = read('geo/steps.json').steps;
  const texts = [
    ...events.map((e) => ({ id: e.id, uk: e.text_uk, en: e.text_en, ukFields: [e.title_uk, e.text_uk, e.by_uk] })),
    ...steps.map((s) => ({ id: s.id, uk: s.text_uk, en: s.text_en, ukFields: [s.title_uk, s.text_uk] })),
  ];

  it('every event and step says who makes its claims, in both languages', () => {
    const unattributed = texts.flatMap(({ id, uk, en }) => [
      ...(ATTRIBUTION.uk.test(uk) || /джерела кажуть/.test(uk) ? [] : [`${id}: text_uk`]),
      ...(ATTRIBUTION.en.test(en) || /sources differ/.test(en) ? [] : [`${id}: text_en`]),
    ]);
    expect(unattributed).toEqual([]);
  });

  it('every Ukrainian title and text is Ukrainian prose', () => {
    const english = texts.flatMap(({ id, ukFields }) =>
      ukFields.flatMap((text) => englishWords(text).map((word) => `${id}: ${word}`)),
    );
    expect(english).toEqual([]);
  });
});
