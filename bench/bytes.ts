/**
 * Sorts the responses of a first view into kinds (JS, worker, CSS, data, fonts…) and adds up their raw and gzip
 * sizes, and tells how much of it is `maplibre-gl` itself. Pure: the sizes come in already measured.
 */

export const CATEGORIES = ['html', 'js', 'worker', 'css', 'data', 'fonts', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Sizes {
  raw: number;
  gzip: number;
}

/** One response of the first view, with its body's sizes and what it is. */
export interface ResourceRecord extends Sizes {
  url: string;
  category: Category;
  /** A JS file that holds (some of) maplibre-gl's main-thread code. */
  hasMaplibre: boolean;
}

/** The kind of a response, from its URL's path (the preview server's content types follow the extension). */
export function categoryFor(url: string): Category {
  const path = new URL(url).pathname.toLowerCase();
  if (path.endsWith('/') || path.endsWith('.html')) return 'html';
  if (/\.m?js$/.test(path)) return /worker/.test(path.slice(path.lastIndexOf('/'))) ? 'worker' : 'js';
  if (path.endsWith('.css')) return 'css';
  if (/\.(geo)?json$|\.(svg|png|jpe?g|webp|gif|pbf|mvt)$/.test(path)) return 'data';
  if (/\.(woff2?|ttf|otf)$/.test(path)) return 'fonts';
  return 'other';
}

// A message only maplibre-gl's main-thread code carries; it survives minification.
const MAPLIBRE_MARKER = 'Style is not done loading';

/** Whether a JS body holds maplibre-gl's main-thread code. */
export function hasMaplibreCode(body: string): boolean {
  return body.includes(MAPLIBRE_MARKER);
}

export type ByCategory = Record<Category, Sizes>;

/** Raw and gzip bytes per kind, plus the total. */
export function totalsFor(records: readonly ResourceRecord[]): ByCategory & { total: Sizes } {
  const sums = Object.fromEntries([...CATEGORIES, 'total'].map((c) => [c, { raw: 0, gzip: 0 }])) as ByCategory & {
    total: Sizes;
  };
  for (const r of records) {
    for (const key of [r.category, 'total'] as const) {
      sums[key].raw += r.raw;
      sums[key].gzip += r.gzip;
    }
  }
  return sums;
}

export interface MaplibreShare {
  /** Bytes of maplibre-gl's main-thread JS in the view (the worker is counted apart, as `worker`). */
  js: Sizes;
  /**
   * `chunk`: maplibre-gl has JS chunks of its own (their file name says `maplibre`), or there is no reference
   * to compare with (the bare page itself): the chunks holding it are counted whole.
   * `estimated`: it is bundled together with other code, and its share is taken as the size of the bare
   * MapLibre page's maplibre chunk (`reference`), capped at the chunk's own size. `none`: no maplibre code.
   */
  method: 'chunk' | 'estimated' | 'none';
}

/** How many of the view's JS bytes are maplibre-gl itself. */
export function maplibreShareOf(records: readonly ResourceRecord[], reference: Sizes | null): MaplibreShare {
  const js = records.filter((r) => r.category === 'js' && r.hasMaplibre);
  if (js.length === 0) return { js: { raw: 0, gzip: 0 }, method: 'none' };
  const own = (r: ResourceRecord) => /maplibre/i.test(new URL(r.url).pathname.split('/').pop() ?? '');
  let method: MaplibreShare['method'] = 'chunk';
  const share = { raw: 0, gzip: 0 };
  for (const r of js) {
    if (own(r) || !reference) {
      share.raw += r.raw;
      share.gzip += r.gzip;
    } else {
      method = 'estimated';
      share.raw += Math.min(r.raw, reference.raw);
      share.gzip += Math.min(r.gzip, reference.gzip);
    }
  }
  return { js: share, method };
}
