/**
 * The two windows where the story zooms in, [west, south, east, north] in degrees: there the basemap serves the
 * 1:10m coast and borders unsimplified, and country labels down to zoom 9. No imports, so the style can use it.
 */

/** Rajin, the Tumen mouth, Hunchun, Vladivostok, Dunai and Nakhodka; Chongjin in the south-west. */
export const RAJIN_DUNAI_WINDOW: [number, number, number, number] = [129.4, 41.3, 133.8, 44.0];

/** The Tikhoretsk depot, the Sea of Azov, the Kerch Strait and Ukraine's eastern border, Crimea to Kharkiv. */
export const TIKHORETSK_UKRAINE_WINDOW: [number, number, number, number] = [33.4, 43.9, 42.2, 50.3];

export const DETAIL_WINDOWS = [RAJIN_DUNAI_WINDOW, TIKHORETSK_UKRAINE_WINDOW] as const;
