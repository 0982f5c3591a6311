import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashFor } from '../../src/app/bind-url';
import { LANGS } from '../../src/i18n/strings';
import { createModel } from '../../src/state/model';
import {
  type Camera,
  EMPTY_URL_STATE,
  formatCamera,
  formatUrlState,
  layersForUrl,
  MAX_HASH_LENGTH,
  MAX_VALUE_LENGTH,
  parseCamera,
  parseUrlState,
  type UrlState,
} from '../../src/state/url-state';
import { STORY_LAYERS, type StoryLayerId } from '../../src/story/types';

// A camera in MapLibre's hash format: zoom/lat/lon[/bearing/pitch], with literal slashes.
const MAP = 'map=4.2/45.12/90.57/12/30';
const MAP_CAMERA: Camera = { zoom: 4.2, lat: 45.12, lng: 90.57, bearing: 12, pitch: 30 };

/** Hashes built to hurt: markup, broken escapes, numbers no parser expects, and sizes far past every limit. */
const HOSTILE_HASHES = [
  '',
  '#',
  '##',
  '&&&',
  '=',
  '==&==',
  '#layers=<script>alert(1)</script>',
  '#f=<script>alert(1)</script>&lang=<img src=x onerror=alert(1)>',
  '#f=%3Cscript%3E&layers=%E0%A4%A&lang=%',
  '#%%%%=%%%%&%ZZ=%ZZ',
  '#layers=capitals%2Cports%2',
  `#map=${'9'.repeat(400)}/NaN/Infinity/-0/1e308`,
  '#map=NaN/NaN/NaN&f=NaN&lang=NaN&layers=NaN',
  '#__proto__=1&constructor=2&toString=3&hasOwnProperty=4',
  `#f=${'a'.repeat(100_000)}`,
  `#x=${'%'.repeat(100_000)}`,
  `#${'a=b&'.repeat(25_000)}`,
  `#${'&'.repeat(100_000)}layers=capitals`,
  '#lang=\u0000&f=\uD800&layers=\uDFFF',
] as const;

/** Keys the codec does not own: simple and unique, never one of its own, and never `map` (placed first, tested apart). */
const otherKey = fc
  .stringMatching(/^[a-z_][a-z0-9_.-]{0,15}$/)
  .filter((key) => !['layers', 'f', 'lang', 'map', 't', 'step'].includes(key));
const otherValue = fc.stringMatching(/^[A-Za-z0-9._~/:,-]{0,40}$/);
/** Unknown parts as a link writes them: `key=value`, `key=` or a bare `key`, repeats allowed. */
const otherEntries = fc.array(
  fc.tuple(otherKey, fc.option(otherValue, { nil: undefined })).map(([k, v]) => (v === undefined ? k : `${k}=${v}`)),
  { maxLength: 8 },
);

const featureId = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,63}$/);
const canonicalLayers = fc.subarray([...STORY_LAYERS]);

/** Valid states as the app holds them: layers in the canonical order (or the defaults), a slug, a language. */
/** A camera as a link carries it (already rounded the way the codec writes it). */
const anyCamera = fc
  .record({
    zoom: fc.double({ min: 0, max: 24, noNaN: true }),
    lat: fc.double({ min: -85, max: 85, noNaN: true }),
    lng: fc.double({ min: -180, max: 180, noNaN: true }),
    bearing: fc.constant(0),
    pitch: fc.constant(0),
  })
  .map((c) => parseCamera(formatCamera(c)) as Camera);

const validState: fc.Arbitrary<UrlState> = fc.record({
  camera: fc.option(anyCamera, { nil: undefined }),
  layers: fc.option(canonicalLayers, { nil: undefined }),
  feature: fc.option(featureId, { nil: undefined }),
  lang: fc.option(fc.constantFrom(...LANGS), { nil: undefined }),
  time: fc.option(
    fc
      .date({ min: new Date('2023-07-20'), max: new Date('2023-10-20'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    { nil: undefined },
  ),
  step: fc.option(fc.integer({ min: 0, max: 998 }), { nil: undefined }),
  other: otherEntries,
});

describe('parseUrlState', () => {
  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (hash) => {
        parseUrlState(hash);
      }),
      { numRuns: 500 },
    );
  });

  // 500 runs take about a second; a busy machine needs more than the default 5 s.
  it('never throws on any unicode string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (hash) => {
        parseUrlState(hash);
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  it('never throws on hashes assembled from hostile keys and values', () => {
    const hostilePart = fc.constantFrom(
      'layers',
      'f',
      'lang',
      'map',
      '<script>',
      '%',
      '%E0%A4%A',
      'NaN',
      '1e308',
      '-0',
      '',
      '=',
      '&',
      '#',
    );
    const part = fc.tuple(fc.oneof(hostilePart, fc.string()), fc.oneof(hostilePart, fc.string()));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 40 }), (parts) => {
        const state = parseUrlState(`#${parts.map(([k, v]) => `${k}=${v}`).join('&')}`);
        expect(Array.isArray(state.other)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it.each(HOSTILE_HASHES.map((hash) => [hash.slice(0, 40), hash]))('never throws on %j…', (_label, hash) => {
    const state = parseUrlState(hash);
    expect(state.feature === undefined || /^[a-z0-9][a-z0-9-]*$/.test(state.feature)).toBe(true);
    for (const part of state.other)
      expect(part.slice(part.indexOf('=') + 1).length).toBeLessThanOrEqual(MAX_VALUE_LENGTH);
  });

  it('returns the empty state for an empty hash, with or without #', () => {
    expect(parseUrlState('')).toEqual(EMPTY_URL_STATE);
    expect(parseUrlState('#')).toEqual(EMPTY_URL_STATE);
  });

  it('reads its own keys and keeps the rest, with or without the leading #', () => {
    const expected: UrlState = {
      camera: MAP_CAMERA,
      layers: ['capitals', 'kim-train'],
      feature: 'rajin-port',
      lang: 'en',
      time: undefined,
      step: undefined,
      other: ['utm_source=x'],
    };
    expect(parseUrlState(`#${MAP}&layers=capitals,kim-train&f=rajin-port&lang=en&utm_source=x`)).toEqual(expected);
    expect(parseUrlState(`${MAP}&layers=capitals,kim-train&f=rajin-port&lang=en&utm_source=x`)).toEqual(expected);
  });

  it('drops unknown layer ids and puts known ones in the canonical order', () => {
    expect(parseUrlState('#layers=kim-train,nope,capitals,<b>,ports').layers).toEqual([
      'capitals',
      'ports',
      'kim-train',
    ]);
  });

  it('reads percent-encoded commas in layers', () => {
    expect(parseUrlState('#layers=ports%2Ckim-train').layers).toEqual(['ports', 'kim-train']);
  });

  it('reads an empty layers value as "no layers", not as the defaults', () => {
    expect(parseUrlState('#layers=').layers).toEqual([]);
    expect(parseUrlState('#layers').layers).toEqual([]);
  });

  it('reads the old "trips" layer of earlier links as both journeys, and writes only the new ids', () => {
    expect(parseUrlState('#layers=capitals,trips').layers).toEqual(['capitals', 'lavrov-flight', 'kim-train']);
    expect(parseUrlState('#layers=trips,kim-train').layers).toEqual(['lavrov-flight', 'kim-train']);
    const layers = parseUrlState('#layers=ports,trips').layers;
    expect(formatUrlState({ ...EMPTY_URL_STATE, layers })).toBe('#layers=ports,lavrov-flight,kim-train');
  });

  it.each([
    ['upper case', 'Moscow'],
    ['markup', '<script>'],
    ['encoded markup', '%3Cscript%3E'],
    ['200 characters', 'a'.repeat(200)],
    ['a leading hyphen', '-moscow'],
    ['a space', 'rajin port'],
    ['empty', ''],
  ])('rejects a feature id with %s', (_what, value) => {
    expect(parseUrlState(`#f=${value}`).feature).toBeUndefined();
  });

  it('accepts a percent-encoded valid feature id', () => {
    expect(parseUrlState('#f=rajin%2Dport').feature).toBe('rajin-port');
  });

  it.each(['EN', 'ru', 'uk-UA', ''])('ignores lang=%s', (value) => {
    expect(parseUrlState(`#lang=${value}`).lang).toBeUndefined();
  });

  it('keeps the first of its own repeated keys, and every repeat of an unknown one', () => {
    const state = parseUrlState('#f=moscow&f=beijing&x=1&x=2');
    expect(state.feature).toBe('moscow');
    expect(state.other).toEqual(['x=1', 'x=2']);
  });

  it('cuts an over-long value to MAX_VALUE_LENGTH', () => {
    const long = 'v'.repeat(MAX_VALUE_LENGTH * 3);
    expect(parseUrlState(`#note=${long}`).other).toEqual([`note=${'v'.repeat(MAX_VALUE_LENGTH)}`]);
  });

  it('ignores whatever lies past MAX_HASH_LENGTH', () => {
    const filler = `pad=${'p'.repeat(MAX_VALUE_LENGTH - 4)}`;
    const head = Array.from({ length: Math.ceil(MAX_HASH_LENGTH / filler.length) + 1 }, (_, i) => `k${i}=${filler}`);
    const state = parseUrlState(`#${head.join('&')}&lang=en`);
    expect(state.lang).toBeUndefined();
  });

  it('keeps unknown values untouched, percent escapes and all', () => {
    const state = parseUrlState(`#${MAP}&q=a%20b%2Fc&flag`);
    expect(state.other).toEqual(['q=a%20b%2Fc', 'flag']);
  });
});

describe('formatUrlState', () => {
  it('writes an empty hash for the empty state', () => {
    expect(formatUrlState(EMPTY_URL_STATE)).toBe('');
  });

  it('writes map first and untouched, then layers, f, lang, then the other keys in their order', () => {
    const hash = formatUrlState({
      camera: MAP_CAMERA,
      layers: ['ports', 'capitals'],
      feature: 'dunai-port',
      lang: 'uk',
      time: undefined,
      step: undefined,
      other: ['zeta=1', 'alpha', 'beta='],
    });
    expect(hash).toBe(`#${MAP}&layers=capitals,ports&f=dunai-port&lang=uk&zeta=1&alpha&beta=`);
  });

  it('joins with literal & = , and never percent-encodes the slashes of map=', () => {
    const hash = formatUrlState({
      ...EMPTY_URL_STATE,
      camera: { zoom: 3, lat: 40, lng: 100, bearing: 0, pitch: 0 },
      layers: ['capitals', 'ports'],
    });
    expect(hash).toBe('#map=3/40/100&layers=capitals,ports');
    expect(hash).not.toContain('%');
  });

  it('drops other entries that shadow its own keys', () => {
    const hash = formatUrlState({
      ...EMPTY_URL_STATE,
      feature: 'moscow',
      other: ['map=1/2/3', 'f=beijing', 'layers=trips', 'lang', 'x=1'],
    });
    expect(hash).toBe('#f=moscow&x=1');
  });

  it('writes the same text for equal states whatever order their layers were given in', () => {
    const permuted = fc
      .subarray([...STORY_LAYERS])
      .chain((layers) => fc.tuple(fc.constant(layers), fc.shuffledSubarray(layers, { minLength: layers.length })));
    fc.assert(
      fc.property(permuted, ([canonical, shuffled]) => {
        const a = formatUrlState({ ...EMPTY_URL_STATE, layers: canonical });
        const b = formatUrlState({ ...EMPTY_URL_STATE, layers: shuffled });
        expect(b).toBe(a);
      }),
    );
  });

  it('is a fixed point: formatting what it parsed gives back the same text', () => {
    fc.assert(
      fc.property(validState, (state) => {
        const once = formatUrlState(state);
        expect(formatUrlState(parseUrlState(once))).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseUrlState ∘ formatUrlState', () => {
  it('gives back any valid state', () => {
    fc.assert(
      fc.property(validState, (state) => {
        expect(parseUrlState(formatUrlState(state))).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });

  it('gives back unknown keys in their order, with map= first', () => {
    fc.assert(
      fc.property(validState, anyCamera, (state, camera) => {
        const withMap: UrlState = { ...state, camera };
        const back = parseUrlState(formatUrlState(withMap));
        expect(back.other).toEqual(withMap.other);
        expect(formatUrlState(withMap).startsWith(`#map=${formatCamera(camera)}`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps an unknown key from a shared link through a change of language', () => {
    const before = parseUrlState(`#${MAP}&ref=newsletter&lang=uk&f=moscow`);
    const after = formatUrlState({ ...before, lang: 'en' });
    expect(after).toBe(`#${MAP}&f=moscow&lang=en&ref=newsletter`);
  });
});

describe('layersForUrl', () => {
  it('is undefined when every layer is visible, so default links stay short', () => {
    expect(layersForUrl(STORY_LAYERS)).toBeUndefined();
    expect(layersForUrl([...STORY_LAYERS].reverse())).toBeUndefined();
  });

  it('lists a subset in the canonical order', () => {
    expect(layersForUrl(['kim-train', 'capitals', 'lavrov-flight'])).toEqual([
      'capitals',
      'lavrov-flight',
      'kim-train',
    ]);
  });

  it('lists no layers as an empty list, not as the defaults', () => {
    expect(layersForUrl([])).toEqual([]);
  });

  it('compares against custom defaults', () => {
    const defaults: StoryLayerId[] = ['capitals', 'ports'];
    expect(layersForUrl(['ports', 'capitals'], defaults)).toBeUndefined();
    expect(layersForUrl(STORY_LAYERS, defaults)).toEqual([...STORY_LAYERS]);
  });

  it('round-trips through the URL for any set of visible layers', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...STORY_LAYERS]), (visible) => {
        const layers = layersForUrl(visible);
        const back = parseUrlState(formatUrlState({ ...EMPTY_URL_STATE, layers })).layers ?? STORY_LAYERS;
        expect([...back]).toEqual(STORY_LAYERS.filter((id) => visible.includes(id)));
      }),
    );
  });
});

describe('parseCamera and formatCamera', () => {
  it("read and write MapLibre's zoom/lat/lng with bearing and pitch only when set", () => {
    expect(parseCamera('6/45.9/40.1')).toEqual({ zoom: 6, lat: 45.9, lng: 40.1, bearing: 0, pitch: 0 });
    expect(formatCamera({ zoom: 6, lat: 45.9, lng: 40.1, bearing: 0, pitch: 0 })).toBe('6/45.9/40.1');
    expect(formatCamera(MAP_CAMERA)).toBe('4.2/45.12/90.57/12/30');
    expect(formatCamera({ zoom: 3, lat: 1, lng: 2, bearing: 0, pitch: 20 })).toBe('3/1/2/0/20');
  });

  // Decimals d keep the centre within half a pixel, worked out by hand from MapLibre's rule (src/ui/hash.ts):
  // 512 px · 2^zoom / 360° / 10^d < 0.5 px, so d = 1 at zoom 1, 2 at 4.2, 3 at 6 and 4 at 9.
  it.each([
    [1, '1/45.1/40.1'],
    [4.2, '4.2/45.12/40.12'],
    [6, '6/45.123/40.123'],
    [9, '9/45.1235/40.1235'],
  ])('rounds the centre to half a pixel at zoom %d', (zoom, expected) => {
    expect(formatCamera({ zoom, lat: 45.123456, lng: 40.123456, bearing: 0, pitch: 0 })).toBe(expected);
  });

  it.each([
    '',
    '6',
    '6/45',
    '6/45/40/0/0/0',
    'NaN/45/40',
    '6/91/40',
    '6/45/181',
    '1e309/45/40',
    '6//40',
    '6/45/40/500',
    '6/45/40/0/90',
    '-1/45/40',
    'a/b/c',
  ])('rejects %j', (value) => {
    expect(parseCamera(value)).toBeUndefined();
  });
});

describe('the hash through a session', () => {
  // Keys the app does not own, with escapes and characters a careless re-encoder would change.
  const unknownValue = fc.stringMatching(/^([A-Za-z0-9._~/:,+!*'()-]|%[0-9A-F]{2}){0,24}$/);
  const unknownEntries = fc.array(
    fc
      .tuple(otherKey, fc.option(unknownValue, { nil: undefined }))
      .map(([k, v]) => (v === undefined ? k : `${k}=${v}`)),
    { minLength: 1, maxLength: 6 },
  );
  const action = fc.oneof(
    anyCamera.map((camera) => ({ kind: 'pan' as const, camera })),
    fc
      .tuple(fc.constantFrom(...STORY_LAYERS), fc.boolean())
      .map(([layer, on]) => ({ kind: 'toggle' as const, layer, on })),
    fc.option(fc.constantFrom('moscow', 'beijing', 'rajin-port', 'no-such-id'), { nil: undefined }).map((id) => ({
      kind: 'select' as const,
      id,
    })),
    fc.constantFrom(...LANGS).map((lang) => ({ kind: 'lang' as const, lang })),
  );

  it('keeps unknown keys byte for byte through pans, toggles, selections and language switches', () => {
    fc.assert(
      fc.property(unknownEntries, fc.array(action, { maxLength: 20 }), (entries, actions) => {
        const unknown = entries.join('&');
        const model = createModel();
        model.dataLoaded.value = true;
        let hash = `#map=5/45/40&${unknown}`;
        for (const a of actions) {
          if (a.kind === 'pan') model.camera.value = a.camera;
          else if (a.kind === 'toggle') model.setLayerVisible(a.layer, a.on);
          else if (a.kind === 'select') model.select(a.id);
          else model.lang.value = a.lang;
          hash = hashFor(model, hash);
        }
        expect(hash.endsWith(`&${unknown}`) || hash === `#${unknown}`).toBe(true);
        expect(parseUrlState(hash).other).toEqual(entries);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the story's day and step in the link", () => {
  it('reads t= as a calendar day and step= counted from 1, and writes them after lang', () => {
    const state = parseUrlState('#f=moscow&lang=en&t=2023-09-13&step=3&utm=x');
    expect([state.time, state.step, state.other]).toEqual(['2023-09-13', 2, ['utm=x']]);
    expect(formatUrlState(state)).toBe('#f=moscow&lang=en&t=2023-09-13&step=3&utm=x');
  });

  it.each([
    ['2023-02-30', 'a day that does not exist'],
    ['2023-9-13', 'a date without zero padding'],
    ['13.09.2023', 'another date format'],
    ['2023-09-13T10:00', 'a time of day'],
    ['<script>', 'markup'],
    ['', 'nothing'],
  ])('drops t=%s (%s) and never throws', (value) => {
    expect(parseUrlState(`#t=${value}`).time).toBeUndefined();
  });

  it.each(['0', '-1', '1.5', '01', 'x', '1000', ''])('drops step=%s', (value) => {
    expect(parseUrlState(`#step=${value}`).step).toBeUndefined();
  });
});

describe('keys the codec does not own (#26)', () => {
  it.each([
    ['#utm=a&utm=b&f=moscow', '#f=moscow&utm=a&utm=b'],
    ['#foo=&bar', '#foo=&bar'],
    ['#a=1&b&c=&a=2&d=%2F', '#a=1&b&c=&a=2&d=%2F'],
    ['#f=moscow&x=1&f=beijing&x=1', '#f=moscow&x=1&x=1'],
  ])('%s is written back as %s: repeats, empty values and bare keys kept exactly', (hash, expected) => {
    expect(formatUrlState(parseUrlState(hash))).toBe(expected);
  });
});
