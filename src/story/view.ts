/** The whole story, from Moscow and the Tikhoretsk depot in the west to Rajin and Komsomolsk in the east (static pictures). */
export const STORY_BOUNDS: [[number, number], [number, number]] = [
  [35.5, 37.5],
  [139.5, 57.5],
];

/**
 * What the live map's first view frames: the story's key places, Moscow (west, north), Pyongyang (south) and Dunai
 * (east); the depot, Donetsk, Beijing and Rajin lie inside. Tighter than STORY_BOUNDS: the room around them comes from
 * `firstViewPadding`, which knows what covers the map.
 */
export const FIRST_VIEW_BOUNDS: [[number, number], [number, number]] = [
  [37.6, 39.0],
  [132.4, 55.8],
];

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * Camera padding (px) for the first view in a map of `width` × `height` px: room for the labels (drawn to the right
 * of their points), for the controls in the top-right corner (44 px buttons on phones, 29 px on wide screens) and
 * for the credits and the scale bar at the bottom. The story is about 3.5 times wider than tall, so the fit is set by
 * the width, and the room left over is kept under the places for an inset. On a phone the sides get only what keeps each place 30 px inside, and the places sit low, under the
 * controls' column rather than beside it.
 */
export function firstViewPadding({ width, height }: { width: number; height: number }): Padding {
  if (width <= 480) {
    const side = 31;
    // Under the column of 44 px controls at the top right (about 150 px tall), above the credits.
    return { top: Math.min(170, Math.round(height * 0.4)), right: side, bottom: 60, left: side };
  }
  const right = Math.min(150, Math.round(width * 0.14));
  // The places sit in the upper part; the room under them is for the shuttle's inset.
  return { top: 60, right, bottom: Math.round(height * 0.3), left: 48 };
}
