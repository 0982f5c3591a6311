/**
 * The Download menu (an image of this view, the story's data, a printed page) with the "How to cite" line, and
 * the sheet that only printing shows: the map as an image, its legend, the credits and the link.
 * The actions are loaded on first use, so they cost the first view nothing.
 */
import { signal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import { citationFor } from '../export/story-export';
import { t } from '../i18n/strings';
import type { Model } from '../state/model';
import { STORY_LAYERS } from '../story/types';
import { LegendSymbol } from './LayerPanel';
import './print.css';

/** The current view frozen into an image for printing (a WebGL canvas may print blank). */
const printImage = signal<string | undefined>(undefined);
const actions = () => import('../export/export-actions');

export function ExportMenu({ model, currentUrl }: { model: Model; currentUrl: () => string }) {
  const lang = model.lang.value;
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState('');
  const button = useRef<HTMLButtonElement>(null);

  async function image() {
    const { downloadMapImage } = await actions();
    if (!(await downloadMapImage(lang, currentUrl()))) model.notify(t(lang, 'export.failed'));
  }
  async function data() {
    const { downloadStoryData } = await actions();
    downloadStoryData(lang, model.layers.value, currentUrl());
  }
  async function print() {
    const { mapImageForPrint } = await actions();
    printImage.value = mapImageForPrint();
    // Print once the frozen map is in the page and decoded.
    requestAnimationFrame(async () => {
      await document
        .querySelector<HTMLImageElement>('.print-map')
        ?.decode()
        .catch(() => undefined);
      window.print();
    });
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
          void actions();
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
export function PrintSheet({ model, currentUrl }: { model: Model; currentUrl: () => string }) {
  const lang = model.lang.value;
  const [url, setUrl] = useState('');
  useEffect(() => {
    // Ctrl+P without the Print button: freeze the map now if its code is loaded (best effort, synchronous).
    const before = () => {
      setUrl(currentUrl());
      if (!printImage.peek()) void actions().then((m) => (printImage.value = m.mapImageForPrint()));
    };
    window.addEventListener('beforeprint', before);
    return () => window.removeEventListener('beforeprint', before);
  }, [currentUrl]);
  const image = printImage.value;
  const visible = model.visibleLayers.value;
  return (
    <div class="print-sheet">
      {image && <img class="print-map" src={image} alt={t(lang, 'map.label')} />}
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
