/**
 * The floor: the app's `maplibre-gl` build, wired to its worker the same way, with a style that has only
 * a background layer. Sets `data-map-ready="true"` on the first `idle`, as the app does.
 */

import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { STORY_BOUNDS } from '../../src/story/view';
import { BASEMAP_COLORS } from '../../src/style/palette';
import { mapContainer } from './frame-map';

setWorkerUrl(workerUrl);
// The same phase marks as the app's (src/app/start-map.tsx), for the benchmark's breakdown.
performance.mark('story-map:runtime-loaded');

const container = mapContainer();
const map = new MapLibreMap({
  container,
  style: {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BASEMAP_COLORS.sea } }],
  },
  bounds: STORY_BOUNDS,
  fitBoundsOptions: { padding: 24 },
});
performance.mark('story-map:map-created');
(window as unknown as { storyMap: MapLibreMap }).storyMap = map;
map.once('style.load', () => performance.mark('story-map:style-loaded'));
map.once('idle', () => {
  performance.mark('story-map:ready');
  container.dataset.mapReady = 'true';
});
