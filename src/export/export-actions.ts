/**
 * The Download menu's actions, loaded when the reader first opens it: the current view as a PNG with the title,
 * credits and link burnt in; the story as GeoJSON; the map frozen into an image for printing. DOM, not pure.
 */
import { type Lang, t } from '../i18n/strings';
import type { StoryLayerData } from '../story/prepare-story';
import { exportFileName, storyCollectionFor } from './story-export';

/** A frame of the map: a 2D copy of its canvas, and the device pixels per CSS pixel it was drawn at. */
export interface MapFrame {
  canvas: HTMLCanvasElement;
  pixelRatio: number;
}

/** Reads the live map's current frame; undefined while there is no live map (before it starts, or without WebGL). */
export type CaptureMap = () => MapFrame | undefined;

/** Saves `blob` as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `text` cut with an ellipsis to fit `width` px in the context's current font. */
function fitText(context: CanvasRenderingContext2D, text: string, width: number): string {
  if (context.measureText(text).width <= width) return text;
  let end = text.length;
  while (end > 0 && context.measureText(`${text.slice(0, end)}…`).width > width) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * The map as drawn, at its size in device pixels, with a band on top (the title) and one at the bottom
 * (credits, then the link and the day), since the attribution and scale are HTML and not in the canvas.
 */
export function composeMapImage(
  map: HTMLCanvasElement,
  text: { title: string; credit: string; link: string },
  scale: number,
  legend: readonly LegendEntry[] = [],
): HTMLCanvasElement {
  const out = document.createElement('canvas');
  out.width = map.width;
  out.height = map.height;
  const context = out.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.drawImage(map, 0, 0);
  const pad = 12 * scale;
  const top = 36 * scale;
  const bottom = 44 * scale;
  context.fillStyle = 'rgb(255 255 255 / 90%)';
  context.fillRect(0, 0, out.width, top);
  context.fillRect(0, out.height - bottom, out.width, bottom);
  context.fillStyle = '#111';
  context.textBaseline = 'middle';
  context.font = `700 ${16 * scale}px "Noto Sans", sans-serif`;
  context.fillText(fitText(context, text.title, out.width - 2 * pad), pad, top / 2);
  context.font = `${12 * scale}px "Noto Sans", sans-serif`;
  context.fillStyle = '#333';
  context.fillText(fitText(context, text.credit, out.width - 2 * pad), pad, out.height - bottom + 13 * scale);
  context.fillText(fitText(context, text.link, out.width - 2 * pad), pad, out.height - bottom + 31 * scale);
  drawLegend(context, legend, { left: pad, bottom: out.height - bottom - pad, scale });
  return out;
}

/** A layer shown in the picture: its name and colour; points are drawn as a dot, lines as a dashed stroke. */
export interface LegendEntry {
  label: string;
  color: string;
  line: boolean;
  /** The line's dashes in multiples of its width, and whether they have round ends (STORY_DASHES). */
  dash?: { dash: readonly number[]; round: boolean };
}

/**
 * A compact legend in the picture's lower-left corner, over the bands (#31): one row per layer shown. The story lies in
 * the upper part of the first view, so the corner holds no story.
 */
function drawLegend(
  context: CanvasRenderingContext2D,
  legend: readonly LegendEntry[],
  at: { left: number; bottom: number; scale: number },
): void {
  if (legend.length === 0) return;
  const { scale } = at;
  const row = 18 * scale;
  const swatch = 22 * scale;
  const gap = 6 * scale;
  const pad = 8 * scale;
  context.font = `${12 * scale}px "Noto Sans", sans-serif`;
  const textWidth = Math.max(...legend.map((e) => context.measureText(e.label).width));
  const width = pad * 2 + swatch + gap + textWidth;
  const height = pad * 2 + row * legend.length;
  const { left } = at;
  const top = at.bottom - height;
  context.fillStyle = 'rgb(255 255 255 / 90%)';
  context.fillRect(left, top, width, height);
  legend.forEach((entry, i) => {
    const y = top + pad + row * i + row / 2;
    context.strokeStyle = entry.color;
    context.fillStyle = entry.color;
    if (entry.line) {
      const lineWidth = 2.5 * scale;
      context.lineWidth = lineWidth;
      context.setLineDash(entry.dash ? entry.dash.dash.map((d) => d * lineWidth) : [5 * scale, 3 * scale]);
      context.lineCap = entry.dash?.round ? 'round' : 'butt';
      context.beginPath();
      context.moveTo(left + pad, y);
      context.lineTo(left + pad + swatch, y);
      context.stroke();
      context.setLineDash([]);
      context.lineCap = 'butt';
    } else {
      context.beginPath();
      context.arc(left + pad + swatch / 2, y, 4.5 * scale, 0, 2 * Math.PI);
      context.fill();
    }
    context.fillStyle = '#111';
    context.fillText(entry.label, left + pad + swatch + gap, y);
  });
}

/** Downloads the current view, read by `capture`, as a PNG. Resolves to false when there is no live map to read. */
export async function downloadMapImage(
  capture: CaptureMap,
  lang: Lang,
  url: string,
  now = new Date(),
  legend: readonly LegendEntry[] = [],
): Promise<boolean> {
  const frame = capture();
  if (!frame) return false;
  const image = composeMapImage(
    frame.canvas,
    {
      title: t(lang, 'app.title'),
      credit: t(lang, 'card.credit'),
      link: `${url} · ${now.toISOString().slice(0, 10)}`,
    },
    frame.pixelRatio,
    legend,
  );
  const blob = await new Promise<Blob | null>((resolve) => image.toBlob(resolve, 'image/png'));
  if (!blob) return false;
  saveBlob(blob, exportFileName('map', 'png', now));
  return true;
}

/** Downloads the whole story as one GeoJSON FeatureCollection, each feature with its sources. */
export function downloadStoryData(lang: Lang, layers: StoryLayerData[], url: string, now = new Date()): void {
  const collection = storyCollectionFor(layers, {
    title: t(lang, 'app.title'),
    credit: t(lang, 'card.credit'),
    url,
  });
  saveBlob(
    new Blob([`${JSON.stringify(collection, null, 2)}\n`], { type: 'application/geo+json' }),
    exportFileName('story', 'geojson', now),
  );
}

/**
 * The current view copied into a 2D canvas for the printed page (a WebGL canvas may print blank), or undefined
 * without a map. A canvas, not an image: it is there at once, with nothing to decode before the page is printed.
 */
export function mapCanvasForPrint(capture: CaptureMap): HTMLCanvasElement | undefined {
  return capture()?.canvas;
}
