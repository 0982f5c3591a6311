import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { renderStaticMapSvg, type StaticMapInput } from '../../src/static-map/render-svg';
import type { StoryFeature, StoryProperties } from '../../src/story/types';

const SOURCE = {
  title: 'Test source',
  title_lang: 'en',
  publisher_uk: 'Тест',
  publisher_en: 'Test',
  date: '2023-10-18',
};

function place(id: string, coordinates: [number, number], name: string, kind: StoryProperties['kind'] = 'capital') {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates },
    properties: {
      id,
      name_uk: `${name} (uk)`,
      name_en: name,
      kind,
      summary_uk: 'Тест.',
      summary_en: 'Test.',
      sources: [SOURCE],
      confidence: 'reported',
    },
  } satisfies StoryFeature;
}

const MOSCOW = place('moscow', [37.6178, 55.7517], 'Moscow');
const BEIJING = place('beijing', [116.3875, 39.9033], 'Beijing');
const HOSTILE = place('hostile', [60, 50], '<script>&', 'visit-site');
const ROUTE: StoryFeature = {
  type: 'Feature',
  id: 'route',
  geometry: { type: 'LineString', coordinates: [MOSCOW.geometry.coordinates, BEIJING.geometry.coordinates] },
  properties: {
    ...MOSCOW.properties,
    id: 'route',
    kind: 'trip',
    confidence: 'schematic',
    placement_note_uk: 'схема',
    placement_note_en: 'drawn',
  },
};

const LAND: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [30, 35],
            [140, 35],
            [140, 60],
            [30, 60],
            [30, 35],
          ],
        ],
      },
    },
  ],
};
const NO_BORDERS: FeatureCollection = { type: 'FeatureCollection', features: [] };

function input(overrides: Partial<StaticMapInput> = {}): StaticMapInput {
  return {
    land: LAND,
    borders: NO_BORDERS,
    layers: [
      { id: 'capitals', features: [MOSCOW, BEIJING] },
      { id: 'lavrov-flight', features: [ROUTE, HOSTILE] },
    ],
    bounds: [
      [35.5, 37.5],
      [139.5, 57.5],
    ],
    lang: 'en',
    width: 600,
    height: 400,
    padding: 20,
    labelled: ['moscow', 'beijing', 'hostile'],
    title: 'Static map: "Moscow" & <others>',
    ...overrides,
  };
}

/** Open/close tags balance and no raw `<` or bare `&` sits in text or attributes: enough to call it well-formed. */
function wellFormedProblems(svg: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(svg); m !== null; m = tag.exec(svg)) {
    const between = svg.slice(last, m.index);
    if (between.includes('<') || between.includes('>')) problems.push(`stray markup before ${m[0].slice(0, 30)}`);
    if (/&(?!(amp|lt|gt|quot|apos);)/.test(between + m[3])) problems.push(`bare & near ${m[0].slice(0, 30)}`);
    last = tag.lastIndex;
    const [, closing, name = '', , selfClosing] = m;
    if (selfClosing) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) problems.push(`unbalanced </${name}>`);
  }
  if (svg.slice(last).trim() !== '') problems.push('text after the root element');
  if (stack.length > 0) problems.push(`unclosed ${stack.join(', ')}`);
  return problems;
}

/** The absolute points of one path's data (`M x y` then relative `l` steps, `Z` ends a ring), per line or ring. */
function pathPoints(d: string): [number, number][][] {
  return [...d.matchAll(/M([^lMZ]+)l([^MZ]+)/g)].map(([, start = '', steps = '']) => {
    const [x0, y0] = start.trim().split(' ').map(Number) as [number, number];
    const numbers = steps.trim().split(' ').map(Number);
    const points: [number, number][] = [[x0, y0]];
    for (let i = 0; i < numbers.length; i += 2) {
      const [x, y] = points.at(-1)!;
      points.push([x + numbers[i]!, y + numbers[i + 1]!]);
    }
    return points;
  });
}

/** The land's path data. */
const landPath = (svg: string) =>
  svg.match(/<path d="([^"]*)" fill="[^"]+" stroke="[^"]+" stroke-width="0.6"/)?.[1] ?? '';

/** The centres of the circles, in drawing order. */
const circles = (svg: string) =>
  [...svg.matchAll(/<circle cx="([-\d.]+)" cy="([-\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);

describe('renderStaticMapSvg', () => {
  const svg = renderStaticMapSvg(input());

  it('returns one SVG element, from <svg to </svg>', () => {
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg.match(/<svg[\s>]/g)).toHaveLength(1);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  });

  it('is well-formed', () => {
    expect(wellFormedProblems(svg)).toEqual([]);
  });

  it('lets the well-formedness check fail on broken markup', () => {
    expect(wellFormedProblems('<svg><text>a < b & c</text>')).not.toEqual([]);
  });

  it('escapes a feature name instead of letting it become markup', () => {
    expect(svg).toContain('&lt;script&gt;&amp;</text>');
    expect(svg).not.toContain('<script');
  });

  it('escapes the title in its accessible name', () => {
    expect(svg).toContain('aria-label="Static map: &quot;Moscow&quot; &amp; &lt;others&gt;"');
  });

  it('uses a viewBox of the requested size', () => {
    expect(svg).toContain('viewBox="0 0 600 400"');
  });

  it('places Moscow inside the picture, west of and north of Beijing', () => {
    const [moscow = [Number.NaN, Number.NaN], beijing = [Number.NaN, Number.NaN]] = circles(svg);
    const [mx, my] = moscow;
    expect(mx).toBeGreaterThanOrEqual(0);
    expect(mx).toBeLessThanOrEqual(600);
    expect(my).toBeGreaterThanOrEqual(0);
    expect(my).toBeLessThanOrEqual(400);
    expect(mx).toBeLessThan(beijing[0]);
    expect(my).toBeLessThan(beijing[1]);
  });

  it('fits the bounds inside the padding', () => {
    const west = renderStaticMapSvg(input({ layers: [{ id: 'capitals', features: [place('w', [35.5, 47.5], 'W')] }] }));
    const east = renderStaticMapSvg(
      input({ layers: [{ id: 'capitals', features: [place('e', [139.5, 47.5], 'E')] }] }),
    );
    const [[wx]] = circles(west) as [[number, number]];
    const [[ex]] = circles(east) as [[number, number]];
    expect(wx).toBeGreaterThanOrEqual(20 - 0.1);
    expect(ex).toBeLessThanOrEqual(600 - 20 + 0.1);
    expect(Math.min(wx - 0, 600 - ex)).toBeCloseTo(20, 0);
  });

  it('labels only the listed points, in the requested language', () => {
    const uk = renderStaticMapSvg(input({ lang: 'uk', labelled: ['moscow'] }));
    expect(uk).toContain('>Moscow (uk)</text>');
    expect(uk).not.toContain('Beijing');
    expect(uk.match(/<text /g)).toHaveLength(1);
  });

  it('draws the route from Moscow to Beijing: its relative steps add up to the two cities’ points', () => {
    const [moscow = [], beijing = []] = circles(svg);
    const d = svg.match(/<path d="([^"]+)" fill="none"[^>]*stroke-width="2.5"/)?.[1] ?? '';
    const [start = '', steps = ''] = d.slice(1).split('l');
    const [x0, y0] = start.split(' ').map(Number) as [number, number];
    const numbers = steps.split(' ').map(Number);
    let [x, y] = [x0, y0];
    for (let i = 0; i < numbers.length; i += 2) [x, y] = [x + numbers[i]!, y + numbers[i + 1]!];
    expect(Math.hypot(x0 - moscow[0]!, y0 - moscow[1]!)).toBeLessThanOrEqual(1);
    expect(Math.hypot(x - beijing[0]!, y - beijing[1]!)).toBeLessThanOrEqual(1);
  });

  it('draws a point for every point feature and a path for every line', () => {
    expect(circles(svg)).toHaveLength(3);
    const paths = (text: string) => text.match(/<path /g)?.length ?? 0;
    const withoutRoute = renderStaticMapSvg(input({ layers: [{ id: 'capitals', features: [MOSCOW, BEIJING] }] }));
    expect(paths(svg) - paths(withoutRoute)).toBe(1);
  });

  it('dashes a line that is not reported and draws a reported one solid', () => {
    expect(svg).toMatch(/<path [^>]*stroke-dasharray="[\d. ]+"/);
    const reported = { ...ROUTE, properties: { ...ROUTE.properties, confidence: 'reported' as const } };
    const solid = renderStaticMapSvg(input({ layers: [{ id: 'lavrov-flight', features: [reported] }] }));
    expect(solid).not.toContain('stroke-dasharray');
  });

  it('draws the journeys under the munitions chain, as the map does', () => {
    const railLike = { ...ROUTE, properties: { ...ROUTE.properties, id: 'rail' } };
    const out = renderStaticMapSvg(
      input({
        layers: [
          { id: 'rail-route', features: [railLike] },
          { id: 'kim-train', features: [ROUTE] },
        ],
      }),
    );
    const colours = [...out.matchAll(/<path [^>]*stroke="(#[0-9A-Fa-f]{6})"[^>]*stroke-width="2.5"/g)].map((m) => m[1]);
    expect(colours).toEqual(['#009E73', '#CC79A7']);
  });

  it("dashes the two green journeys apart: Lavrov's flight long-dashed, Kim Jong Un's train dotted", () => {
    const dashOf = (id: 'lavrov-flight' | 'kim-train') =>
      renderStaticMapSvg(input({ layers: [{ id, features: [ROUTE] }] })).match(
        /<path [^>]*stroke-dasharray="[^"]+"[^>]*>/,
      )?.[0];
    const flight = dashOf('lavrov-flight');
    const train = dashOf('kim-train');
    expect(flight).toMatch(/stroke-dasharray="14 7"/);
    expect(train).toMatch(/stroke-dasharray="0 7"/);
    expect(train).toContain('stroke-linecap="round"');
  });

  it('draws the story’s lines without anti-aliasing only when asked (the page’s picture, not the share card)', () => {
    const lines = (text: string) => text.match(/<path [^>]*stroke-width="2.5"[^>]*>/g) ?? [];
    expect(lines(svg).length).toBeGreaterThan(0);
    expect(lines(svg).every((p) => !p.includes('shape-rendering'))).toBe(true);
    const crisp = renderStaticMapSvg(input({ crispLines: true }));
    expect(lines(crisp).length).toBe(lines(svg).length);
    expect(lines(crisp).every((p) => p.includes('shape-rendering="crispEdges"'))).toBe(true);
    // Only the story's lines: the land and borders stay smooth.
    expect(crisp.match(/shape-rendering/g)).toHaveLength(lines(crisp).length);
  });

  it('fills the land, not the rest of the world (GeoJSON rings wind the other way from d3-geo’s)', () => {
    // The land box spans 30° to 140° E, 35° to 60° N, just beyond the bounds: inside the 600 × 400 picture or close.
    const points = pathPoints(landPath(svg)).flat();
    expect(points.length).toBeGreaterThanOrEqual(4);
    for (const [x, y] of points) {
      expect(x).toBeGreaterThan(-100);
      expect(x).toBeLessThan(700);
      expect(y).toBeGreaterThan(-100);
      expect(y).toBeLessThan(500);
    }
  });

  it('writes whole, finite pixels for land that reaches a pole', () => {
    const polar: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [30, 50],
                [140, 50],
                [140, 90],
                [30, 90],
                [30, 50],
              ],
            ],
          },
        },
      ],
    };
    const d = landPath(renderStaticMapSvg(input({ land: polar })));
    expect(d).toMatch(/^M-?\d+ -?\d+l/);
    for (const [x, y] of pathPoints(d).flat()) {
      expect(Number.isInteger(x) && Number.isInteger(y)).toBe(true);
    }
  });

  it('leaves out steps shorter than a few pixels', () => {
    const wiggly = Array.from({ length: 200 }, (_, i): [number, number] => [40 + i * 0.4, 50 + (i % 2) * 0.001]);
    const line = { ...ROUTE, geometry: { type: 'LineString' as const, coordinates: wiggly } };
    const d = renderStaticMapSvg(input({ layers: [{ id: 'lavrov-flight', features: [line] }] })).match(
      /<path d="([^"]+)" fill="none"[^>]*stroke-width="2.5"/,
    )?.[1];
    const [points = []] = pathPoints(d ?? '');
    expect(points.length).toBeGreaterThan(10);
    expect(points.length).toBeLessThan(200);
    for (let i = 1; i < points.length; i++) {
      const [[ax, ay], [bx, by]] = [points[i - 1]!, points[i]!];
      expect(Math.abs(bx - ax) + Math.abs(by - ay)).toBeGreaterThanOrEqual(2.5);
    }
  });

  it('draws points over lines', () => {
    expect(svg.lastIndexOf('stroke-width="2.5"')).toBeLessThan(svg.indexOf('<circle'));
  });
});
