/**
 * The text alternative to the map, from the same data: every story feature grouped by layer, each with
 * its quote, sources and distances. Choosing an item selects it on the map; a map selection marks the item.
 */
import { t } from '../i18n/strings';
import type { Model } from '../state/model';
import { STORY_LAYERS } from '../story/types';
import { FeatureDetails } from './FeatureDetails';
import { LegendSymbol } from './LayerPanel';
import { nameOf } from './text';

export function FeatureList({ model, onShowInArticle }: { model: Model; onShowInArticle: (q: string) => void }) {
  const lang = model.lang.value;
  const selectedId = model.selected.value?.feature.properties.id;
  const index = model.index.value;
  const ukraine = model.ukraine.value;
  return (
    <div class="feature-list">
      {STORY_LAYERS.map((layer) => {
        const group = model.layerData.value.find((l) => l.id === layer);
        if (!group || group.features.length === 0) return null;
        return (
          <div key={layer} class="feature-group">
            <h3 id={`group-${layer}`}>
              <LegendSymbol layer={layer} /> {t(lang, `layers.${layer}`)}
            </h3>
            <ul>
              {group.features.map((feature) => {
                const id = feature.properties.id;
                const isSelected = id === selectedId;
                return (
                  <li key={id} class={isSelected ? 'selected' : ''} data-feature-id={id}>
                    <FeatureDetails
                      hit={{ layer, feature }}
                      lang={lang}
                      index={index}
                      ukraine={ukraine}
                      onShowInArticle={onShowInArticle}
                      headingLevel={4}
                    />
                    <button
                      type="button"
                      class="feature-item"
                      aria-current={isSelected ? 'true' : undefined}
                      aria-label={`${nameOf(feature.properties, lang)}: ${t(lang, 'list.showOnMap')}`}
                      onClick={() => model.select(id, 'list')}
                    >
                      {t(lang, 'list.showOnMap')}
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
