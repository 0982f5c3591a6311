/**
 * The selected feature's highlight (feature state `selected`): set a frame after the popup has painted, cleared when
 * the selection changes, and set again when a lost WebGL context comes back.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

type FeatureRef = { source: string; id: string };

/** Creates the highlight of one feature at a time on `map`; `dispose` stops following context restores. */
export function createSelectionHighlight(map: MapLibreMap): {
  show: (ref: FeatureRef) => void;
  clear: () => void;
  dispose: () => void;
} {
  let current: FeatureRef | undefined;

  // A restored WebGL context starts with the sources' feature state gone: the highlight is set again.
  const reapply = () => {
    if (current && map.style) map.setFeatureState(current, { selected: true });
  };
  // Set once the restored map has drawn again (during the restore itself its sources are not back yet).
  const onRestored = () => map.once('idle', reapply);
  map.on('webglcontextrestored', onRestored);

  return {
    show: (ref) => {
      current = ref;
      // Highlight after the popup has painted: in a software-rendered map a redraw costs a frame of its own. Set in the
      // frame after the popup's, the map redraws in the one after that, once the popup's frame is on screen.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          // A map that lost its WebGL context in the meantime has no style to set the state on.
          if (current === ref && map.style) map.setFeatureState(ref, { selected: true });
        }),
      );
    },
    clear: () => {
      if (current && map.style) map.setFeatureState(current, { selected: false });
      current = undefined;
    },
    dispose: () => map.off('webglcontextrestored', onRestored),
  };
}
