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
 * of their points), for the controls (44 px buttons on phones, in one row at the top; 29 px on wide screens, in a
 * column at the top right) and for the credits and the scale bar at the bottom. The story is about 3.5 times wider
 * than tall, so the fit is set by the width, and the room left over is kept under the places for the shuttle's inset.
 * On a phone the sides get only what keeps each place 30 px inside.
 */
export function firstViewPadding({ width, height }: { width: number; height: number }): Padding {
  if (width <= 480) {
    const side = 31;
    // Under the row of controls (44 px and their margin), above the shuttle's inset (150 px wide on a phone, with its
    // caption), which a map under 400 px tall does not show (app.css): there only the credits and the scale bar.
    return { top: 64, right: side, bottom: height < 400 ? 44 : 150, left: side };
  }
  const right = Math.min(150, Math.round(width * 0.14));
  // The places sit in the upper part; the room under them is for the shuttle's inset (SHUTTLE_INSET: 140 px of
  // picture, its 22 px caption, the 34 px of credits under it, and a margin over it).
  return { top: 60, right, bottom: Math.max(224, Math.round(height * 0.3)), left: 48 };
}

/**
 * The locator inset for the Rajin–Dunai shuttle, drawn at build time (scripts/build-static-map.ts) and shown in the
 * first view's empty lower right: its bounds, size (px), the features drawn and the two labels (string keys), each on
 * the side away from the other port.
 */
export const SHUTTLE_INSET = {
  bounds: [
    [129.2, 41.3],
    [133.6, 43.9],
  ] as [[number, number], [number, number]],
  width: 220,
  height: 140,
  padding: 16,
  /** The shuttle's feature id (SHUTTLE_ID in moving.ts, not imported: the page's first chunk would get Turf). */
  shuttle: 'angara-maria-shuttle',
  features: ['angara-maria-shuttle', 'rajin-port', 'dunai-port'],
  labels: [
    { at: [130.3, 42.238] as [number, number], key: 'inset.rajin' as const, anchor: 'end' as const },
    { at: [132.366, 42.899] as [number, number], key: 'inset.dunai' as const, anchor: 'end' as const },
  ],
} as const;

/** The zoom from which the shuttle is long enough on the main map (about 50 px) that the inset is not needed. */
export const SHUTTLE_LEGIBLE_ZOOM = 5;
