/**
 * The story's point labels: their text in the reader's language (the ports and the minor places only from their
 * zooms) and the sides they may take beside their dots. Pure; used by the story layers (story-layers.ts).
 */
import type { Lang } from '../i18n/strings';

/** The text field for a point label in `lang`. */
export function labelFieldFor(lang: Lang): ['get', string] {
  return ['get', lang === 'uk' ? 'name_uk' : 'name_en'];
}

/** Kinds whose labels wait until zoom MINOR_LABEL_ZOOM, so the first view shows the story's main places. */
const MINOR_KINDS = ['rail-junction', 'visit-site', 'airport'];
export const MINOR_LABEL_ZOOM = 4.5;

/**
 * The two ports, which a phone's first view (zoom about 1.3) draws 12 px apart at the map's edge, where their names
 * ran off the map: named from this zoom on (a wide screen's first view is at 2.1–2.7). Under it the shuttle's inset
 * names them.
 */
const PORT_KINDS = ['port', 'naval-facility'];
export const PORT_LABEL_ZOOM = 1.8;

/** The label text in `lang`: every point's name, the ports from PORT_LABEL_ZOOM, minor places from MINOR_LABEL_ZOOM. */
export function labelTextFor(lang: Lang) {
  const name = labelFieldFor(lang);
  const unless = (kinds: string[]) => ['case', ['in', ['get', 'kind'], ['literal', kinds]], '', name];
  return [
    'step',
    ['zoom'],
    unless([...PORT_KINDS, ...MINOR_KINDS]),
    PORT_LABEL_ZOOM,
    unless(MINOR_KINDS),
    MINOR_LABEL_ZOOM,
    name,
  ] as never;
}

/**
 * The points whose labels stand on a fixed side: Rajin and Dunai lie ~20 px apart at the first view, and on a phone's
 * first view Pyongyang's dot lies where Beijing's label would stand on its right.
 */
const FIXED_LABEL_SIDE = {
  'rajin-port': 'right',
  'dunai-port': 'left',
  beijing: 'right',
  // Under its dot: on its right, on a phone's first view, it ran off the map's edge.
  pyongyang: 'top',
} as const;
/** The sides a label may take (MapLibre's variable anchors), each with its offset in ems. */
const LABEL_SIDES = ['left', [0.8, 0], 'right', [-0.8, 0], 'top', [0, 0.8], 'bottom', [0, -0.8]] as const;
const OFFSET_OF = Object.fromEntries(
  LABEL_SIDES.flatMap((side, i) => (typeof side === 'string' ? [[side, LABEL_SIDES[i + 1]]] : [])),
) as Record<'left' | 'right' | 'top' | 'bottom', readonly [number, number]>;

/**
 * Where a point's label stands: Rajin's to the left of its dot and Dunai's to the right, so neither crosses the other's
 * dot (Rajin lies south-west of Dunai), Beijing's to the left (Pyongyang lies east), Pyongyang's under it; every
 * other label on whichever side is free.
 */
export function labelSides() {
  const fixed = Object.entries(FIXED_LABEL_SIDE).flatMap(([id, anchor]) => [
    id,
    ['literal', [anchor, OFFSET_OF[anchor]]],
  ]);
  return ['match', ['get', 'id'], ...fixed, ['literal', LABEL_SIDES]] as never;
}
