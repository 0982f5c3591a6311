/**
 * Escape closes the popup and returns focus to where the reader was before it opened
 * (the list item, the article sentence or the map), never leaving focus on a removed element.
 */
import type { Model } from '../state/model';

export function bindEscape(model: Model, doc: Document = document): () => void {
  let returnTo: HTMLElement | undefined;
  const onFocusIn = (event: FocusEvent) => {
    const target = event.target as HTMLElement | null;
    if (target && !target.closest('.maplibregl-popup')) returnTo = target;
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || model.selectedId.peek() === undefined) return;
    const focusWasInPopup = !!(doc.activeElement as HTMLElement | null)?.closest('.maplibregl-popup');
    model.select(undefined, model.selectionOrigin.peek());
    if (focusWasInPopup || doc.activeElement === doc.body) {
      const target = returnTo?.isConnected ? returnTo : doc.querySelector<HTMLElement>('.maplibregl-canvas');
      target?.focus();
    }
  };
  doc.addEventListener('focusin', onFocusIn);
  doc.addEventListener('keydown', onKeyDown);
  return () => {
    doc.removeEventListener('focusin', onFocusIn);
    doc.removeEventListener('keydown', onKeyDown);
  };
}
