import { readFileSync } from 'node:fs';
import { length, lineString } from '@turf/turf';
import type { LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseStoryLayer } from '../../src/story/parse-story';
import { parseSteps, parseTimeline } from '../../src/story/parse-timeline';
import { QUOTE_BY_ID } from '../../src/story/quotes';
import { dayOf, isoOfDay, phasesOn, shipPositionAt, stopOn, type Timeline } from '../../src/story/timeline';
import { STORY_LAYERS } from '../../src/story/types';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const features = STORY_LAYERS.flatMap((l) => parseStoryLayer(l, read(`geo/${l}.geojson`)).features);
const featureIds = new Set(features.map((f) => f.properties.id));
const parsedTimeline = parseTimeline('geo/events.json', read('geo/events.json'), featureIds);
const timeline = parsedTimeline.timeline as Timeline;
const known = {
  features: featureIds,
  events: new Set(timeline.events.map((e) => e.id)),
  quotes: new Set(QUOTE_BY_ID.keys()),
  timeline,
};
const day = (iso: string) => dayOf(iso)!;

describe('geo/events.json', () => {
  it('parses with no errors, from 20 July to 20 October 2023', () => {
    expect(parsedTimeline.errors).toEqual([]);
    expect([timeline.start, timeline.end]).toEqual(['2023-07-20', '2023-10-20']);
  });

  it('dates every event of the story, in the order of the facts file', () => {
    const starts = Object.fromEntries(timeline.events.map((e) => [e.id, [e.start, e.end ?? e.start]]));
    // From the facts file's events table, written out by hand.
    expect(starts['shoigu-pyongyang']).toEqual(['2023-07-25', '2023-07-27']);
    expect(starts.shuttle).toEqual(['2023-08-15', '2023-10-14']);
    expect(starts['najin-containers']).toEqual(['2023-09-07', '2023-09-08']);
    expect(starts['angara-najin-dunai-window']).toEqual(['2023-09-07', '2023-10-01']);
    expect(starts['angara-at-dunai']).toEqual(['2023-09-12', '2023-09-12']);
    expect(starts['kim-train']).toEqual(['2023-09-10', '2023-09-19']);
    expect(starts['white-house-statement']).toEqual(['2023-10-13', '2023-10-13']);
    expect(starts['rusi-report']).toEqual(['2023-10-16', '2023-10-16']);
    expect(starts['lavrov-beijing']).toEqual(['2023-10-16', '2023-10-16']);
    expect(starts['lavrov-pyongyang']).toEqual(['2023-10-18', '2023-10-19']);
  });

  it('marks dates the sources give only roughly as approximate', () => {
    const approximate = timeline.events.filter((e) => e.precision === 'approximate').map((e) => e.id);
    // Shoigu's days are reported (Russian MoD, KCNA): no longer our estimate since the fact-check of December 2026.
    expect(approximate).toEqual(['shuttle', 'depot-arrivals']);
  });
});

describe('geo/steps.json', () => {
  const parsed = parseSteps('geo/steps.json', read('geo/steps.json'), known);

  it('parses 6 to 8 steps with no errors, in the order of the dates they tell except the first', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.steps.length).toBeGreaterThanOrEqual(6);
    expect(parsed.steps.length).toBeLessThanOrEqual(8);
    const dates = parsed.steps.slice(1).map((s) => day(s.date));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
  });
});

describe('parseTimeline and parseSteps on broken files', () => {
  it.each([
    ['event-impossible-date.json', 'najin-containers', 'expected start as a calendar date'],
    ['event-end-before-start.json', 'najin-containers', 'expected end on or after start'],
    ['event-unknown-feature.json', 'najin-containers', 'expected features naming known features (no najin-harbour)'],
    ['event-missing-translation.json', 'najin-containers', 'expected text_uk as non-empty text'],
    ['event-outside-timeline.json', 'najin-containers', 'expected dates inside the timeline'],
    ['event-key-missing-translation.json', 'najin-containers', 'expected key_en as non-empty text'],
    ['event-key-too-long.json', 'najin-containers', 'expected key_uk and key_en of at most 24 characters'],
  ])('drops the event in %s and names it (%s) and what was expected', (name, id, message) => {
    const file = `tests/fixtures/broken-time/${name}`;
    const parsed = parseTimeline(file, read(file), featureIds);
    expect(parsed.timeline?.events).toEqual([]);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]?.feature).toBe(id);
    expect(parsed.errors[0]?.message.startsWith(message), parsed.errors[0]?.message).toBe(true);
  });

  it.each([
    ['step-unknown-quote.json', 'expected quotes naming known quotes (no kirby-quote)'],
    ['step-unknown-layer.json', 'expected layers naming known layers (no shipping-lanes)'],
    ['step-unknown-event.json', 'expected events naming known events (no ais-dark-period)'],
    [
      'step-unknown-mark.json',
      'expected visual.marks as { at: a known feature, role: ship or containers, text: a step.mark string }',
    ],
  ])('drops the step in %s and says what was expected', (name, message) => {
    const file = `tests/fixtures/broken-time/${name}`;
    const parsed = parseSteps(file, read(file), known);
    expect(parsed.steps).toEqual([]);
    expect(parsed.errors.map((e) => [e.feature, e.message])).toEqual([['shuttle', message]]);
  });

  it('refuses files of the wrong shape without throwing', () => {
    for (const value of [
      null,
      [],
      'events',
      { events: [] },
      { timeline: { start: '2023-10-20', end: '2023-07-20' }, events: [] },
    ]) {
      expect(parseTimeline('x.json', value, featureIds).timeline).toBeUndefined();
    }
    expect(parseSteps('x.json', { step: [] }, known).errors).toHaveLength(1);
  });
});

describe('dayOf and isoOfDay', () => {
  it('round-trip calendar days and refuse impossible ones', () => {
    expect(isoOfDay(day('2023-09-13'))).toBe('2023-09-13');
    expect(day('2023-10-01') - day('2023-09-30')).toBe(1);
    expect(dayOf('2023-02-29')).toBeUndefined();
    expect(dayOf('2023-9-13')).toBeUndefined();
  });
});

describe('phasesOn', () => {
  it('shows nothing of the shuttle before mid-August, the shuttle during it, and it past after 14 October', () => {
    expect(phasesOn(day('2023-08-01'), timeline.events).get('angara-maria-shuttle')).toBe('before');
    expect(phasesOn(day('2023-09-01'), timeline.events).get('angara-maria-shuttle')).toBe('active');
    expect(phasesOn(day('2023-10-19'), timeline.events).get('angara-maria-shuttle')).toBe('after');
  });

  it('has the depot active from late September, and the rail line with it', () => {
    const early = phasesOn(day('2023-09-13'), timeline.events);
    expect(early.get('tikhoretsk-depot')).toBe('before');
    const late = phasesOn(day('2023-09-28'), timeline.events);
    expect(late.get('tikhoretsk-depot')).toBe('active');
    expect(late.get('dunai-tikhoretsk-rail')).toBe('active');
  });

  it('leaves features no event names out (they are timeless)', () => {
    expect(phasesOn(day('2023-09-13'), timeline.events).has('tikhoretsk')).toBe(false);
  });
});

describe("stopOn: Kim's train at its stop of the day", () => {
  const stop = (iso: string) => stopOn(day(iso), 'kim-train', 'pyongyang', timeline.events);
  it.each([
    ['2023-09-09', undefined],
    ['2023-09-10', 'pyongyang'],
    ['2023-09-12', 'khasan'],
    ['2023-09-13', 'vostochny'],
    ['2023-09-14', 'vostochny'],
    ['2023-09-15', 'komsomolsk'],
    ['2023-09-16', 'vladivostok'],
    ['2023-09-17', 'vladivostok'],
    ['2023-09-19', 'pyongyang'],
    ['2023-09-20', undefined],
  ])('%s → %s', (iso, expected) => {
    expect(stop(iso)).toBe(expected);
  });
});

describe('shipPositionAt', () => {
  const line: LineString = {
    type: 'LineString',
    coordinates: [
      [130.3, 42.238],
      [131.45, 42.56],
      [132.366, 42.899],
    ],
  };
  const km = length(lineString(line.coordinates), { units: 'kilometers' });
  const pace = { knots: 11, msPerHour: 100 };
  const legMs = (km / 1.852 / 11) * 100;
  const at = (ms: number) => shipPositionAt(line, ms, pace);

  it('starts at Rajin, reaches Dunai after one passage, and is back at Rajin after two', () => {
    expect(at(0).position).toEqual([130.3, 42.238]);
    expect(at(legMs).km).toBeCloseTo(km, 6);
    expect(at(2 * legMs).km).toBeCloseTo(0, 6);
  });

  it('is halfway along the line half a passage in', () => {
    expect(at(legMs / 2).km).toBeCloseTo(km / 2, 6);
    expect(at(legMs / 2).leg).toBe('out');
    expect(at(1.5 * legMs).leg).toBe('back');
  });

  it('moves forward on the way out and backward on the way back', () => {
    const out = Array.from({ length: 20 }, (_, i) => at((i / 20) * legMs).km);
    expect(out).toEqual([...out].sort((a, b) => a - b));
    const back = Array.from({ length: 20 }, (_, i) => at(legMs + (i / 20) * legMs).km);
    expect(back).toEqual([...back].sort((a, b) => b - a));
  });

  it('repeats every two passages', () => {
    for (const ms of [0, 123, legMs * 0.7, legMs * 1.3]) {
      expect(at(ms + 2 * legMs).km).toBeCloseTo(at(ms).km, 6);
    }
  });

  it('takes longer per passage at a slower speed, as the passage time does', () => {
    const slow = shipPositionAt(line, legMs, { knots: 10, msPerHour: 100 });
    expect(slow.km).toBeLessThan(km);
  });
});
