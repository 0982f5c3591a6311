/**
 * Reads what the map has drawn. MapLibre's WebGL canvas keeps no copy of its last frame
 * (`preserveDrawingBuffer` is off, as it should be for speed), so the pixels are copied inside a render
 * callback, while the frame is still in the drawing buffer.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapFrame } from '../export/export-actions';

/** Draws the map now and copies the frame into a 2D canvas of the same size in device pixels. */
export function captureMap(map: MapLibreMap): MapFrame {
  const source = map.getCanvas();
  const copy = document.createElement('canvas');
  copy.width = source.width;
  copy.height = source.height;
  const context = copy.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  let drawn = false;
  const onRender = () => {
    context.drawImage(source, 0, 0);
    drawn = true;
  };
  map.once('render', onRender);
  // redraw() renders synchronously, so the render callback above has run when it returns.
  map.redraw();
  if (!drawn) {
    map.off('render', onRender);
    throw new Error('the map did not draw');
  }
  return { canvas: copy, pixelRatio: source.width / source.clientWidth || window.devicePixelRatio };
}
