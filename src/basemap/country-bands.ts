/**
 * Country labels per zoom band, so that a reader zoomed in over the story still sees which country is in view. For
 * each band (one zoom level), the map is cut into a grid of cells a few hundred pixels wide at that zoom, and each
 * country gets a candidate label at the pole of inaccessibility of its part of each cell, where that part is wide
 * enough for a label. Candidates are then taken roomiest first, each at least `spacingPx` from the country's labels
 * already taken and from its world-view label (labels.geojson, shown at every zoom). MapLibre's collision detection
 * thins what still overlaps other labels.
 *
 * At close zooms a country is named once or twice per screen, so a label can fall outside the view a reader is shown.
 * The places the story zooms in on are `anchors`: near each, every country with room there gets its label first.
 */
import type { BBox, Feature, FeatureCollection, MultiPolygon, Point, Position } from 'geojson';
import { bboxContains, clipPolygonsToBbox } from './clip';
import type { CountryProperties } from './countries';
import type { CountryLabelProperties } from './labels';
import { latitudeOfMercatorY, mercatorPoleOfParts, mercatorY } from './pole-of-inaccessibility';
import { roundPosition } from './precision';

/** One zoom band: labels for zooms [zoom, zoom + 1), inside `boxes` ([west, south, east, north], degrees). */
export interface LabelBand {
  zoom: number;
  boxes: readonly BBox[];
}

/** Properties of a band label: the country's names and world-view rank, and the zooms it shows at. */
export interface CountryBandLabelProperties {
  iso_a2: string;
  name_en: string;
  name_uk: string;
  rank: number;
  /** Shown from this zoom (integer) … */
  minzoom: number;
  /** … up to, not including, this one. */
  maxzoom: number;
}

/**
 * Grid and fit, in pixels at the band's zoom: cells `cellPx` wide; a label needs `minDistancePx` of country around
 * it, and keeps `spacingPx` from the other labels of its country.
 */
export interface BandOptions {
  cellPx: number;
  minDistancePx: number;
  spacingPx: number;
  /**
   * From this band's zoom on (close-ups around the story), labels of one country keep `px` apart instead: about a
   * wide screen, so a view names a country once or twice rather than tiling it (#31).
   */
  closeSpacing: { fromZoom: number; px: number };
  /**
   * Where the story's close-ups are centred, in order of importance: from `closeSpacing.fromZoom` on, each country
   * first gets the roomiest
   */
  anchors: readonly Position[];
  /** … point within this many px of each anchor (inside a screen centred on the anchor) … */
  anchorRadiusPx: number;
  /** … and at least this many px from it, clear of the place's own marker and label … */
  anchorClearPx: number;
  /** … where the country has this much room around the label (a name, not a sliver by the place). */
  anchorMinRoomPx: number;
  decimals: number;
  /** The last band shows to this zoom. */
  lastMaxZoom: number;
}

export const DEFAULT_BAND_OPTIONS: BandOptions = {
  cellPx: 340,
  minDistancePx: 14,
  spacingPx: 260,
  closeSpacing: { fromZoom: 7, px: 900 },
  anchors: [],
  anchorRadiusPx: 360,
  anchorClearPx: 160,
  anchorMinRoomPx: 40,
  decimals: 3,
  lastMaxZoom: 24,
};

/** Degrees of longitude per pixel at `zoom` on MapLibre's 512-pixel tiles. */
export function degreesPerPixelAt(zoom: number): number {
  return 360 / (512 * 2 ** zoom);
}

/** Band labels for every country and band, ordered by band then rank. `worldLabels` are the world-view points. */
export function countryBandLabelsFor(
  countries: FeatureCollection<MultiPolygon, CountryProperties>,
  worldLabels: FeatureCollection<Point, CountryLabelProperties>,
  bands: readonly LabelBand[],
  options: BandOptions = DEFAULT_BAND_OPTIONS,
): FeatureCollection<Point, CountryBandLabelProperties> {
  const world = new Map(worldLabels.features.map((label) => [label.properties.iso_a2, label]));
  const features: Feature<Point, CountryBandLabelProperties>[] = [];
  bands.forEach((band, index) => {
    const scale = degreesPerPixelAt(band.zoom);
    const cell = options.cellPx * scale;
    const maxzoom = index === bands.length - 1 ? options.lastMaxZoom : (bands[index + 1]?.zoom ?? band.zoom + 1);
    const close = band.zoom >= options.closeSpacing.fromZoom;
    const spacing = (close ? options.closeSpacing.px : options.spacingPx) * scale;
    const anchorRadius = options.anchorRadiusPx * scale;
    for (const country of countries.features) {
      const label = world.get(country.properties.iso_a2);
      if (!label) continue;
      const candidates: { position: Position; distance: number }[] = [];
      for (const box of band.boxes) {
        const inBox = clipPolygonsToBbox(country.geometry, box);
        if (inBox.coordinates.length === 0) continue;
        for (const cellBox of cellsOf(box, cell)) {
          const best = mercatorPoleOfParts(clipPolygonsToBbox(inBox, cellBox));
          if (best && best.distance / scale >= options.minDistancePx) candidates.push(best);
        }
      }
      const taken: Position[] = [label.geometry.coordinates];
      // Near the anchors first (a point of the country with room for its name, within reach of each), then the rest,
      // roomiest first.
      const nearAnchors = close
        ? options.anchors.flatMap((anchor) => {
            if (!band.boxes.some((box) => bboxContains(box, anchor))) return [];
            // The square inside the anchor's reach less the smaller square the place's marker and label take: four
            // boxes.
            const [w, s, e, n] = squareAround(anchor, anchorRadius / Math.SQRT2);
            const [cw, cs, ce, cn] = squareAround(anchor, options.anchorClearPx * scale);
            const around: BBox[] = [
              [w, s, cw, n],
              [ce, s, e, n],
              [cw, s, ce, cs],
              [cw, cn, ce, n],
            ];
            // Of the boxes with room for a name, the one whose point is nearest the anchor's latitude: a screen is
            // wider than tall, so a name beside the place stays in view more often than one above or below it.
            const dy = (p: Position) => Math.abs(mercatorY(p[1] ?? 0) - mercatorY(anchor[1] ?? 0));
            const fits = around
              .map((box) => mercatorPoleOfParts(clipPolygonsToBbox(country.geometry, box)))
              .filter((c) => c !== undefined && c.distance / scale >= options.anchorMinRoomPx)
              .sort((a, b) => dy(a!.position) - dy(b!.position) || b!.distance - a!.distance);
            return fits[0] ? [fits[0]] : [];
          })
        : [];
      // Anchored labels keep twice `anchorRadiusPx` apart (anchors a screen apart each get theirs), the rest `spacing`.
      const queue = [
        ...nearAnchors.map((c) => ({ ...c, apart: Math.min(spacing, 2 * anchorRadius) })),
        ...candidates.sort((a, b) => b.distance - a.distance).map((c) => ({ ...c, apart: spacing })),
      ];
      for (const candidate of queue) {
        if (taken.some((position) => mercatorDistance(candidate.position, position) < candidate.apart)) continue;
        taken.push(candidate.position);
        const { iso_a2, name_en, name_uk, rank } = label.properties;
        features.push({
          type: 'Feature',
          properties: { iso_a2, name_en, name_uk, rank, minzoom: band.zoom, maxzoom },
          geometry: { type: 'Point', coordinates: roundPosition(candidate.position, options.decimals) },
        });
      }
    }
  });
  features.sort((a, b) => a.properties.minzoom - b.properties.minzoom || a.properties.rank - b.properties.rank);
  return { type: 'FeatureCollection', features };
}

// The grid cells (square on a Mercator map, `cell` Mercator degrees wide, aligned to 180° W and the equator) that
// overlap `box`, each cut to the box, as lon/lat boxes.
function cellsOf([west, south, east, north]: BBox, cell: number): BBox[] {
  const [bottom, top] = [mercatorY(south), mercatorY(north)];
  const out: BBox[] = [];
  for (let x = Math.floor((west + 180) / cell) * cell - 180; x < east; x += cell) {
    for (let y = Math.floor(bottom / cell) * cell; y < top; y += cell) {
      out.push([
        Math.max(west, x),
        Math.max(south, latitudeOfMercatorY(y)),
        Math.min(east, x + cell),
        Math.min(north, latitudeOfMercatorY(y + cell)),
      ]);
    }
  }
  return out;
}

/** The box around `center` that is `2 × half` Mercator degrees on each side (a square on the map), as lon/lat. */
function squareAround([lon = 0, lat = 0]: Position, half: number): BBox {
  const y = mercatorY(lat);
  return [lon - half, latitudeOfMercatorY(y - half), lon + half, latitudeOfMercatorY(y + half)];
}

function mercatorDistance([lon1 = 0, lat1 = 0]: Position, [lon2 = 0, lat2 = 0]: Position): number {
  return Math.hypot(lon1 - lon2, mercatorY(lat1) - mercatorY(lat2));
}
