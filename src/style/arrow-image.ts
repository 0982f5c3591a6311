/**
 * A direction arrow (a chevron pointing east, i.e. along the line) as RGBA pixels for `map.addImage`.
 * Drawn in code so the offline app needs no sprite sheet.
 */

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** `#rrggbb` → [r, g, b]. */
export function parseHexColor(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`expected a #rrggbb colour, got ${hex}`);
  return [Number.parseInt(m[1]!, 16), Number.parseInt(m[2]!, 16), Number.parseInt(m[3]!, 16)];
}

/** Distance from point p to segment a–b, in pixels. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** A `size`×`size` chevron of `color` with a white outline, anti-aliased, pointing right. */
export function arrowImage(color: string, size = 24): RgbaImage {
  const [r, g, b] = parseHexColor(color);
  const data = new Uint8Array(size * size * 4);
  const s = size;
  const tip = [0.78 * s, 0.5 * s] as const;
  const top = [0.32 * s, 0.18 * s] as const;
  const bottom = [0.32 * s, 0.82 * s] as const;
  const stroke = 0.11 * s;
  const outline = stroke + 0.07 * s;
  for (let y = 0; y < s; y++) {
    for (let x = 0; x < s; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const d = Math.min(
        segmentDistance(px, py, top[0], top[1], tip[0], tip[1]),
        segmentDistance(px, py, bottom[0], bottom[1], tip[0], tip[1]),
      );
      const inner = Math.max(0, Math.min(1, stroke - d + 0.5));
      const outer = Math.max(0, Math.min(1, outline - d + 0.5));
      const i = (y * s + x) * 4;
      // Colour over white outline; premultiplication is left to MapLibre (it takes straight alpha).
      data[i] = Math.round(r * inner + 255 * (1 - inner));
      data[i + 1] = Math.round(g * inner + 255 * (1 - inner));
      data[i + 2] = Math.round(b * inner + 255 * (1 - inner));
      data[i + 3] = Math.round(255 * outer);
    }
  }
  return { width: s, height: s, data };
}
