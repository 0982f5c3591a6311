/**
 * On a phone a feature's details are a bottom sheet (app.css); this button folds it to a one-line peek (the place's
 * name) and opens it again, so the reader can look at the map without losing the place (#31). Hidden on wide screens,
 * where the details are a popup beside the place.
 */
import { useState } from 'preact/hooks';
import { type Lang, t } from '../i18n/strings';

export function SheetPeek({ lang }: { lang: Lang }) {
  const [folded, setFolded] = useState(false);
  return (
    <button
      type="button"
      class="sheet-peek"
      aria-expanded={!folded}
      onClick={(event) => {
        const next = !folded;
        setFolded(next);
        event.currentTarget.closest('.maplibregl-popup')?.classList.toggle('story-popup-peek', next);
      }}
    >
      {t(lang, folded ? 'popup.unfold' : 'popup.fold')}
    </button>
  );
}
