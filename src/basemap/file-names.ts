/**
 * The bundled basemap's file names: one list for the build that writes them (basemap-files.ts), the map's style
 * and its failure messages, and the tests. No imports, so the page can use it without the build's geometry code.
 */

/** Output file names, without the `.geojson` extension. */
export const BASEMAP_FILES = [
  'land-low',
  'borders-low',
  'land-high',
  'borders-high',
  'land-outside',
  'borders-outside',
  'labels',
  'seas',
  'labels-detail',
  'places',
  'land-window',
  'borders-window',
  'ukraine',
] as const;

/**
 * The files the map draws, each a GeoJSON source of the same id (all but Ukraine's outline, which only measures): the
 * style's sources, the names in the message for a file that failed, and the fault tests all come from this list.
 */
export const MAP_BASEMAP_FILES = BASEMAP_FILES.filter(
  (name): name is Exclude<BasemapFile, 'ukraine'> => name !== 'ukraine',
);

/** One of the output file names. */
export type BasemapFile = (typeof BASEMAP_FILES)[number];
