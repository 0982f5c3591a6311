/**
 * Whether the Sources view is open, kept in step with `panel=sources` in the link. The app's URL binding keeps the
 * key as it finds it (it is not among the keys it owns), so this is the key's only writer.
 */
import { effect, signal } from '@preact/signals';
import { panelOf, withPanel } from '../state/url-state';

export const sourcesOpen = signal(false);

let bound = false;

/** Reads the link now and on every `hashchange`, and writes `panel=` when the view opens or closes. Once per page. */
export function bindSourcesPanel(win: Window = window): void {
  if (bound) return;
  bound = true;
  const read = () => {
    sourcesOpen.value = panelOf(win.location.hash) === 'sources';
  };
  read();
  win.addEventListener('hashchange', read);
  effect(() => {
    const open = sourcesOpen.value;
    if ((panelOf(win.location.hash) === 'sources') === open) return;
    const next = withPanel(win.location.hash, open ? 'sources' : undefined);
    win.history.replaceState(win.history.state, '', `${win.location.pathname}${win.location.search}${next}`);
  });
}
