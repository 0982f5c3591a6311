import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claimsFor, independentAssertions, parseClaims } from '../../src/story/claims';
import { parseStoryLayer } from '../../src/story/parse-story';
import { parseTimeline } from '../../src/story/parse-timeline';
import { independentSourceCount, parseSourceLedger } from '../../src/story/sources';
import { STORY_LAYERS } from '../../src/story/types';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const fixture = (name: string) => read(`tests/fixtures/ledger/${name}`);

const ledger = parseSourceLedger('geo/sources.json', read('geo/sources.json'));
const layers = STORY_LAYERS.map((id) => ({ file: `geo/${id}.geojson`, value: read(`geo/${id}.geojson`) }));
const featureIds = new Set(layers.flatMap((l) => l.value.features.map((f: { id: string }) => f.id)));
const eventsJson = read('geo/events.json');
const eventIds = new Set<string>(eventsJson.events.map((e: { id: string }) => e.id));
const claims = parseClaims('geo/claims.json', read('geo/claims.json'), {
  sources: ledger.sources,
  features: featureIds,
  events: eventIds,
});

describe('the source ledger, geo/sources.json', () => {
  it('parses with no error, every derived_from naming a source of the ledger', () => {
    expect(ledger.errors).toEqual([]);
    expect(ledger.sources.size).toBe(read('geo/sources.json').sources.length);
  });

  it('resolves every source id that the features, figures, events and claims cite', () => {
    const cited = [
      ...layers.flatMap(({ file, value }) =>
        value.features.flatMap(
          (f: { id: string; properties: { sources: string[]; reported?: { source: string }[] } }) => [
            ...f.properties.sources.map((id) => `${file} ${f.id} sources ${id}`),
            ...(f.properties.reported ?? []).map((r) => `${file} ${f.id} reported ${r.source}`),
          ],
        ),
      ),
      ...eventsJson.events.flatMap((e: { id: string; sources: string[] }) =>
        e.sources.map((id) => `geo/events.json ${e.id} sources ${id}`),
      ),
      ...claims.claims.flatMap((c) => [...c.asserted_by, ...c.denied_by].map((id) => `geo/claims.json ${c.id} ${id}`)),
    ];
    expect(cited.length).toBeGreaterThan(50);
    expect(cited.filter((line) => !ledger.sources.has(line.split(' ').at(-1)!))).toEqual([]);
  });

  it('gives every source with a url a Wayback closest-capture link of that url on its cited date, or a reason', () => {
    for (const s of ledger.sources.values()) {
      if (s.archive_url === undefined) {
        expect(s.no_archive_reason_en, s.id).toBeTruthy();
        continue;
      }
      const day = s.date.length === 10 ? s.date.replaceAll('-', '') : `${s.date.replace('-', '')}\\d{2}`;
      expect(s.archive_url, s.id).toMatch(/^https:\/\/web\.archive\.org\/web\/\d{8}\/https?:\/\//);
      expect(s.archive_url, s.id).toMatch(new RegExp(`^https://web\\.archive\\.org/web/${day}/`));
      expect(s.archive_url.replace(/^https:\/\/web\.archive\.org\/web\/\d{8}\//, ''), s.id).toBe(s.url);
    }
  });

  it('refuses a wrong archive link, a relay of an unknown source and a missing translation, naming the source', () => {
    expect(parseSourceLedger('bad.json', fixture('source-bad-archive-link.json')).errors).toEqual([
      {
        file: 'bad.json',
        feature: 'a',
        message: expect.stringMatching(/archive_url https:\/\/web\.archive\.org\/web\/20231016\//),
      },
    ]);
    expect(parseSourceLedger('relay.json', fixture('source-unknown-relay.json')).errors).toEqual([
      { file: 'relay.json', feature: 'a', message: 'expected derived_from naming known sources (no nobody)' },
    ]);
    const missing = parseSourceLedger('missing.json', fixture('source-missing-translation.json'));
    expect(missing.sources.size).toBe(0);
    expect(missing.errors[0]).toMatchObject({ feature: 'a', message: expect.stringMatching(/publisher_en/) });
  });
});

describe('the number of independent sources', () => {
  it('counts A, B relaying A, and C as 2', () => {
    const { sources } = parseSourceLedger('f', fixture('relay-with-second-witness.json'));
    expect(independentSourceCount(['a', 'b', 'c'], sources)).toBe(2);
    expect(independentSourceCount(['b', 'c'], sources)).toBe(2);
  });

  it('counts A, B relaying A, C relaying B as 1', () => {
    const { sources } = parseSourceLedger('f', fixture('relay-chain.json'));
    expect(independentSourceCount(['a', 'b', 'c'], sources)).toBe(1);
    expect(independentSourceCount(['c'], sources)).toBe(1);
  });

  it('counts the White House, the US Mission relaying it and Ukrinform relaying the Mission as one witness', () => {
    const byId = new Map(claims.claims.map((c) => [c.id, c]));
    expect(independentAssertions(byId.get('containers-nk-to-russia')!, ledger.sources)).toBe(1);
    // RUSI and the White House each saw the route; Ukrinform relays both and adds no third witness.
    expect(
      independentSourceCount(['rusi-orient-express', 'white-house-briefing', 'ukrinform-article'], ledger.sources),
    ).toBe(2);
  });
});

describe('the claims, geo/claims.json', () => {
  it('parse against the sources, features and events, with no error', () => {
    expect(claims.errors).toEqual([]);
    expect(claims.claims.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'shuttle',
        'shuttle-round-trips',
        'same-containers-at-depot',
        'rail-leg',
        'containers-nk-to-russia',
        'depot-200-km',
        'depot-290-km',
        'arms-deal',
      ]),
    );
  });

  it('have no source that both asserts and denies a claim', () => {
    for (const c of claims.claims)
      expect(
        c.asserted_by.filter((id) => c.denied_by.includes(id)),
        c.id,
      ).toEqual([]);
    const refused = parseClaims(
      'both.json',
      fixture('claim-asserted-and-denied.json'),
      parseRefs('relay-with-second-witness.json'),
    );
    expect(refused.errors).toEqual([
      {
        file: 'both.json',
        feature: 'claim',
        message: 'expected no source both asserting and denying the claim (c does both)',
      },
    ]);
  });

  it('show the arms deal denied by Pyongyang and Moscow', () => {
    const deal = claims.claims.find((c) => c.id === 'arms-deal');
    expect(deal?.denied_by).toEqual(['pyongyang-denial', 'moscow-denial']);
  });

  it('hold every reported figure: same feature, measure, value, unit and qualifier, its source among the asserting', () => {
    const figures = layers.flatMap(({ value }) =>
      value.features.flatMap(
        (f: {
          id: string;
          properties: {
            reported?: { measure: string; value: number; unit: string; qualifier?: string; source: string }[];
          };
        }) => (f.properties.reported ?? []).map((r) => ({ feature: f.id, ...r })),
      ),
    );
    expect(figures.length).toBeGreaterThan(5);
    const orphans = figures.filter(
      (r) =>
        !claimsFor(r.feature, claims.claims).some(
          (c) =>
            c.measure === r.measure &&
            c.value === r.value &&
            c.unit === r.unit &&
            c.qualifier === r.qualifier &&
            c.asserted_by.includes(r.source),
        ),
    );
    expect(orphans).toEqual([]);
  });
});

function parseRefs(ledgerFixture: string) {
  return { sources: parseSourceLedger('f', fixture(ledgerFixture)).sources, features: featureIds, events: eventIds };
}

describe('the boundary refuses a claim or a source it cannot resolve or translate', () => {
  it('refuses a claim with a missing translation', () => {
    const parsed = parseClaims(
      'c.json',
      fixture('claim-missing-translation.json'),
      parseRefs('relay-with-second-witness.json'),
    );
    expect(parsed.claims).toEqual([]);
    expect(parsed.errors[0]).toMatchObject({
      file: 'c.json',
      feature: 'claim',
      message: expect.stringMatching(/text_en/),
    });
  });

  it('refuses a claim naming an unknown source', () => {
    const parsed = parseClaims(
      'c.json',
      fixture('claim-unknown-source.json'),
      parseRefs('relay-with-second-witness.json'),
    );
    expect(parsed.errors).toEqual([
      { file: 'c.json', feature: 'claim', message: 'expected asserted_by naming known ids (no nobody)' },
    ]);
    const valid = parseClaims('c.json', fixture('claims-valid.json'), parseRefs('relay-with-second-witness.json'));
    expect(valid.errors).toEqual([]);
  });

  it('refuses a feature citing an unknown source id, naming the file, the feature and the field', () => {
    const parsed = parseStoryLayer('f.geojson', fixture('feature-unknown-source.geojson'));
    expect(parsed.features).toEqual([]);
    expect(parsed.errors).toEqual([
      {
        file: 'f.geojson',
        feature: 'moscow',
        message: 'expected properties.sources naming sources of geo/sources.json (no no-such-source)',
      },
    ]);
  });

  it('refuses an event citing an unknown source id', () => {
    const parsed = parseTimeline('e.json', fixture('event-unknown-source.json'), featureIds);
    expect(parsed.errors).toEqual([
      {
        file: 'e.json',
        feature: 'rusi-report',
        message: 'expected sources naming sources of geo/sources.json (no no-such-source)',
      },
    ]);
  });

  it('hands the app Source objects, resolved from the ids', () => {
    const parsed = parseStoryLayer('geo/ports.geojson', read('geo/ports.geojson'));
    const depot = parsed.features.find((f) => f.properties.id === 'tikhoretsk-depot')!;
    expect(depot.properties.sources[0]).toMatchObject({ publisher_en: expect.any(String), date: expect.any(String) });
    expect(depot.properties.reported?.[0]?.source).toMatchObject({
      publisher_en: 'RUSI (Royal United Services Institute)',
    });
  });
});

describe('the CSV download', () => {
  it('has a header row and one row per source and per claim, quoting commas and quotes', async () => {
    const { sourcesCsv, claimsCsv, csvOf } = await import('../../src/story/ledger-csv');
    const sources = sourcesCsv(ledger.sources).split('\r\n');
    expect(sources[0]).toBe(
      'id,kind,publisher_uk,publisher_en,title,about_uk,about_en,date,url,archive_url,no_archive_reason_en,derived_from',
    );
    expect(sources).toHaveLength(ledger.sources.size + 2);
    const rows = claimsCsv(claims.claims, ledger.sources).split('\r\n');
    expect(rows[0]).toMatch(/^id,text_uk,text_en,.*,asserted_by,denied_by,independent_sources,/);
    expect(rows.find((r) => r.startsWith('arms-deal,'))).toMatch(
      /,pyongyang-denial moscow-denial,1,official-statement,/,
    );
    expect(csvOf([['a,b', 'say "hi"', 3]])).toBe('"a,b","say ""hi""",3\r\n');
  });
});

describe('the claims as JSON-LD', () => {
  it('are schema.org Claims with their text in both languages, an author and every appearance, never a ClaimReview', async () => {
    const { claimsJsonLd, jsonLdScriptText } = await import('../../src/story/claims-jsonld');
    const doc = claimsJsonLd(claims.claims, ledger.sources) as { '@graph': Record<string, unknown>[] };
    expect(doc['@graph']).toHaveLength(claims.claims.length);
    const totals = doc['@graph'].find((c) => c['@id'] === '#claim-containers-nk-to-russia')!;
    expect(totals).toMatchObject({
      '@type': 'Claim',
      text: [{ '@language': 'uk' }, { '@language': 'en' }],
      author: [{ '@type': 'Organization', name: 'The White House' }],
    });
    expect(totals.appearance).toHaveLength(3);
    const text = jsonLdScriptText(doc);
    expect(text).not.toMatch(/ClaimReview|<\/script/i);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});
