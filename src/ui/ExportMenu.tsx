/**
 * The Download menu (an image of this view, the story's data, a printed page) with the "How to cite" line, and
 * the sheet that only printing shows: the map as an image, its legend, the credits and the link.
 * The actions are loaded on first use, so they cost the first view nothing.
 */
import { effect } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import { loadPart } from '../app/load-part';
import type { CaptureMap } from '../export/export-actions';
import { citationFor } from '../export/story-export';
import { type Lang, t } from '../i18n/strings';
import type { Model } from '../state/model';
import { STORY_LAYERS } from '../story/types';
import { STORY_COLORS, STORY_DASHES } from '../style/palette';
import { LegendSymbol } from './LayerPanel';
import './print.css';
import { retryableImport } from '../app/retry-import';

const importActions = retryableImport(() => import('../export/export-actions'));
/** The actions once loaded: the print handler must run synchronously, before the browser lays out the page. */
let loadedActions: typeof import('../export/export-actions') | undefined;
/** The actions, or undefined when their code did not arrive (named in the data-error message, whose Retry helps). */
const loadActions = (model: Model) =>
  loadPart(model, 'export-actions.js', importActions).then((module) => {
    loadedActions ??= module;
    return module;
  });

/**
 * Freezes the current view into the print sheet (a WebGL canvas may print blank): a 2D copy of the map's canvas,
 * which `.app:has(.print-map)` in print.css shows instead of the live map. Synchronous, for `beforeprint`.
 */
function freezeMapForPrint(lang: Lang, capture: CaptureMap): void {
  const frame = document.querySelector('.print-map-frame');
  const canvas = loadedActions?.mapCanvasForPrint(capture);
  if (!frame || !canvas) return;
  canvas.className = 'print-map';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', t(lang, 'map.label'));
  frame.replaceChildren(canvas);
}

/** What the Download menu and the print sheet read: the state, the link to this view, and the live map. */
interface ExportProps {
  model: Model;
  currentUrl: () => string;
  /** Reads the live map's current frame, for the image and the printed page. */
  captureMap: CaptureMap;
}

export function ExportMenu({ model, currentUrl, captureMap }: ExportProps) {
  const lang = model.lang.value;
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState('');
  const button = useRef<HTMLButtonElement>(null);

  async function image() {
    const actions = await loadActions(model);
    if (!actions) return;
    // A compact legend of the layers shown goes into the picture (#31).
    const legend = model.visibleLayers.peek().map((layer) => ({
      label: t(lang, `layers.${layer}`),
      color: STORY_COLORS[layer],
      line: layer !== 'capitals' && layer !== 'ports',
      dash: STORY_DASHES[layer],
    }));
    if (!(await actions.downloadMapImage(captureMap, lang, currentUrl(), new Date(), legend)))
      model.notify(t(lang, 'export.failed'));
  }
  async function data() {
    const actions = await loadActions(model);
    actions?.downloadStoryData(lang, model.layerData.value, currentUrl());
  }
  async function print() {
    if (!(await loadActions(model))) return;
    // Frozen here, for browsers that print without firing `beforeprint` first; its handler then finds it done.
    freezeMapForPrint(lang, captureMap);
    window.print();
  }

  return (
    <div class="export">
      <button
        ref={button}
        type="button"
        class="action-button"
        aria-expanded={open}
        aria-controls="export-panel"
        onClick={() => {
          setUrl(currentUrl());
          setOpen(!open);
          void loadActions(model);
        }}
      >
        {t(lang, 'export.button')}
      </button>
      {open && (
        <section
          id="export-panel"
          class="action-panel"
          aria-label={t(lang, 'export.button')}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation();
            setOpen(false);
            button.current?.focus();
          }}
        >
          <ul class="export-list">
            <li>
              <button type="button" class="action-button" onClick={image}>
                {t(lang, 'export.image')}
              </button>
            </li>
            <li>
              <button type="button" class="action-button" onClick={data}>
                {t(lang, 'export.data')}
              </button>
            </li>
            <li>
              <button type="button" class="action-button" onClick={print}>
                {t(lang, 'export.print')}
              </button>
            </li>
          </ul>
          <p class="export-cite">
            <strong>{t(lang, 'export.cite')}:</strong> {citationFor(lang, url, new Date())}
          </p>
        </section>
      )}
    </div>
  );
}

/** Shown only on paper: the frozen map, the legend of the visible layers, the credits and the link. */
export function PrintSheet({ model, currentUrl, captureMap }: ExportProps) {
  const lang = model.lang.value;
  const [url, setUrl] = useState('');
  useEffect(() => {
    // Printing, from the Print button or Ctrl+P: freeze the view as it is now, and let it go afterwards.
    const before = () => {
      setUrl(currentUrl());
      // The Print button has frozen the view just now; Ctrl+P finds the frame empty (emptied after each print).
      if (!document.querySelector('.print-map')) freezeMapForPrint(model.lang.peek(), captureMap);
    };
    const after = () => document.querySelector('.print-map-frame')?.replaceChildren();
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    // The actions load once the map is ready (1.7 kB, after the first view), so Ctrl+P finds them there.
    const stop = effect(() => {
      if (model.mapStatus.value === 'ready') void loadActions(model);
    });
    return () => {
      stop();
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [currentUrl, model]);
  const visible = model.visibleLayers.value;
  return (
    <div class="print-sheet">
      <div class="print-map-frame" />
      <ul class="print-legend">
        {STORY_LAYERS.filter((l) => visible.includes(l)).map((layer) => (
          <li key={layer}>
            <LegendSymbol layer={layer} /> {t(lang, `layers.${layer}`)}
          </li>
        ))}
        <li>{t(lang, 'legend.schematic')}</li>
      </ul>
      <p class="print-credits">{t(lang, 'card.credit')}</p>
      <p class="print-credits">
        {t(lang, 'export.cite')}: {citationFor(lang, url || currentUrl(), new Date())}
      </p>
    </div>
  );
}
