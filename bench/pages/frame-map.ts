/**
 * Sizes `#map` from the page's `?w=&h=` (CSS pixels), so a reference page draws as many pixels as the app's
 * map area does in the same viewport; without them the map fills the window.
 */
export function frameMapFromQuery(container: HTMLElement, search = window.location.search): void {
  const query = new URLSearchParams(search);
  const width = Number(query.get('w'));
  const height = Number(query.get('h'));
  if (!(width > 0 && height > 0)) return;
  Object.assign(container.style, {
    inset: 'auto',
    right: '0',
    bottom: '0',
    width: `${width}px`,
    height: `${height}px`,
  });
}

/** The page's map container; the pages are ours, so a missing one is a bug worth a loud error. */
export function mapContainer(): HTMLElement {
  const container = document.getElementById('map');
  if (!container) throw new Error('the page has no #map element');
  frameMapFromQuery(container);
  return container;
}
