/**
 * The story's default view as a static SVG, drawn at build time from the same basemap and story GeoJSON
 * as the live map (Web Mercator, the same bounds). Shown before the live map is ready and instead of it
 * without WebGL. Pure: GeoJSON in, SVG text out.
 *
 * d3-geo does the geography: the Web Mercator projection, fitting the bounds into the picture as MapLibre's
 * fitBounds does (`fitExtent`), cutting the shapes to what can show (`clipExtent`) and walking the GeoJSON
 * (`geoPath`). Written here is only the path context that turns what geoPath draws into SVG path data: whole pixels,
 * each point relative to the last one kept, points closer than MIN_STEP_PX left out. d3's own SVG output writes
 * absolute coordinates with decimals, which compress worse, and this picture is part of the first view's download.
 */
import { rewind } from '@turf/turf';
import { type GeoContext, type GeoPermissibleObjects, geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection, Position } from 'geojson';
import type { Lang } from '../i18n/strings';
import type { StoryFeature, StoryLayerId } from '../story/types';
import { BASEMAP_COLORS, STORY_COLORS, STORY_DASHES } from '../style/palette';
import { DRAW_ORDER } from '../style/story-layers';
import { escapeXml } from '../text/escape';

export interface StaticMapInput {
  land: FeatureCollection;
  borders: FeatureCollection;
  layers: { id: StoryLayerId; features: StoryFeature[] }[];
  bounds: [[number, number], [number, number]];
  lang: Lang;
  /** Intrinsic size of the picture in px; the viewBox frames `bounds` with `padding` px around. */
  width: number;
  height: number;
  padding: number;
  /** Ids of the points to label (the rest are drawn without a label, to keep the picture legible). */
  labelled: readonly string[];
  title: string;
  /**
   * Draws the story's lines without anti-aliasing (`shape-rendering="crispEdges"`), for the picture the page shows
   * while the map loads. Chromium rasterises a picture with multisampling once it holds four or more anti-aliased
   * curved paths (land, borders and the story's lines make seven); in software GL that raster took 300–450 ms of
   * the GPU process, and the map's WebGL context waited for it (the benchmark's "map created" phase). The share
   * card, drawn by resvg at build time, keeps them smooth.
   */
  crispLines?: boolean;
}

/** Points closer than this to the last one kept (in px, summed over x and y) are left out of the picture. */
const MIN_STEP_PX = 2.5;

/**
 * A geoPath context that collects SVG path data: each line or ring as `M x y` then relative `l` steps in whole
 * pixels (short numbers that compress well), `Z` when a ring closes; steps under MIN_STEP_PX from the last point kept
 * are dropped (invisible in a picture the live map replaces), and so is a line left with one point.
 */
function createPathDataContext(): GeoContext & { take(): string } {
  let data = '';
  let steps: string[] = [];
  let last: [number, number] = [0, 0];
  const flush = (close: boolean) => {
    if (steps.length > 1) data += `${steps[0]}l${steps.slice(1).join(' ')}${close ? 'Z' : ''}`;
    steps = [];
  };
  return {
    beginPath() {},
    moveTo(x, y) {
      flush(false);
      last = [Math.round(x), Math.round(y)];
      steps.push(`M${last[0]} ${last[1]}`);
    },
    lineTo(x, y) {
      const [rx, ry] = [Math.round(x), Math.round(y)];
      if (Math.abs(rx - last[0]) + Math.abs(ry - last[1]) < MIN_STEP_PX) return;
      steps.push(`${rx - last[0]} ${ry - last[1]}`);
      last = [rx, ry];
    },
    closePath() {
      flush(true);
    },
    // Points are drawn as <circle> elements, never through the path.
    arc() {},
    take() {
      flush(false);
      const taken = data;
      data = '';
      return taken;
    },
  };
}

/** Renders the static picture. */
export function renderStaticMapSvg(input: StaticMapInput): string {
  const { width, height, padding } = input;
  const [sw, ne] = input.bounds;
  const projection = geoMercator()
    // No resampling: straight lines between the vertices on the Mercator plane, as the live map draws them.
    .precision(0)
    .fitExtent(
      [
        [padding, padding],
        [width - padding, height - padding],
      ],
      { type: 'MultiPoint', coordinates: [sw, ne] },
    )
    // Only what can show: the picture plus the letterbox a screen adds around it, as tall as 3 : 4 or as wide as
    // 9 : 4 (the sea's rectangle covers the rest). The live map replaces it within a second or two.
    .clipExtent([
      [-width / 4, -height / 2],
      [1.25 * width, 1.5 * height],
    ]);
  const context = createPathDataContext();
  const path = geoPath(projection, context);
  const pathData = (object: GeoPermissibleObjects) => {
    path(object);
    return context.take();
  };
  const px = (p: Position) => projection([p[0]!, p[1]!]) ?? [Number.NaN, Number.NaN];
  const fmt = (n: number) => Math.round(n).toString();
  // GeoJSON winds outer rings anticlockwise (RFC 7946); d3-geo, on the sphere, takes that as the rest of the world.
  const land = rewind(input.land, { reverse: true }) as FeatureCollection;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" preserveAspectRatio="xMidYMid meet" role="img" aria-label="${escapeXml(input.title)}" overflow="visible">`,
  );
  out.push(
    `<rect x="-${width * 2}" y="-${height * 2}" width="${width * 5}" height="${height * 5}" fill="${BASEMAP_COLORS.sea}"/>`,
  );
  out.push(
    `<path d="${pathData(land)}" fill="${BASEMAP_COLORS.land}" stroke="${BASEMAP_COLORS.coast}" stroke-width="0.6" fill-rule="evenodd"/>`,
  );
  out.push(`<path d="${pathData(input.borders)}" fill="none" stroke="${BASEMAP_COLORS.border}" stroke-width="0.8"/>`);
  const points: { f: StoryFeature; color: string }[] = [];
  // Lines as on the map: the journeys first, under the munitions chain (points keep the order they are given in).
  const rank = (id: StoryLayerId) => (DRAW_ORDER.includes(id) ? DRAW_ORDER.indexOf(id) : DRAW_ORDER.length);
  const lines: string[][] = input.layers.map(() => []);
  input.layers.forEach((layer, i) => {
    const color = STORY_COLORS[layer.id];
    // The layer's own dashes (the two green journeys differ only by them), scaled as on the map's 3.5 px chain.
    const { dash: pattern, round } = STORY_DASHES[layer.id];
    const dashed = ` stroke-dasharray="${pattern.map((d) => +(d * 3.5).toFixed(2)).join(' ')}"${round ? ' stroke-linecap="round"' : ''}`;
    for (const f of layer.features) {
      if (f.geometry.type === 'Point') points.push({ f, color });
      else {
        const dash = f.properties.confidence === 'reported' ? '' : dashed;
        const crisp = input.crispLines ? ' shape-rendering="crispEdges"' : '';
        lines[i]?.push(
          `<path d="${pathData(f.geometry)}" fill="none" stroke="${color}" stroke-width="2.5"${dash} stroke-linejoin="round"${crisp}/>`,
        );
      }
    }
  });
  const byRank = input.layers
    .map((layer, i) => ({ rank: rank(layer.id), i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i);
  for (const { i } of byRank) out.push(...(lines[i] ?? []));
  for (const { f, color } of points) {
    if (f.geometry.type !== 'Point') continue;
    const [x, y] = px(f.geometry.coordinates);
    const r = f.properties.kind === 'capital' || f.properties.kind === 'ammunition-depot' ? 5.5 : 4;
    out.push(`<circle cx="${fmt(x)}" cy="${fmt(y)}" r="${r}" fill="${color}" stroke="#fff" stroke-width="1.5"/>`);
  }
  for (const { f } of points) {
    if (f.geometry.type !== 'Point' || !input.labelled.includes(f.properties.id)) continue;
    const [x, y] = px(f.geometry.coordinates);
    const name = input.lang === 'uk' ? f.properties.name_uk : f.properties.name_en;
    out.push(
      `<text x="${fmt(x + 8)}" y="${fmt(y + 4.5)}" font-family="Noto Sans, sans-serif" font-size="14" fill="#1a1a1a" stroke="#fff" stroke-width="3" paint-order="stroke">${escapeXml(name)}</text>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}
