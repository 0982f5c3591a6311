/**
 * The editor's rules for the story data, each run over geo/ (which must pass) and over a fixture in
 * tests/fixtures/editorial/ that keeps the mistake the rule was written for (which must fail):
 * who makes each claim, what each figure counts, Ukrainian prose in the Ukrainian view, and schematic land lines
 * that stay inside the countries they run through.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { along, bbox, booleanPointInPolygon, distance, flatten, length, lineString } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { LANGS, STRINGS } from '../../src/i18n/strings';
import { parseStoryLayer } from '../../src/story/parse-story';
import { parseTimeline } from '../../src/story/parse-timeline';
import { drawnFeature } from '../../src/story/prepare-story';
import { QUOTE_BY_ID } from '../../src/story/quotes';
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
  uk: /за даними|за словами|за статтею|за прочитанням|повідомля|нарахував|пише|пишуть|оприлюднив/i,
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
    'The Daily Beast',
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

// ---------------------------------------------------------------------------------------------------------------
// The fact-check of December 2026 (../shared/facts/factcheck-2026-12.md, issue #23): four more kinds of mistake, each
// run over every text a reader sees (geo/, the UI strings, the quotes, the page's meta tags, CITATION.cff), which must
// pass, and over a fixture in tests/fixtures/editorial/ that keeps the mistake as it was in the data, which must fail.

const ROOT = new URL('../../', import.meta.url);
const readText = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');
const readJson = (path: string): unknown => JSON.parse(readText(path));

/** One text a reader sees, where it is, and its language. */
interface Text {
  where: string;
  lang: 'uk' | 'en';
  text: string;
}

/** Every `*_uk` / `*_en` (or `uk` / `en`) string in a JSON value, with its path. */
function textsIn(value: unknown, where: string): Text[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => textsIn(v, `${where}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const lang = key === 'uk' || key.endsWith('_uk') ? 'uk' : key === 'en' || key.endsWith('_en') ? 'en' : undefined;
    const id = (value as { id?: unknown }).id;
    const at = `${where}${typeof id === 'string' ? `(${id})` : ''}.${key}`;
    return typeof v === 'string' && lang ? [{ where: at, lang, text: v }] : textsIn(v, at);
  });
}

const GEO_FILES = [
  ...STORY_LAYERS.map((layer) => `geo/${layer}.geojson`),
  'geo/events.json',
  'geo/steps.json',
  'geo/basemap/places.geojson',
];
const uiTexts: Text[] = LANGS.flatMap((lang) =>
  Object.entries(STRINGS[lang]).map(([key, text]) => ({ where: `strings.${lang}.${key}`, lang, text })),
);
const quoteTexts = textsIn([...QUOTE_BY_ID.values()], 'quotes');
const readerTexts: Text[] = [...GEO_FILES.flatMap((path) => textsIn(readJson(path), path)), ...uiTexts, ...quoteTexts];

/** The page's own title and descriptions in index.html, and the title and abstract in CITATION.cff. */
function pageLabels(): Text[] {
  const html = readText('index.html');
  const lang = (text: string) => (/[а-яіїєґ]/i.test(text) ? 'uk' : 'en') as Text['lang'];
  const fromHtml = [
    ...html.matchAll(/<title>([^<]*)<\/title>/g),
    ...html.matchAll(
      /<meta (?:name|property)="(?:description|og:title|og:description|twitter:title|twitter:description)" content="([^"]*)"/g,
    ),
  ].map((m) => ({ where: `index.html: ${m[0].slice(0, 40)}`, lang: lang(m[1]!), text: m[1]! }));
  const cff = readText('CITATION.cff');
  const title = /^title: "(.*)"$/m.exec(cff)?.[1] ?? '';
  const abstract = /^abstract: >-\n((?: {2}.*\n)+)/m.exec(cff)?.[1]?.replace(/\s+/g, ' ') ?? '';
  return [
    ...fromHtml,
    { where: 'CITATION.cff title', lang: 'en', text: title },
    { where: 'CITATION.cff abstract', lang: 'en', text: abstract },
  ];
}
const LABEL_KEYS = /^strings\.(?:uk|en)\.(?:app\.title|meta\.description|export\.citation|embed\.title|card\.title)$/;
const routeLabels: Text[] = [...uiTexts.filter((t) => LABEL_KEYS.test(t.where)), ...pageLabels()];

// Who reports the Rajin → Dunai → Tikhoretsk chain: RUSI (containers of identical size and colour) and the White House.
const HEDGE = {
  uk: /ймовірн|за даними|за словами|повідомля|RUSI|Білий дім|Білого дому/,
  en: /reported|according to|alleged|RUSI|White House/,
};
const NAMES_THE_ROUTE = /(Раджин|Rajin)[^.]*(Тихорецьк|Tikhoretsk)/;

/** Titles, descriptions and citations that state the container route as a fact: no hedge, no reporter named. */
function unhedgedRouteProblems(labels: readonly Text[]): string[] {
  return labels
    .filter((l) => NAMES_THE_ROUTE.test(l.text) && !HEDGE[l.lang].test(l.text))
    .map((l) => `${l.where}: "${l.text}" states the route as a fact`);
}

// A figure and the time it covers travel together: the White House's total is "in recent weeks", never an all-time
// total; the 300 containers were on the piers on 7–8 September; RUSI's five round trips are from mid-August.
const FIGURES_WITH_TIME: readonly { figure: RegExp; time: RegExp; needs: string }[] = [
  {
    figure: /(?:1[\s\u00a0,.]?000|тисяч\S*|thousand) (?:контейнер|container)/i,
    time: /останн\S* тижн|recent weeks/i,
    needs: '"за останні тижні" / "in recent weeks"',
  },
  { figure: /300 (?:контейнер|container)/i, time: /7–8 (?:вересня|Sep)/i, needs: 'its days, 7–8 September' },
  { figure: /п’ять рейсів|five round trips/i, time: /серпн|August/i, needs: 'its start, mid-August' },
];

// An event's title is shown beside the event's own days, which are its time.
const SHOWN_WITH_ITS_DAYS = /\.events\[\d+\]\([a-z0-9-]+\)\.title_(?:uk|en)$/;

/** Texts that give one of the figures above without the time it covers. */
function timeQualifierProblems(texts: readonly Text[]): string[] {
  return texts
    .filter((t) => !SHOWN_WITH_ITS_DAYS.test(t.where))
    .flatMap((t) =>
      FIGURES_WITH_TIME.filter(({ figure, time }) => figure.test(t.text) && !time.test(t.text)).map(
        ({ needs }) => `${t.where}: a figure without ${needs}`,
      ),
    );
}

interface EventLike {
  id: string;
  by_uk: string;
  by_en: string;
  sources: { publisher_uk: string; publisher_en: string; about_uk?: string; about_en?: string; title?: string }[];
}

/** The names in a `by_*` ("Yonhap, KCNA", "TASS (via Novaya Gazeta Europe)"), each on its own. */
function reporters(by: string): string[] {
  return by
    .split(/,\s*|\s*\((?:via|через|citing|з посиланням на)\s*|\)/)
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Events whose `by_*` names someone that none of its sources is, cites or describes. */
function bySourceProblems(events: readonly EventLike[]): string[] {
  return events.flatMap((e) =>
    (['uk', 'en'] as const).flatMap((lang) => {
      const cited = e.sources
        .map((s) => `${s[`publisher_${lang}`]} ${s[`about_${lang}`] ?? ''} ${s.title ?? ''}`)
        .join(' ')
        .toLowerCase();
      return reporters(e[`by_${lang}`])
        .filter((name) => !cited.includes(name.toLowerCase()))
        .map((name) => `${e.id}: by_${lang} names ${name}, absent from its sources`);
    }),
  );
}

// Russian forms an editor strikes from Ukrainian prose. Letters Ukrainian does not have, and endings it does not use,
// matched on whole words, so that "той", "герой" or a Ukrainian "-ий" adjective never trip it. Russian names that
// keep their own spelling in Ukrainian text (geo/README.md) are taken out first, whole.
const RUSSIAN_LETTERS = /[ыэъё]/i;
const RUSSIAN_ENDINGS = /(?:ой|ая|яя|ие|ее)$/i;
// "Дуная" is the Ukrainian genitive of the settlement Дунай, as "Китая" would not be: a name, listed on its own.
const UKRAINIAN_WORDS_WITH_THOSE_ENDINGS = new Set(['той', 'ой', 'герой', 'конвой', 'двобой', 'дуная']);
const RUSSIAN_NAMES = ['«Новая газета Европа»', 'Новая газета Европа', 'РІА Новости', 'RIA Novosti'];

/** Ukrainian texts with Russian letters or case endings (outside the names above). */
function russianFormProblems(texts: readonly Text[]): string[] {
  return texts
    .filter((t) => t.lang === 'uk')
    .flatMap((t) => {
      const prose = RUSSIAN_NAMES.reduce((text, name) => text.replaceAll(name, ' '), t.text);
      const words = prose.match(/[А-Яа-яІіЇїЄєҐґЫыЭэЪъЁё’'-]+/g) ?? [];
      return words
        .filter(
          (w) =>
            RUSSIAN_LETTERS.test(w) ||
            (RUSSIAN_ENDINGS.test(w) && w.length > 3 && !UKRAINIAN_WORDS_WITH_THOSE_ENDINGS.has(w.toLowerCase())),
        )
        .map((w) => `${t.where}: the Russian form "${w}"`);
    });
}

const known = new Set(story.map((f) => f.properties.id));
const timelineOf = (path: string) => parseTimeline(path, readJson(path), known);
const geoEvents = timelineOf('geo/events.json').timeline?.events ?? [];
const fixtureTexts = (name: string) => textsIn(readJson(`tests/fixtures/editorial/${name}.json`), name);

const TEXT_RULES = [
  [
    'titles, descriptions and the citation hedge the container route',
    () => unhedgedRouteProblems(routeLabels),
    () => unhedgedRouteProblems(fixtureTexts('unhedged-route-title')),
    'unhedged-route-title',
  ],
  [
    'a figure keeps the time it covers',
    () => timeQualifierProblems(readerTexts),
    () => timeQualifierProblems(fixtureTexts('figure-without-time-qualifier')),
    'figure-without-time-qualifier',
  ],
  [
    "an event's by_* names only its sources",
    () => bySourceProblems(geoEvents),
    () => {
      const parsed = timelineOf('tests/fixtures/editorial/by-without-source.json');
      expect(parsed.errors).toEqual([]);
      return bySourceProblems(parsed.timeline?.events ?? []);
    },
    'by-without-source',
  ],
  [
    'Ukrainian fields have no Russian letters or case endings',
    () => russianFormProblems(readerTexts),
    () => russianFormProblems(fixtureTexts('russian-forms-in-ukrainian')),
    'russian-forms-in-ukrainian',
  ],
] as const;

describe.each(TEXT_RULES)('rule: %s', (_rule, onToday, onFixture, fixtureName) => {
  it('holds for every text a reader sees', () => {
    expect(onToday()).toEqual([]);
  });

  it(`is broken by tests/fixtures/editorial/${fixtureName}.json`, () => {
    expect(onFixture().length).toBeGreaterThan(0);
  });
});

describe('the December 2026 rules catch what they were written for, and nothing else', () => {
  it('reads every route label of the page', () => {
    expect(routeLabels.map((l) => l.where)).toEqual(
      expect.arrayContaining([
        'strings.uk.app.title',
        'strings.en.export.citation',
        'CITATION.cff title',
        'CITATION.cff abstract',
      ]),
    );
    expect(routeLabels.filter((l) => l.where.startsWith('index.html')).length).toBeGreaterThanOrEqual(6);
  });

  it('finds TASS named for Kim’s train but not cited, and Novaya Gazeta Europe’s TASS', () => {
    const problems = bySourceProblems(
      timelineOf('tests/fixtures/editorial/by-without-source.json').timeline?.events ?? [],
    );
    expect(problems).toContain('kim-train: by_en names TASS, absent from its sources');
    expect(problems).toContain('kim-vladivostok: by_en names TASS, absent from its sources');
  });

  it('finds «Новой газеты» and keeps names, «той» and Ukrainian adjectives', () => {
    expect(russianFormProblems(fixtureTexts('russian-forms-in-ukrainian'))).toEqual(
      expect.arrayContaining([expect.stringContaining('"Новой"'), expect.stringContaining('"газеты"')]),
    );
    const fine = [
      'За даними видання «Новая газета Европа», той самий потяг',
      'За даними ТАСС і РІА Новости, великий північнокорейський порт і нового причалу.',
      'Космодром «Восточний», Смоляниново, Спаськ-Дальній, острів Руський, Тихорецький район',
    ].map((text, i) => ({ where: `fine[${i}]`, lang: 'uk' as const, text }));
    expect(russianFormProblems(fine)).toEqual([]);
  });
});

describe('the timeline tells what the fact-check found missing or wrong', () => {
  const byId = new Map(geoEvents.map((e) => [e.id, e]));

  it('has Shoigu in Pyongyang on 25–27 July 2023, to the day, after the Russian MoD and KCNA', () => {
    const e = byId.get('shoigu-pyongyang');
    expect([e?.start, e?.end, e?.precision, e?.by_en]).toEqual([
      '2023-07-25',
      '2023-07-27',
      'day',
      'Russian MoD, KCNA',
    ]);
  });

  it('has Lavrov in Beijing on 16 October 2023, after Xinhua', () => {
    const e = byId.get('lavrov-beijing');
    expect([e?.start, e?.by_en]).toEqual(['2023-10-16', 'Xinhua']);
    expect(e?.features).toContain('beijing');
  });

  it('has the White House window, 7 September – 1 October, Najin → Dunay aboard the Angara, as its own event', () => {
    const e = byId.get('angara-najin-dunai-window');
    expect([e?.start, e?.end, e?.precision, e?.by_en]).toEqual(['2023-09-07', '2023-10-01', 'day', 'White House']);
    expect(e?.text_en).toMatch(/Angara/);
  });

  it("keeps the Angara's 12 September arrival only as The Daily Beast's reading of the White House graphic", () => {
    const e = byId.get('angara-at-dunai');
    expect(e?.by_en).toMatch(/^The Daily Beast/);
    expect(e?.sources.map((s) => s.publisher_en)).toEqual(['The Daily Beast']);
    expect(e?.text_en).toMatch(/The Daily Beast/);
    expect(e?.text_uk).toMatch(/The Daily Beast/);
  });
});

// The wordings the fact-check struck (sections 1 and 6). None may be left in what the site is built from. geo/README.md
// is left out: it records each change, quoting the old wording.
const OLD_WORDINGS: readonly (string | RegExp)[] = [
  // E1
  'Точні дні — наша оцінка',
  'The exact days are our estimate',
  // E2
  '17–19 жовтня',
  '17–19 October',
  // E3
  'За даними Yonhap, тут 18 жовтня',
  'приземлився в аеропорту Сунан',
  'landed at Sunan airport',
  'According to Yonhap, Lavrov landed here',
  'according to Yonhap, he landed',
  'Лавров прилетів до Пхеньяна',
  'він проведе переговори',
  // E4
  'прибуло з ними до Дуная',
  'arrived with them at Dunai',
  'Загалом, за словами Білого дому',
  'In all, according to the White House',
  // E5
  'Yonhap, ЦТАК і ТАСС',
  'Yonhap, KCNA and TASS',
  'Yonhap, ЦТАК, ТАСС',
  'Yonhap, KCNA, TASS',
  // E6
  'Пхеньяні та маршрут контейнерів',
  'and the Rajin',
  // E7
  'рейс із вантажем',
  'the laden leg',
  // E8
  'зі знімками постачань північнокорейських боєприпасів',
  'with imagery of North Korean munitions shipments',
  // E9
  'їхнього треку немає',
  'їхнього треку не існує',
  'no track of theirs exists',
  'з вимкненими транспондерами',
  'running dark',
  // L1–L8
  'Новой газеты',
  'річки Туманна',
  'голова причалів',
  'заходи суден',
  'дводенні переговори',
  'зворотний рейс вважаємо',
  'розміщений за словами',
  '(130,2831, 42,2556)',
  '(132,3375, 42,8803)',
  // N1–N20
  /[Зз]а статтею Укрінформу(?! від)/,
  'бронепотяг',
  /(?<!\p{L})з \d+ \S+ по \d+/u,
  /(?<!\p{L})з \d+ по \d+/u,
  'RUSI, з середини',
  'заходило щонайменше',
  'Транссибом',
  '3-й Форум',
  'кажуть по-різному',
  'Маршрут залізницею джерела',
  'боєприпасів біля Тихорецька',
  'при 10–12 вузлах',
  'День історії',
  'До вільної карти',
  'підложк',
  'переглянуто',
  'Повідомлені цифри',
  'Як розміщено',
  'Шари і легенда',
  'перестала малюватися',
  'у сторінку',
  'обчислено Turf',
  'Financial Express (з AP)',
  "Сіньхуа (People's Daily Online)",
  'Місія США при ООН',
  'VOA counted on satellite images',
  'our estimate of a date',
  '"Artem"',
  'Аеропорт Сунан (Пхеньян)',
];

function filesUnder(dir: string): string[] {
  return readdirSync(new URL(dir, ROOT), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => `${relative(fileURLToPath(ROOT), d.parentPath)}/${d.name}`);
}

describe('the site is built from none of the old wordings', () => {
  const sources = [
    ...filesUnder('geo').filter((path) => path !== 'geo/README.md'),
    ...filesUnder('src').filter((path) => /\.(?:ts|tsx|json|txt|css)$/.test(path)),
    'index.html',
    'CITATION.cff',
  ];

  it('reads the files the site is built from', () => {
    expect(sources).toEqual(expect.arrayContaining(['geo/events.json', 'src/i18n/strings.ts', 'index.html']));
  });

  it.each(OLD_WORDINGS.map((w) => [String(w), w] as const))('has no %s', (_name, wording) => {
    const found = sources.filter((path) => {
      const text = readText(path);
      return typeof wording === 'string' ? text.includes(wording) : wording.test(text);
    });
    expect(found).toEqual([]);
  });
});

// Issue #24, item 3: a map step carries about 50–70 words of our text and one of the article's sentences; the rest
// (sources, figures, the other sentences) belongs to the popups.
const STEP_MAX_WORDS = 90;

interface StepLike {
  id: string;
  text_uk: string;
  text_en: string;
  quotes: readonly string[];
}

/** Words of a text: runs of characters between spaces that hold a letter or a digit ("—" is not a word). */
function wordCount(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** Steps whose own text runs over the limit in either language, or that quote more than one sentence. */
function stepLengthProblems(steps: readonly StepLike[]): string[] {
  return steps.flatMap((s) => [
    ...(['uk', 'en'] as const)
      .filter((lang) => wordCount(s[`text_${lang}`]) > STEP_MAX_WORDS)
      .map((lang) => `${s.id}: text_${lang} has ${wordCount(s[`text_${lang}`])} words (at most ${STEP_MAX_WORDS})`),
    ...(s.quotes.length > 1 ? [`${s.id}: ${s.quotes.length} quotes (one at most)`] : []),
  ]);
}

describe('rule: a story step is short, with one quote', () => {
  const stepsOf = (path: string) => (readJson(path) as { steps: StepLike[] }).steps;

  it('holds for every step in geo/steps.json', () => {
    expect(stepLengthProblems(stepsOf('geo/steps.json'))).toEqual([]);
  });

  it('is broken by tests/fixtures/editorial/long-step.json, in both languages and by its two quotes', () => {
    const problems = stepLengthProblems(stepsOf('tests/fixtures/editorial/long-step.json'));
    expect(problems).toEqual([
      expect.stringMatching(/^white-house-imagery: text_uk has \d+ words/),
      expect.stringMatching(/^white-house-imagery: text_en has \d+ words/),
      'white-house-imagery: 2 quotes (one at most)',
    ]);
  });

  it('counts words and numbers, not dashes', () => {
    expect(wordCount('За даними RUSI — близько 200 км.')).toBe(6);
    expect(wordCount('  ')).toBe(0);
  });
});
