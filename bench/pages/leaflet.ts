/**
 * The Leaflet peer: the app's basemap files and story GeoJSON drawn with Leaflet's canvas renderer, framed to
 * the same bounds, with the same colours and font, great-circle trips as arcs, country labels placed greedily
 * by rank, and a popup per story feature (no direction arrows: Leaflet has none without a plugin). What a
 * careful Leaflet version of the app's first view would cost. Sets `data-map-ready="true"` once every
 * first-view layer is added and drawn (the animation frame after the canvas renderer's redraw).
 * `window.benchMap` is the Leaflet map.
 */
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/cyrillic-400.css';
import 'leaflet/dist/leaflet.css';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import * as L from 'leaflet';
import capitalsUrl from '../../geo/capitals.geojson?url';
import kimTrainUrl from '../../geo/kim-train.geojson?url';
import lavrovFlightUrl from '../../geo/lavrov-flight.geojson?url';
import portsUrl from '../../geo/ports.geojson?url';
import railRouteUrl from '../../geo/rail-route.geojson?url';
import vesselRoutesUrl from '../../geo/vessel-routes.geojson?url';
import { DEFAULT_LANG } from '../../src/i18n/strings';
import type { StoryLayerId } from '../../src/story/types';
import { STORY_BOUNDS } from '../../src/story/view';
import { basemapUrlsFor, DETAIL_ZOOM } from '../../src/style/basemap-sources';
import { basemapAttributionFor } from '../../src/style/basemap-style';
import { BASEMAP_COLORS, STORY_COLORS } from '../../src/style/palette';
import { mapContainer } from './frame-map';

// The story layers in the app's drawing order (src/story/types STORY_LAYERS), listed here with their files
// so this page does not pull in the app's loader.
const STORY_FILES: [StoryLayerId, string][] = [
  ['capitals', capitalsUrl],
  ['ports', portsUrl],
  ['vessel-routes', vesselRoutesUrl],
  ['rail-route', railRouteUrl],
  ['lavrov-flight', lavrovFlightUrl],
  ['kim-train', kimTrainUrl],
];

// MapLibre counts zoom in 512 px tiles, Leaflet in 256 px ones: the same scale is one Leaflet zoom level higher.
const LEAFLET_ZOOM_OFFSET = 1;
const MINOR_KINDS = new Set(['rail-junction', 'visit-site', 'airport']);
const POINT_RADIUS: Record<string, number> = { capital: 6, 'ammunition-depot': 7, port: 6.5, 'naval-facility': 6.5 };

interface StoryProps {
  id: string;
  kind: string;
  confidence: string;
  name_uk: string;
  name_en: string;
  summary_uk: string;
  summary_en: string;
  period_uk?: string;
  period_en?: string;
  sources?: { title: string; publisher: string; date: string; url?: string }[];
}

interface LabelProps {
  name_uk: string;
  name_en: string;
  rank: number;
}

const lang = DEFAULT_LANG;
const nameOf = (p: { name_uk: string; name_en: string }) => (lang === 'uk' ? p.name_uk : p.name_en);

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** A text-only element: feature text never becomes HTML. */
function textElement(tag: string, text: string, className?: string): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) element.className = className;
  return element;
}

function popupContentFor(p: StoryProps): HTMLElement {
  const root = document.createElement('div');
  root.append(textElement('h2', nameOf(p)), textElement('p', lang === 'uk' ? p.summary_uk : p.summary_en));
  const period = lang === 'uk' ? p.period_uk : p.period_en;
  root.append(textElement('p', [p.kind, p.confidence, period].filter(Boolean).join(' · ')));
  if (p.sources?.length) {
    const list = document.createElement('ul');
    for (const source of p.sources) {
      const item = textElement('li', `${source.publisher}, ${source.date}: `);
      const title = source.url?.startsWith('https://')
        ? textElement('a', source.title)
        : textElement('span', source.title);
      if (title instanceof HTMLAnchorElement && source.url) title.href = source.url;
      item.append(title);
      list.append(item);
    }
    root.append(list);
  }
  return root;
}

/** Points along the great circle from `a` to `b` (lon/lat degrees), `n` in all, by spherical interpolation. */
function greatCircleArc(a: Position, b: Position, n: number): Position[] {
  const rad = Math.PI / 180;
  const toXyz = ([lon, lat]: Position) => {
    const [l, p] = [(lon as number) * rad, (lat as number) * rad];
    return [Math.cos(p) * Math.cos(l), Math.cos(p) * Math.sin(l), Math.sin(p)] as const;
  };
  const [p, q] = [toXyz(a), toXyz(b)];
  const angle = Math.acos(Math.min(1, Math.max(-1, p[0] * q[0] + p[1] * q[1] + p[2] * q[2])));
  if (angle < 1e-9) return [a, b];
  return Array.from({ length: n }, (_, i) => {
    const t = i / (n - 1);
    const [u, v] = [Math.sin((1 - t) * angle) / Math.sin(angle), Math.sin(t * angle) / Math.sin(angle)];
    const [x, y, z] = [u * p[0] + v * q[0], u * p[1] + v * q[1], u * p[2] + v * q[2]];
    return [Math.atan2(y, x) / rad, Math.atan2(z, Math.hypot(x, y)) / rad];
  });
}

/** Trips flagged `great_circle` drawn as arcs, 64 points a leg, as the app draws them. */
function withArcs(data: FeatureCollection): FeatureCollection {
  const features = data.features.map((f) => {
    if (!f.properties?.great_circle || f.geometry.type !== 'LineString') return f;
    const coordinates = f.geometry.coordinates.flatMap((to, i, all) =>
      i === 0 ? [] : greatCircleArc(all[i - 1] as Position, to, 64).slice(i === 1 ? 0 : 1),
    );
    return { ...f, geometry: { type: 'LineString' as const, coordinates } };
  });
  return { ...data, features };
}

function storyLayerFor(layer: StoryLayerId, data: FeatureCollection): L.GeoJSON {
  const color = STORY_COLORS[layer];
  const lineStyle = (feature?: Feature) => ({
    color,
    weight: 3,
    lineCap: 'round' as const,
    lineJoin: 'round' as const,
    dashArray: (feature?.properties as StoryProps | undefined)?.confidence === 'reported' ? undefined : '6 4.5',
  });
  return L.geoJSON(data, {
    style: lineStyle,
    pointToLayer: (feature, latlng) => {
      const p = feature.properties as StoryProps;
      const marker = L.circleMarker(latlng, {
        radius: POINT_RADIUS[p.kind] ?? 4.5,
        color: '#ffffff',
        weight: 1.5,
        fillColor: color,
        fillOpacity: 1,
      });
      if (!MINOR_KINDS.has(p.kind)) {
        marker.bindTooltip(textElement('span', nameOf(p)), {
          permanent: true,
          direction: 'right',
          offset: [6, 0],
          className: 'story-label',
        });
      }
      return marker;
    },
    onEachFeature: (feature, path) => {
      const p = feature.properties as StoryProps;
      path.bindPopup(() => popupContentFor(p), { autoPan: false, maxWidth: 380, className: 'story-popup' });
      if (path instanceof L.Path && feature.geometry.type !== 'Point') {
        path.on('mouseover', () => path.setStyle({ weight: 5 }));
        path.on('mouseout', () => path.setStyle({ weight: 3 }));
      }
    },
  });
}

function basemapLayerFor(data: FeatureCollection, pane: string, style: L.PathOptions): L.GeoJSON {
  return L.geoJSON(data, { pane, interactive: false, style: () => style });
}

/** Country labels by rank, skipping any that would overlap one already placed; redone after every move. */
function placeLabels(map: L.Map, group: L.LayerGroup, labels: Feature<Geometry, LabelProps>[]): void {
  group.clearLayers();
  const zoom = map.getZoom() - LEAFLET_ZOOM_OFFSET;
  // The app's text-size: interpolate 10 px at z1, 13 px at z4, 16 px at z7.
  const fontPx = Math.min(16, Math.max(10, 10 + (zoom - 1)));
  const size = map.getSize();
  const placed: [number, number, number, number][] = [];
  for (const label of labels) {
    if (label.geometry.type !== 'Point') continue;
    const [lng, lat] = label.geometry.coordinates as [number, number];
    const point = map.latLngToContainerPoint([lat, lng]);
    const text = nameOf(label.properties).toUpperCase();
    const width = Math.min(text.length, 14) * fontPx * 0.72;
    const height = fontPx * 1.3 * (text.length > 14 ? 2 : 1);
    const box: [number, number, number, number] = [
      point.x - width / 2,
      point.y - height / 2,
      point.x + width / 2,
      point.y + height / 2,
    ];
    if (box[2] < 0 || box[3] < 0 || box[0] > size.x || box[1] > size.y) continue;
    if (placed.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) continue;
    placed.push(box);
    const element = textElement('span', text);
    element.style.cssText = `font-size:${fontPx}px;color:${BASEMAP_COLORS.label};letter-spacing:0.08em;text-align:center;line-height:1.3;display:block;text-shadow:0 0 2px ${BASEMAP_COLORS.halo},0 0 2px ${BASEMAP_COLORS.halo}`;
    const icon = L.divIcon({ className: 'country-label', html: element, iconSize: [width, height] });
    group.addLayer(L.marker([lat, lng], { icon, interactive: false, keyboard: false }));
  }
}

async function start(): Promise<void> {
  const container = mapContainer();
  container.style.background = BASEMAP_COLORS.sea;
  const map = L.map(container, { preferCanvas: true, zoomSnap: 0, zoomDelta: 0.5, minZoom: 2, maxZoom: 10 });
  (window as unknown as { benchMap: L.Map }).benchMap = map;
  const [[west, south], [east, north]] = STORY_BOUNDS;
  map.fitBounds(
    [
      [south, west],
      [north, east],
    ],
    { padding: [24, 24], animate: false },
  );
  L.control.scale({ imperial: false, maxWidth: 120 }).addTo(map);
  map.attributionControl.setPrefix(false).addAttribution(basemapAttributionFor('en'));
  for (const [name, zIndex] of [
    ['land', 350],
    ['borders', 360],
  ] as const) {
    const pane = map.createPane(name);
    pane.style.zIndex = String(zIndex);
  }

  const urls = basemapUrlsFor(import.meta.env.BASE_URL);
  const [landLow, bordersLow, labels, ...story] = await Promise.all([
    fetchJson<FeatureCollection>(urls.landLow),
    fetchJson<FeatureCollection>(urls.bordersLow),
    fetchJson<FeatureCollection<Geometry, LabelProps>>(urls.labels),
    ...STORY_FILES.map(([, url]) => fetchJson<FeatureCollection>(url)),
  ]);

  const landStyle = { fillColor: BASEMAP_COLORS.land, fillOpacity: 1, color: BASEMAP_COLORS.coast, weight: 0.6 };
  const bordersStyle = { color: BASEMAP_COLORS.border, weight: 0.8 };
  const low = L.layerGroup([
    basemapLayerFor(landLow, 'land', landStyle),
    basemapLayerFor(bordersLow, 'borders', bordersStyle),
  ]);
  let high: L.LayerGroup | undefined;
  let highLoading = false;
  const detailed = () => map.getZoom() >= DETAIL_ZOOM + LEAFLET_ZOOM_OFFSET;
  // The detailed basemap is fetched the first time the reader zooms in to DETAIL_ZOOM, as a Leaflet page would.
  const showBasemapForZoom = () => {
    if (!detailed()) {
      if (high) map.removeLayer(high);
      low.addTo(map);
      return;
    }
    if (high) {
      map.removeLayer(low);
      high.addTo(map);
      return;
    }
    if (highLoading) return;
    highLoading = true;
    // Every detail file the app's style lists (land-* filled, borders-* stroked), whatever their number.
    const files = Object.entries(urls.detail) as [string, string][];
    void Promise.all(files.map(([, url]) => fetchJson<FeatureCollection>(url))).then((collections) => {
      high = L.layerGroup(
        collections.map((data, i) =>
          (files[i] as [string, string])[0].startsWith('land')
            ? basemapLayerFor(data, 'land', landStyle)
            : basemapLayerFor(data, 'borders', { ...bordersStyle, weight: 1.2 }),
        ),
      );
      showBasemapForZoom();
    });
  };
  showBasemapForZoom();
  map.on('zoomend', showBasemapForZoom);

  const sortedLabels = [...labels.features].sort((a, b) => a.properties.rank - b.properties.rank);
  const labelGroup = L.layerGroup().addTo(map);
  placeLabels(map, labelGroup, sortedLabels);
  map.on('moveend', () => placeLabels(map, labelGroup, sortedLabels));

  STORY_FILES.forEach(([layer], i) => {
    storyLayerFor(layer, withArcs(story[i] as FeatureCollection)).addTo(map);
  });

  // The canvas renderer redraws in the next animation frame; a frame callback queued now runs after it.
  requestAnimationFrame(() => {
    container.dataset.mapReady = 'true';
  });
}

void start();
