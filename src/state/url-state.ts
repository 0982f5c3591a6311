/**
 * The URL hash codec: the one owner of the hash. It reads and writes the camera (`map=`, in MapLibre's
 * `zoom/lat/lng[/bearing/pitch]` format with its zoom-dependent precision), `layers=`, `f=`, `lang=`, the story's
 * day (`t=YYYY-MM-DD`) and its step (`step=3`, counted from 1),
 * keeps every other key exactly as it found it, never throws, and writes a canonical order joined with
 * literal `&` and `=`.
 */
import { type Lang, parseLang } from '../i18n/strings';
import { SLUG } from '../story/slug';
import { dayOf } from '../story/timeline';
import { STORY_LAYERS, type StoryLayerId } from '../story/types';

/** A map camera: zoom level, centre in degrees, bearing and pitch in degrees. */
export interface Camera {
  zoom: number;
  lat: number;
  lng: number;
  bearing: number;
  pitch: number;
}

/** The state a link carries. `camera: undefined` means the default view; `layers: undefined` the defaults. */
export interface UrlState {
  camera: Camera | undefined;
  layers: StoryLayerId[] | undefined;
  feature: string | undefined;
  lang: Lang | undefined;
  /** The story's day, `YYYY-MM-DD` (a real calendar day; whether it is inside the timeline is checked on load). */
  time: string | undefined;
  /** The story step, 0-based here and 1-based in the link. */
  step: number | undefined;
  /**
   * The parts (`key=value`, `key=` or `key`) whose key this codec does not own, exactly as written and in their
   * order, repeats included.
   */
  other: string[];
}

/** Longest hash we read; the rest of a longer one is ignored. */
export const MAX_HASH_LENGTH = 4096;
/** Longest value kept for any one key. */
export const MAX_VALUE_LENGTH = 512;
const MAX_KEYS = 32;
const OWN_KEYS = ['map', 'layers', 'f', 'lang', 't', 'step'] as const;
const STEP = /^[1-9]\d{0,2}$/;
const isOwnKey = (key: string) => (OWN_KEYS as readonly string[]).includes(key);

export const EMPTY_URL_STATE: UrlState = {
  camera: undefined,
  layers: undefined,
  feature: undefined,
  lang: undefined,
  time: undefined,
  step: undefined,
  other: [],
};

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
  const state: UrlState = { ...EMPTY_URL_STATE, other: [] };
  const seen = new Set<string>();
  for (const part of text.split('&').slice(0, MAX_KEYS)) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq === -1 ? part : part.slice(0, eq);
    const raw = (eq === -1 ? '' : part.slice(eq + 1)).slice(0, MAX_VALUE_LENGTH);
    if (key === '' || key.length > 32) continue;
    if (!isOwnKey(key)) {
      state.other.push(eq === -1 ? key : `${key}=${raw}`);
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    if (key === 'map') state.camera = parseCamera(decodeLoosely(raw));
    else if (key === 'layers') state.layers = parseLayers(decodeLoosely(raw));
    else if (key === 'f') state.feature = parseFeatureId(decodeLoosely(raw));
    else if (key === 'lang') state.lang = parseLang(decodeLoosely(raw));
    else if (key === 't') state.time = parseTime(decodeLoosely(raw));
    else if (key === 'step') state.step = parseStep(decodeLoosely(raw));
  }
  return state;
}

/** Layer ids of earlier links, each read as the layers it became: `trips` was split into the two journeys (#24). */
const OLD_LAYER_IDS: Record<string, readonly StoryLayerId[]> = { trips: ['lavrov-flight', 'kim-train'] };

/**
 * The known layer ids in `value` (comma-separated), in the canonical order; an old id (OLD_LAYER_IDS) reads as the
 * layers it became, and unknown ids are dropped. Links are written with the current ids only.
 */
export function parseLayers(value: string): StoryLayerId[] {
  const wanted = new Set<string>(
    value.split(',').flatMap((id): readonly string[] => (Object.hasOwn(OLD_LAYER_IDS, id) ? OLD_LAYER_IDS[id]! : [id])),
  );
  return STORY_LAYERS.filter((id) => wanted.has(id));
}

/** `value` when it is a real calendar day `YYYY-MM-DD`, else undefined. */
export function parseTime(value: string): string | undefined {
  return dayOf(value) === undefined ? undefined : value;
}

/** The 0-based step of a 1-based `step=` value (1–999), else undefined. */
export function parseStep(value: string): number | undefined {
  return STEP.test(value) ? Number(value) - 1 : undefined;
}

/** `value` when it has the shape of a feature id (a lower-case slug), else undefined. */
export function parseFeatureId(value: string): string | undefined {
  return SLUG.test(value) ? value : undefined;
}

/**
 * A camera from MapLibre's hash format `zoom/lat/lng[/bearing/pitch]`, or undefined when any number is
 * missing, not finite or out of range (zoom 0–24, latitude ±90, longitude ±180, bearing ±180, pitch 0–85).
 */
export function parseCamera(value: string): Camera | undefined {
  const parts = value.split('/');
  if (parts.length < 3 || parts.length > 5 || parts.some((p) => p.trim() === '')) return undefined;
  const [zoom, lat, lng, bearing = 0, pitch = 0] = parts.map(Number) as [number, number, number, number?, number?];
  const ok =
    [zoom, lat, lng, bearing, pitch].every(Number.isFinite) &&
    zoom >= 0 &&
    zoom <= 24 &&
    Math.abs(lat) <= 90 &&
    Math.abs(lng) <= 180 &&
    Math.abs(bearing) <= 180 &&
    pitch >= 0 &&
    pitch <= 85;
  return ok ? { zoom, lat, lng, bearing, pitch } : undefined;
}

/**
 * The camera in MapLibre's hash format (as `src/ui/hash.ts` writes it): zoom to 2 decimals, the centre with
 * as many decimals as keep it within half a pixel at that zoom, bearing and pitch only when not zero.
 */
export function formatCamera(camera: Camera): string {
  const zoom = Math.round(camera.zoom * 100) / 100;
  // 512 px * 2^zoom / 360° per world / 10^d < 0.5 px (a Mercator world spans 360° of longitude).
  const precision = Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
  const m = 10 ** precision;
  const lng = Math.round(camera.lng * m) / m;
  const lat = Math.round(camera.lat * m) / m;
  let text = `${zoom}/${lat}/${lng}`;
  if (camera.bearing || camera.pitch) text += `/${Math.round(camera.bearing * 10) / 10}`;
  if (camera.pitch) text += `/${Math.round(camera.pitch)}`;
  return text;
}

/** Formats the state as a hash string starting with `#` (or `''` when empty): `map` first, then own keys, then the rest. */
export function formatUrlState(state: UrlState): string {
  const parts: string[] = [];
  if (state.camera !== undefined) parts.push(`map=${formatCamera(state.camera)}`);
  if (state.layers !== undefined)
    parts.push(`layers=${STORY_LAYERS.filter((id) => state.layers?.includes(id)).join(',')}`);
  if (state.feature !== undefined) parts.push(`f=${state.feature}`);
  if (state.lang !== undefined) parts.push(`lang=${state.lang}`);
  if (state.time !== undefined) parts.push(`t=${state.time}`);
  if (state.step !== undefined) parts.push(`step=${state.step + 1}`);
  for (const part of state.other) {
    const eq = part.indexOf('=');
    if (part === '' || isOwnKey(eq === -1 ? part : part.slice(0, eq))) continue;
    parts.push(part);
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

/** The side views a link can open with `panel=` (#27: the sources and claims). */
export const PANELS = ['sources'] as const;
export type Panel = (typeof PANELS)[number];

/** The panel a hash opens (`panel=sources`), or undefined. Read from the keys this codec keeps as they are. */
export function panelOf(hash: string): Panel | undefined {
  const part = parseUrlState(hash).other.find((p) => p.startsWith('panel='));
  const value = part?.slice('panel='.length);
  return (PANELS as readonly string[]).includes(value ?? '') ? (value as Panel) : undefined;
}

/** `hash` with `panel=` set to `panel` (or removed), every other key as it was. */
export function withPanel(hash: string, panel: Panel | undefined): string {
  const state = parseUrlState(hash);
  const other = state.other.filter((p) => p !== 'panel' && !p.startsWith('panel='));
  return formatUrlState({ ...state, other: panel ? [...other, `panel=${panel}`] : other });
}
