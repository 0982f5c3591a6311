/**
 * Escape closes the popup. However the popup closes (Escape, its ×, a new link), focus that was in it goes back to
 * where the reader was before it opened (the list item, the article sentence or the map), never to `<body>`.
 */
import { effect } from '@preact/signals';
import type { Model } from '../state/model';

export function bindEscape(model: Model, doc: Document = document): () => void {
  let returnTo: HTMLElement | undefined;
  const onFocusIn = (event: FocusEvent) => {
    const target = event.target as HTMLElement | null;
    if (target && !target.closest('.maplibregl-popup')) returnTo = target;
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || model.selectedId.peek() === undefined) return;
    model.select(undefined, model.selectionOrigin.peek());
  };
  let wasOpen = model.selectedId.peek() !== undefined;
  const stop = effect(() => {
    const open = model.selectedId.value !== undefined;
    const closed = wasOpen && !open;
    wasOpen = open;
    if (!closed) return;
    // After the popup's removal (another effect): the browser has then moved focus that was in it to <body>.
    queueMicrotask(() => {
      const active = doc.activeElement as HTMLElement | null;
      const lost = !active || active === doc.body || !active.isConnected || !!active.closest('.maplibregl-popup');
      if (!lost) return;
      const target = returnTo?.isConnected ? returnTo : doc.querySelector<HTMLElement>('.maplibregl-canvas');
      target?.focus();
    });
  });
  doc.addEventListener('focusin', onFocusIn);
  doc.addEventListener('keydown', onKeyDown);
  return () => {
    stop();
    doc.removeEventListener('focusin', onFocusIn);
    doc.removeEventListener('keydown', onKeyDown);
  };
}
