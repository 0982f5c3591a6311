/**
 * The bundled basemap as data: every file scripts/build-basemap.ts writes to public/basemap/, computed from
 * world-atlas topologies. Pure; the script does the reading, writing and size report.
 */
import type { BBox, FeatureCollection, MultiLineString, MultiPolygon, Point, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { nearestBorderPoint } from '../story/border-distance';
import { countryFeaturesFor } from './countries';
import {
  type CountryBandLabelProperties,
  countryBandLabelsFor,
  DEFAULT_BAND_OPTIONS,
  type LabelBand,
} from './country-bands';
import type { BasemapFile } from './file-names';
import { type CountryLabelProperties, countryLabelsFor } from './labels';
import {
  bandsAround,
  bordersFor,
  landFor,
  landOfCountriesFor,
  type UkraineProperties,
  ukraineFeatureFor,
  withExtent,
} from './land-borders';
import {
  type Place,
  type PlaceLabelProperties,
  placeLabelsFor,
  type WaterLabelProperties,
  waterLabelsFor,
} from './places';
import { simplifyTopology } from './simplify';
import { DETAIL_WINDOWS } from './windows';

/** The story region, [west, south, east, north] in degrees: Ukraine to Korea, Moscow to Kamchatka. */
export const STORY_REGION: BBox = [20, 30, 150, 70];

export { BASEMAP_FILES, type BasemapFile, MAP_BASEMAP_FILES } from './file-names';

/** The world-atlas topologies each output is built from. */
export interface BasemapSources {
  /** `land-*.json` for the world view. */
  lowLand: Topology;
  /** `countries-*.json` for the world view's borders. */
  lowCountries: Topology;
  /** `countries-*.json` for the story region: land is the union of its countries, so coast and borders meet. */
  highCountries: Topology;
  /** `countries-*.json` for label positions and areas. */
  labelCountries: Topology;
  /** `countries-*.json` for Ukraine's outline. */
  ukraineCountries: Topology;
  /** Provenance written into ukraine.geojson `source`. */
  ukraineSource: string;
  /** geo/basemap/places.geojson, parsed: context towns and water labels. */
  places: readonly Place[];
}

/** Gzip budgets, in bytes (1 kB = 1000 B), each for the files (names without `.geojson`) a view loads together. */
export const GZIP_BUDGETS: ReadonlyArray<{ files: readonly BasemapFile[]; bytes: number }> = [
  { files: ['land-low', 'borders-low', 'labels', 'seas'], bytes: 42_000 },
  { files: ['land-high', 'borders-high'], bytes: 120_000 },
  { files: ['labels-detail', 'places'], bytes: 15_000 },
  { files: ['land-window', 'borders-window'], bytes: 25_000 },
  { files: ['land-outside', 'borders-outside'], bytes: 40_000 },
  { files: ['ukraine'], bytes: 40_000 },
];

/** The world-atlas file (without `.json`) each source is read from; see scripts/build-basemap.ts for why. */
export const BASEMAP_SOURCE_FILES = {
  lowLand: 'land-110m',
  lowCountries: 'countries-110m',
  highCountries: 'countries-10m',
  labelCountries: 'countries-50m',
  ukraineCountries: 'countries-10m',
} as const;

/** The sources named in BASEMAP_SOURCE_FILES, read through `atlas` (file name without `.json` to topology). */
export function basemapSourcesFor(
  atlas: (file: string) => Topology,
  atlasVersion: string,
  places: readonly Place[] = [],
): BasemapSources {
  const files = BASEMAP_SOURCE_FILES;
  return {
    lowLand: atlas(files.lowLand),
    lowCountries: atlas(files.lowCountries),
    highCountries: atlas(files.highCountries),
    labelCountries: atlas(files.labelCountries),
    ukraineCountries: atlas(files.ukraineCountries),
    ukraineSource:
      `Natural Earth 1:10m admin-0 countries via world-atlas@${atlasVersion}; ` +
      'Crimea joined to Ukraine (UN General Assembly resolution 68/262)',
    places,
  };
}

/** Decimal places of the coordinates of each output, and the clip box of the high-zoom files. */
export interface BasemapOptions {
  region: BBox;
  /**
   * Decimal places of the world view's land and borders (land-low, borders-low): drawn alone only below DETAIL_ZOOM,
   * where the detailed files take over, and part of every first view's download.
   */
  worldViewDecimals: number;
  lowDecimals: number;
  highDecimals: number;
  /**
   * Simplification of the story region's 1:10m data (topojson-simplify, Visvalingam, topology kept): vertices whose
   * triangle with their neighbours is smaller than this many square degrees go (0 keeps every vertex).
   */
  highMinArea: number;
  labelDecimals: number;
  ukraineDecimals: number;
  /** The story's close-up windows: the 1:10m coast and borders unsimplified, and country labels to zoom 9. */
  windows: readonly BBox[];
  /** The story's places, where its close-ups are centred: every country there is named near them (country-bands.ts). */
  labelAnchors: readonly Position[];
  /**
   * Places the story measures to Ukraine's border: a close-up frames each with its nearest border point, so the middle
   * of that line is an anchor too.
   */
  measuredToUkraine: readonly Position[];
  /**
   * The latitudes the story's first view shows: a country whose world-view label would sit north of them (Russia's,
   * at 64° N) is labelled in its part south of `firstViewNorth` instead, when that part has room for a name.
   */
  firstViewNorth: number;
  /** Decimal places of the window files (the 1:10m data is quantised to about 0.0036° by 0.0017°). */
  windowDecimals: number;
}

/** Country label bands: zooms 3–5 over the story region, 6–9 in the close-up windows. */
export function labelBandsFor(region: BBox, windows: readonly BBox[]): LabelBand[] {
  return [
    ...[3, 4, 5].map((zoom) => ({ zoom, boxes: [region] })),
    ...[6, 7, 8, 9].map((zoom) => ({ zoom, boxes: windows })),
  ];
}

/**
 * Defaults: 1 decimal (≈11 km; at most 0.05°, under a pixel below DETAIL_ZOOM) for the world view, 2 (≈1 km) for the
 * 1:110m land outside the region and labels, 3 (≈100 m) for the region, 4 for Ukraine. The world view at 1 decimal
 * is 10 kB smaller gzipped than at 2 (41.9 → 31.8 kB for land-low and borders-low).
 */
export const DEFAULT_BASEMAP_OPTIONS: BasemapOptions = {
  region: STORY_REGION,
  worldViewDecimals: 1,
  lowDecimals: 2,
  highDecimals: 3,
  // 0.0004 square degrees (a 0.02° bump on a 0.04° base) keeps about as many vertices as Douglas–Peucker at 0.01°.
  highMinArea: 0.0005,
  labelDecimals: 2,
  ukraineDecimals: 4,
  windows: DETAIL_WINDOWS,
  windowDecimals: 3,
  labelAnchors: [],
  measuredToUkraine: [],
  firstViewNorth: 90,
};

/** All outputs, keyed by file name: each an RFC 7946 FeatureCollection. */
export interface BasemapData {
  'land-low': FeatureCollection<MultiPolygon>;
  'borders-low': FeatureCollection<MultiLineString>;
  'land-high': FeatureCollection<MultiPolygon>;
  'borders-high': FeatureCollection<MultiLineString>;
  /** The low-zoom land and borders outside the story region, shown with the high files from DETAIL_ZOOM on. */
  'land-outside': FeatureCollection<MultiPolygon>;
  'borders-outside': FeatureCollection<MultiLineString>;
  labels: FeatureCollection<Point, CountryLabelProperties>;
  /** Water labels (geo/basemap/places.geojson), shown from the first view on. */
  seas: FeatureCollection<Point, WaterLabelProperties>;
  /** Country labels per zoom band (see country-bands.ts), loaded with the detailed files. */
  'labels-detail': FeatureCollection<Point, CountryBandLabelProperties>;
  /** Context towns (geo/basemap/places.geojson), loaded with the detailed files. */
  places: FeatureCollection<Point, PlaceLabelProperties>;
  /** The 1:10m land and borders unsimplified, clipped to the windows, loaded only when the camera is close. */
  'land-window': FeatureCollection<MultiPolygon>;
  'borders-window': FeatureCollection<MultiLineString>;
  ukraine: FeatureCollection<MultiPolygon, UkraineProperties>;
}

/** Size of one written file, in bytes, raw and gzipped. */
export interface FileSize {
  bytes: number;
  gzipBytes: number;
}

/** Contents of manifest.json. */
export interface BasemapManifest {
  generatedFrom: string;
  files: Record<string, FileSize>;
}

/** Every basemap output from `sources`. */
export function basemapDataFor(
  sources: BasemapSources,
  options: BasemapOptions = DEFAULT_BASEMAP_OPTIONS,
): BasemapData {
  const { region } = options;
  const high =
    options.highMinArea > 0 ? simplifyTopology(sources.highCountries, options.highMinArea) : sources.highCountries;
  const labels = countryLabelsFor(countryFeaturesFor(sources.labelCountries), options.labelDecimals, {
    box: [-180, -90, 180, options.firstViewNorth],
    minRoom: 3,
  });
  const ukraine = ukraineFeatureFor(sources.ukraineCountries, options.ukraineDecimals, sources.ukraineSource);
  const toBorder = options.measuredToUkraine.map((p) => {
    const [lon = 0, lat = 0] = nearestBorderPoint(p, ukraine);
    return [((p[0] ?? 0) + lon) / 2, ((p[1] ?? 0) + lat) / 2];
  });
  return {
    'land-low': landFor(sources.lowLand, { decimals: options.worldViewDecimals }),
    'borders-low': bordersFor(sources.lowCountries, { decimals: options.worldViewDecimals }),
    'land-high': withExtent(landOfCountriesFor(high, { decimals: options.highDecimals, bbox: region }), [region]),
    'borders-high': bordersFor(high, { decimals: options.highDecimals, bbox: region }),
    'land-outside': withExtent(
      landFor(sources.lowLand, { decimals: options.lowDecimals, outside: region }),
      bandsAround(region),
    ),
    'borders-outside': bordersFor(sources.lowCountries, { decimals: options.lowDecimals, outside: region }),
    labels,
    seas: waterLabelsFor(sources.places),
    'labels-detail': countryBandLabelsFor(countryFeaturesFor(high), labels, labelBandsFor(region, options.windows), {
      ...DEFAULT_BAND_OPTIONS,
      // The depot's line to the border first: its close-up shows both countries, the depot's own a part of one.
      anchors: [...toBorder, ...options.labelAnchors],
    }),
    places: placeLabelsFor(sources.places),
    'land-window': withExtent(
      concatenated(
        options.windows.map((bbox) =>
          landOfCountriesFor(sources.highCountries, { decimals: options.windowDecimals, bbox }),
        ),
      ),
      options.windows,
    ),
    'borders-window': concatenated(
      options.windows.map((bbox) => bordersFor(sources.highCountries, { decimals: options.windowDecimals, bbox })),
    ),
    ukraine: { type: 'FeatureCollection', features: [ukraine] },
  };
}

// The features of several collections in one.
function concatenated<T extends FeatureCollection>(collections: T[]): T {
  return { type: 'FeatureCollection', features: collections.flatMap((c) => c.features) } as T;
}

/** manifest.json: where the data came from and the size of each file, keyed by file name. */
export function manifestFor(generatedFrom: string, files: Record<string, FileSize>): BasemapManifest {
  return { generatedFrom, files };
}
