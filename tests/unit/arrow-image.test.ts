import { describe, expect, it } from 'vitest';
import { arrowImage, parseHexColor, type RgbaImage } from '../../src/style/arrow-image';

/** The [r, g, b, a] of pixel (x, y). */
function pixel(image: RgbaImage, x: number, y: number): number[] {
  const i = (y * image.width + x) * 4;
  return [...image.data.slice(i, i + 4)];
}

/** The pixel whose centre is nearest to the point at fractions (fx, fy) of the image. */
function pixelAt(image: RgbaImage, fx: number, fy: number): number[] {
  return pixel(image, Math.floor(fx * image.width), Math.floor(fy * image.height));
}

describe('parseHexColor', () => {
  it('reads #rrggbb in either case', () => {
    expect(parseHexColor('#0072B2')).toEqual([0, 114, 178]);
    expect(parseHexColor('#cc79a7')).toEqual([204, 121, 167]);
    expect(parseHexColor('#000000')).toEqual([0, 0, 0]);
    expect(parseHexColor('#ffffff')).toEqual([255, 255, 255]);
  });

  it.each(['', '#fff', '0072B2', '#0072B', '#0072B2F', '#gg0000', 'red', 'rgb(0,0,0)', ' #0072B2', '#0072B2 '])(
    'rejects %j',
    (bad) => {
      expect(() => parseHexColor(bad)).toThrow(/expected a #rrggbb colour/);
    },
  );
});

describe('arrowImage', () => {
  const blue = arrowImage('#0072B2');

  it('is 24 × 24 RGBA by default', () => {
    expect(blue.width).toBe(24);
    expect(blue.height).toBe(24);
    expect(blue.data).toBeInstanceOf(Uint8Array);
    expect(blue.data.length).toBe(24 * 24 * 4);
  });

  it('takes another size', () => {
    const big = arrowImage('#0072B2', 48);
    expect([big.width, big.height, big.data.length]).toEqual([48, 48, 48 * 48 * 4]);
  });

  // What a reader sees, not the drawing's own coordinates: an arrow in the colour that points along the line (right).
  const coloured = (x: number, y: number) => {
    const [r, g, b, a] = pixel(blue, x, y);
    return a === 255 && r === 0 && g === 114 && b === 178;
  };

  it('is drawn in the colour, with a visible body', () => {
    let count = 0;
    for (let y = 0; y < blue.height; y++) for (let x = 0; x < blue.width; x++) if (coloured(x, y)) count++;
    expect(count).toBeGreaterThan(blue.width * blue.height * 0.08);
  });

  it('points right, along the line: its colour reaches furthest right in the middle rows', () => {
    const rightmost = (y: number) => {
      for (let x = blue.width - 1; x >= 0; x--) if (coloured(x, y)) return x;
      return -1;
    };
    const rows = Array.from({ length: blue.height }, (_, y) => rightmost(y));
    const tip = Math.max(...rows);
    const mid = Math.floor(blue.height / 2);
    expect(Math.max(rows[mid - 1]!, rows[mid]!)).toBe(tip);
    expect(rows[2]!).toBeLessThan(tip);
    expect(rows[blue.height - 3]!).toBeLessThan(tip);
  });

  it('leaves the corners and the inside of the chevron transparent', () => {
    const last = blue.width - 1;
    for (const [x, y] of [
      [0, 0],
      [last, 0],
      [0, last],
      [last, last],
    ] as const) {
      expect(pixel(blue, x, y)[3]).toBe(0);
    }
    expect(pixelAt(blue, 0.2, 0.5)[3]).toBe(0);
  });

  it('rings the stroke with a white outline', () => {
    // Walk from the middle of the top stroke straight up: colour, then white, then nothing.
    const x = Math.floor(0.55 * blue.width);
    const column = Array.from({ length: Math.floor(0.34 * blue.height) + 1 }, (_, y) => pixel(blue, x, y));
    const outline = column.find(([r, g, b, a]) => a === 255 && r === 255 && g === 255 && b === 255);
    expect(outline).toBeDefined();
    expect(column[0]?.[3]).toBe(0);
  });

  it('is symmetric about its horizontal axis, like the chevron', () => {
    for (let y = 0; y < blue.height; y++) {
      for (let x = 0; x < blue.width; x++) expect(pixel(blue, x, y)).toEqual(pixel(blue, x, blue.height - 1 - y));
    }
  });

  it('refuses a colour it cannot read instead of drawing black', () => {
    expect(() => arrowImage('blue')).toThrow();
  });
});
