/**
 * The URL hash codec for the app's own keys. MapLibre owns `map=` (its `hash: 'map'` option);
 * this module owns `layers=`, `f=` and `lang=`, keeps every other key exactly as it found it,
 * never throws, and writes a canonical order joined with literal `&` and `=`.
 */
import { type Lang, parseLang } from '../i18n/strings';
import { STORY_LAYERS, type StoryLayerId } from '../story/types';

/** The state a link carries besides the camera. `layers: undefined` means the defaults. */
export interface UrlState {
  layers: StoryLayerId[] | undefined;
  feature: string | undefined;
  lang: Lang | undefined;
  /** Keys this codec does not own (including MapLibre's `map`), in their original order, values untouched. */
  other: [string, string][];
}

/** Longest hash we read; the rest of a longer one is ignored. */
export const MAX_HASH_LENGTH = 4096;
/** Longest value kept for any one key. */
export const MAX_VALUE_LENGTH = 512;
const MAX_KEYS = 32;
const FEATURE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const OWN_KEYS = ['layers', 'f', 'lang'] as const;

export const EMPTY_URL_STATE: UrlState = { layers: undefined, feature: undefined, lang: undefined, other: [] };

/** Decodes percent escapes, keeping the raw text when they are malformed. */
function decodeLoosely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Parses a location hash (with or without the leading `#`) into the app's state. Never throws. */
export function parseUrlState(hash: string): UrlState {
  const text = String(hash ?? '')
    .slice(0, MAX_HASH_LENGTH)
    .replace(/^#/, '');
  const state: UrlState = { layers: undefined, feature: undefined, lang: undefined, other: [] };
  const seen = new Set<string>();
  for (const part of text.split('&').slice(0, MAX_KEYS)) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq === -1 ? part : part.slice(0, eq);
    const raw = (eq === -1 ? '' : part.slice(eq + 1)).slice(0, MAX_VALUE_LENGTH);
    if (key === '' || key.length > 32 || seen.has(key)) continue;
    seen.add(key);
    if (key === 'layers') state.layers = parseLayers(decodeLoosely(raw));
    else if (key === 'f') state.feature = parseFeatureId(decodeLoosely(raw));
    else if (key === 'lang') state.lang = parseLang(decodeLoosely(raw));
    else state.other.push([key, raw]);
  }
  return state;
}

/** The known layer ids in `value` (comma-separated), in the canonical order; unknown ids are dropped. */
export function parseLayers(value: string): StoryLayerId[] {
  const wanted = new Set(value.split(','));
  return STORY_LAYERS.filter((id) => wanted.has(id));
}

/** `value` when it has the shape of a feature id (a lower-case slug), else undefined. */
export function parseFeatureId(value: string): string | undefined {
  return FEATURE_ID.test(value) ? value : undefined;
}

/** Formats the state as a hash string starting with `#` (or `''` when empty): `map` first, then own keys, then the rest. */
export function formatUrlState(state: UrlState): string {
  const parts: string[] = [];
  const map = state.other.find(([key]) => key === 'map');
  if (map) parts.push(map[1] === '' ? 'map' : `map=${map[1]}`);
  if (state.layers !== undefined)
    parts.push(`layers=${STORY_LAYERS.filter((id) => state.layers?.includes(id)).join(',')}`);
  if (state.feature !== undefined) parts.push(`f=${state.feature}`);
  if (state.lang !== undefined) parts.push(`lang=${state.lang}`);
  for (const [key, value] of state.other) {
    if (key === 'map' || (OWN_KEYS as readonly string[]).includes(key)) continue;
    parts.push(value === '' ? key : `${key}=${value}`);
  }
  return parts.length > 0 ? `#${parts.join('&')}` : '';
}

/** `layers` normalised for the URL: undefined when it equals the defaults, so default links stay short. */
export function layersForUrl(
  visible: readonly StoryLayerId[],
  defaults: readonly StoryLayerId[] = STORY_LAYERS,
): StoryLayerId[] | undefined {
  const canonical = STORY_LAYERS.filter((id) => visible.includes(id));
  const same = canonical.length === defaults.length && canonical.every((id) => defaults.includes(id));
  return same ? undefined : canonical;
}
