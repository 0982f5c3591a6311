/**
 * Country labels: one point per ISO country, named from CLDR through `Intl.DisplayNames` (Node and browsers ship
 * it), placed at the pole of inaccessibility of the country's largest polygon as drawn in Web Mercator.
 */
import { area, booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { BBox, Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { bboxContains, clipPolygonsToBbox } from './clip';
import type { CountryProperties } from './countries';
import { mercatorPoleOfInaccessibility, mercatorPoleOfParts } from './pole-of-inaccessibility';
import { roundPosition } from './precision';

/** Properties of a label point: `rank` 1 is the largest country by area (label priority). */
export interface CountryLabelProperties {
  iso_a2: string;
  name_en: string;
  name_uk: string;
  rank: number;
}

/** Country names in English and Ukrainian. */
export interface CountryNames {
  name_en: string;
  name_uk: string;
}

const displayNames = {
  en: new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }),
  uk: new Intl.DisplayNames(['uk'], { type: 'region', fallback: 'none' }),
};

/** English and Ukrainian names (CLDR) of an ISO 3166-1 alpha-2 region, or undefined when CLDR has none. */
export function countryNamesFor(isoA2: string): CountryNames | undefined {
  const name_en = displayNames.en.of(isoA2);
  const name_uk = displayNames.uk.of(isoA2);
  return name_en && name_uk ? { name_en, name_uk } : undefined;
}

/** The polygon of `geometry` with the largest geodesic area. */
export function largestPolygonOf(geometry: MultiPolygon): Polygon {
  let best: Polygon = { type: 'Polygon', coordinates: [] };
  let bestArea = -1;
  for (const coordinates of geometry.coordinates) {
    const polygon: Polygon = { type: 'Polygon', coordinates };
    const size = area(polygon);
    if (size > bestArea) {
      best = polygon;
      bestArea = size;
    }
  }
  return best;
}

/**
 * A label position ([lon, lat], rounded to `decimals`) inside the largest polygon of `geometry`; when that falls outside
 * `within` (the part of the world the story's first view shows), inside the largest part of the country in `within`,
 * if that part has `minRoom` Mercator degrees around its label.
 */
export function labelPositionFor(
  geometry: MultiPolygon,
  decimals: number,
  within?: { box: BBox; minRoom: number },
): Position {
  const position = positionInLargest(geometry, decimals);
  if (!within || bboxContains(within.box, position)) return position;
  const best = mercatorPoleOfParts(clipPolygonsToBbox(geometry, within.box));
  return best && best.distance >= within.minRoom ? roundPosition(best.position, decimals) : position;
}

function positionInLargest(geometry: MultiPolygon, decimals: number): Position {
  const polygon = largestPolygonOf(geometry);
  const pole = roundPosition(mercatorPoleOfInaccessibility(polygon.coordinates), decimals);
  if (booleanPointInPolygon(pole, polygon)) return pole;
  return roundPosition(pointOnFeature(polygon).geometry.coordinates, decimals);
}

/** One label point per country that CLDR names, ranked by area (1 = largest), ordered by rank. */
export function countryLabelsFor(
  countries: FeatureCollection<MultiPolygon, CountryProperties>,
  decimals: number,
  within?: { box: BBox; minRoom: number },
): FeatureCollection<Point, CountryLabelProperties> {
  const named = countries.features.flatMap((country) => {
    const names = countryNamesFor(country.properties.iso_a2);
    return names ? [{ country, names, areaKm2: Math.round(area(country) / 1e6) }] : [];
  });
  named.sort((a, b) => b.areaKm2 - a.areaKm2 || a.country.properties.iso_a2.localeCompare(b.country.properties.iso_a2));
  const features = named.map(
    ({ country, names }, index): Feature<Point, CountryLabelProperties> => ({
      type: 'Feature',
      properties: { iso_a2: country.properties.iso_a2, ...names, rank: index + 1 },
      geometry: { type: 'Point', coordinates: labelPositionFor(country.geometry, decimals, within) },
    }),
  );
  return { type: 'FeatureCollection', features };
}
