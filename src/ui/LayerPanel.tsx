/** The layer panel, which is also the legend: one checkbox per story layer with its map symbol. */
import { t } from '../i18n/strings';
import type { Model } from '../state/model';
import { STORY_LAYERS, type StoryLayerId } from '../story/types';
import { STORY_COLORS, STORY_DASHES } from '../style/palette';
import { lineWidthFor } from '../style/story-layers';

const POINT_LAYERS: readonly StoryLayerId[] = ['capitals', 'ports'];

/** A small drawing of how the layer looks on the map. */
export function LegendSymbol({ layer }: { layer: StoryLayerId }) {
  const color = STORY_COLORS[layer];
  // As on the map: the munitions chain's lines are wider than the journeys', and each layer keeps its own dashes.
  const width = lineWidthFor(layer);
  const { dash, round } = STORY_DASHES[layer];
  return (
    <svg class="legend-symbol" width="34" height="16" viewBox="0 0 34 16" aria-hidden="true">
      {POINT_LAYERS.includes(layer) ? (
        <circle cx="17" cy="8" r="6" fill={color} stroke="#fff" stroke-width="1.5" />
      ) : (
        <>
          <line
            x1="2"
            y1="8"
            x2="32"
            y2="8"
            stroke={color}
            stroke-width={width}
            stroke-dasharray={dash.map((d) => d * width).join(' ')}
            stroke-linecap={round ? 'round' : 'butt'}
          />
          <path d="M15 3.5 L21 8 L15 12.5" fill="none" stroke={color} stroke-width="2.4" stroke-linecap="round" />
          {/* Kim Jong Un's train has stops; Lavrov's flight is drawn without its own. */}
          {layer === 'kim-train' && <circle cx="31" cy="8" r="3.5" fill={color} stroke="#fff" stroke-width="1" />}
        </>
      )}
    </svg>
  );
}

export function LayerPanel({ model }: { model: Model }) {
  const lang = model.lang.value;
  const visible = model.visibleLayers.value;
  return (
    <fieldset class="layer-panel">
      <legend class="visually-hidden">{t(lang, 'layers.title')}</legend>
      <ul>
        {STORY_LAYERS.map((layer) => (
          <li key={layer}>
            <label class="layer-toggle">
              <input
                type="checkbox"
                name="layer"
                value={layer}
                checked={visible.includes(layer)}
                onChange={(e) => model.setLayerVisible(layer, (e.currentTarget as HTMLInputElement).checked)}
              />
              <LegendSymbol layer={layer} />
              <span>{t(lang, `layers.${layer}`)}</span>
            </label>
          </li>
        ))}
      </ul>
      <p class="legend-note">{t(lang, 'legend.schematic')}</p>
    </fieldset>
  );
}
