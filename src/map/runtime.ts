/**
 * Everything that needs maplibre-gl, in one module the page loads lazily: the page, the static picture
 * and the text list show while this chunk and MapLibre's worker download.
 */
export { bindDetail } from './bind-detail';
export { bindStory } from './bind-story';
export { bindTime } from './bind-time';
export { bindCamera, createMap } from './create-map';
