/**
 * The story's default view as a static SVG, drawn at build time from the same basemap and story GeoJSON
 * as the live map (Web Mercator, the same bounds). Shown before the live map is ready and instead of it
 * without WebGL. Pure: GeoJSON in, SVG text out.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { Lang } from '../i18n/strings';
import type { StoryFeature, StoryLayerId } from '../story/types';
import { BASEMAP_COLORS, STORY_COLORS } from '../style/palette';

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
}

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Web Mercator of [lon, lat] in world units (0..1 across the world). */
export function mercator([lon, lat]: Position): [number, number] {
  const clamped = Math.max(-85.05, Math.min(85.05, lat!));
  const phi = (clamped * Math.PI) / 180;
  return [(lon! + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2];
}

/** Renders the static picture. */
/** Points closer than this to the last one kept (in px, summed over x and y) are left out of the picture. */
const MIN_STEP_PX = 2.5;

export function renderStaticMapSvg(input: StaticMapInput): string {
  const [sw, ne] = input.bounds;
  const [x0, y1] = mercator(sw);
  const [x1, y0] = mercator(ne);
  // Scale so the bounds fit inside width × height less padding, as MapLibre's fitBounds does.
  const scale = Math.min((input.width - 2 * input.padding) / (x1 - x0), (input.height - 2 * input.padding) / (y1 - y0));
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const px = (p: Position): [number, number] => {
    const [x, y] = mercator(p);
    return [(x - cx) * scale + input.width / 2, (y - cy) * scale + input.height / 2];
  };
  const fmt = (n: number) => Math.round(n).toString();
  // Only what can show: the picture plus the letterbox a wide or tall screen adds around it.
  const visible = (pts: [number, number][]) =>
    pts.some(
      ([x, y]) => x >= -input.width / 2 && x <= 1.5 * input.width && y >= -input.height / 2 && y <= 1.5 * input.height,
    );
  const path = (lines: Position[][], close: boolean) =>
    lines
      .map((line) => line.map(px))
      .filter(visible)
      .map((pts) => {
        // Whole pixels, each point relative to the last one kept (short numbers that compress well); points within
        // MIN_STEP_PX of the last one kept are dropped: invisible in a picture the live map replaces.
        const out: string[] = [];
        let last: [number, number] | undefined;
        for (const [x, y] of pts) {
          const [rx, ry] = [Math.round(x), Math.round(y)];
          if (!last) out.push(`M${rx} ${ry}`);
          else if (Math.abs(rx - last[0]) + Math.abs(ry - last[1]) < MIN_STEP_PX) continue;
          else out.push(`${rx - last[0]} ${ry - last[1]}`);
          last = [rx, ry];
        }
        return out.length > 1 ? `${out[0]}l${out.slice(1).join(' ')}${close ? 'Z' : ''}` : '';
      })
      .join('');
  const geometryPath = (g: Geometry | null): string => {
    if (!g) return '';
    switch (g.type) {
      case 'Polygon':
        return path(g.coordinates, true);
      case 'MultiPolygon':
        return g.coordinates.map((poly) => path(poly, true)).join('');
      case 'LineString':
        return path([g.coordinates], false);
      case 'MultiLineString':
        return path(g.coordinates, false);
      default:
        return '';
    }
  };
  const all = (fc: FeatureCollection) => fc.features.map((f: Feature) => geometryPath(f.geometry)).join('');

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${input.width} ${input.height}" width="${input.width}" height="${input.height}" preserveAspectRatio="xMidYMid meet" role="img" aria-label="${escapeXml(input.title)}" overflow="visible">`,
  );
  out.push(
    `<rect x="-${input.width * 2}" y="-${input.height * 2}" width="${input.width * 5}" height="${input.height * 5}" fill="${BASEMAP_COLORS.sea}"/>`,
  );
  out.push(
    `<path d="${all(input.land)}" fill="${BASEMAP_COLORS.land}" stroke="${BASEMAP_COLORS.coast}" stroke-width="0.6" fill-rule="evenodd"/>`,
  );
  out.push(`<path d="${all(input.borders)}" fill="none" stroke="${BASEMAP_COLORS.border}" stroke-width="0.8"/>`);
  const points: { f: StoryFeature; color: string }[] = [];
  for (const layer of input.layers) {
    const color = STORY_COLORS[layer.id];
    for (const f of layer.features) {
      if (f.geometry.type === 'Point') points.push({ f, color });
      else {
        const dash = f.properties.confidence === 'reported' ? '' : ' stroke-dasharray="7 5"';
        out.push(
          `<path d="${geometryPath(f.geometry)}" fill="none" stroke="${color}" stroke-width="2.5"${dash} stroke-linejoin="round"/>`,
        );
      }
    }
  }
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
