/**
 * The header's "Sources" button and the dialog it opens (#27). The view itself (every source, the claims table, the
 * CSV) is loaded on first opening, so it costs the first view nothing.
 */
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/strings';
import type { Model } from '../state/model';
import { bindSourcesPanel, sourcesOpen } from './sources-panel';
import './sources.css';
import { retryableImport } from '../app/retry-import';

const importSourcesView = retryableImport(() => import('./SourcesView'));

type View = ComponentType<{ model: Model; onChooseClaim: (featureId: string) => void }>;

export function SourcesButton({ model }: { model: Model }) {
  const lang = model.lang.value;
  const dialog = useRef<HTMLDialogElement>(null);
  const [View, setView] = useState<View | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  useEffect(() => bindSourcesPanel(), []);
  const open = sourcesOpen.value;

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
    if (open && !View && !failed) {
      importSourcesView()
        .then((m) => setView(() => m.default))
        .catch((error: unknown) => {
          console.warn('Sources not loaded:', error);
          setFailed(true);
        });
    }
  }, [open, View, failed]);

  const chooseClaim = (featureId: string) => {
    sourcesOpen.value = false;
    const layer = model.index.value.get(featureId)?.layer;
    if (layer) model.setLayerVisible(layer, true);
    model.select(featureId, 'list');
  };

  return (
    <>
      <button
        type="button"
        class="sources-button sources-header-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          sourcesOpen.value = true;
        }}
      >
        {t(lang, 'sources.button')}
      </button>
      <dialog
        ref={dialog}
        class="sources-dialog"
        aria-labelledby="sources-title"
        lang={lang}
        onClose={() => {
          sourcesOpen.value = false;
        }}
      >
        <div class="sources-dialog-head">
          <h2 id="sources-title">{t(lang, 'sources.title')}</h2>
          <button
            type="button"
            class="sources-close"
            onClick={() => {
              sourcesOpen.value = false;
            }}
          >
            {t(lang, 'sources.close')}
          </button>
        </div>
        {open &&
          (View ? (
            <View model={model} onChooseClaim={chooseClaim} />
          ) : failed ? (
            <p role="alert">{t(lang, 'sources.failed')}</p>
          ) : (
            <p>{t(lang, 'sources.loading')}</p>
          ))}
      </dialog>
    </>
  );
}

/**
 * The same entry on phones, at the top of the panels under the map: the header's row of buttons has no room left for
 * a fifth at 375 px, and a second row would take the map's height.
 */
export function SourcesPanelButton({ model }: { model: Model }) {
  return (
    <button
      type="button"
      class="sources-button sources-panel-button"
      aria-haspopup="dialog"
      onClick={() => {
        sourcesOpen.value = true;
      }}
    >
      {t(model.lang.value, 'sources.button')}
    </button>
  );
}
