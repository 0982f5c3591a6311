/**
 * The share card (Open Graph / Twitter image): the static picture of the story with a title band, as SVG for
 * scripts/build-share-card.ts to rasterise. Pure: the same input as the static picture, SVG text out.
 */
import { BASEMAP_COLORS } from '../style/palette';
import { escapeXml } from '../text/escape';
import { renderStaticMapSvg, type StaticMapInput } from './render-svg';

/** The size social networks expect for a large card, in px. */
export const SHARE_CARD_SIZE = { width: 1200, height: 630 } as const;

export interface ShareCardInput extends Omit<StaticMapInput, 'width' | 'height' | 'padding'> {
  /** The headline, in the card's language. */
  headline: string;
  /** One line under it: the article and the sources. */
  credit: string;
}

const BAND = 150;
const MARGIN = 40;

/** Splits `text` into at most `maxLines` lines of about `maxChars` characters, at spaces. */
export function wrapWords(text: string, maxChars: number, maxLines = 2): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else if (lines.length < maxLines) lines.push(word);
    else lines[lines.length - 1] = `${last} ${word}`;
  }
  return lines;
}

/** Renders the 1200×630 card: the map above, a band with the headline and the credit below. */
export function renderShareCardSvg(input: ShareCardInput): string {
  const { width, height } = SHARE_CARD_SIZE;
  // Wide padding: the labels of Rajin and Dunai, at the right edge, stay on the card.
  const map = renderStaticMapSvg({ ...input, width, height: height - BAND, padding: 120 });
  const lines = wrapWords(input.headline, 52);
  const size = 30;
  const top = height - BAND + MARGIN - 6;
  const text = lines
    .map(
      (line, i) =>
        `<text x="${MARGIN}" y="${top + i * (size + 8)}" font-family="Noto Sans" font-weight="700" font-size="${size}" fill="#111">${escapeXml(line)}</text>`,
    )
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="${BASEMAP_COLORS.sea}"/>`,
    map,
    `<rect y="${height - BAND}" width="${width}" height="${BAND}" fill="#fff"/>`,
    `<rect y="${height - BAND}" width="${width}" height="4" fill="#0057b7"/>`,
    text,
    `<text x="${MARGIN}" y="${height - 22}" font-family="Noto Sans" font-size="20" fill="#444">${escapeXml(input.credit)}</text>`,
    '</svg>',
  ].join('\n');
}
