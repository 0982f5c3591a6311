/**
 * The end of a popup (#27): the claims about this place in the Sources view's terms (who asserts, who denies, how
 * many independent sources), folded. The block, the claims and their texts are not part of the first view: the page
 * preloads them once the map is ready (`preloadClaims`), so a popup opened after that has them from its first frame
 * and does not grow under a camera that has already framed it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../i18n/strings';

type ClaimsModule = typeof import('./feature-claims-data');

let loaded: ClaimsModule | undefined;
let loading: Promise<ClaimsModule | undefined> | undefined;

/** Loads the claims block once; resolves undefined (and warns) when its code did not arrive, so a later call retries. */
export function preloadClaims(): Promise<ClaimsModule | undefined> {
  loading ??= import('./feature-claims-data').then(
    (module) => {
      loaded = module;
      return module;
    },
    (error: unknown) => {
      console.warn('Claims not loaded:', error);
      loading = undefined;
      return undefined;
    },
  );
  return loading;
}

export function FeatureClaims({ featureId, lang }: { featureId: string; lang: Lang }) {
  const [data, setData] = useState<ClaimsModule | undefined>(loaded);
  useEffect(() => {
    if (!data) void preloadClaims().then(setData);
  }, [data]);
  return data ? <data.ClaimsBlock featureId={featureId} lang={lang} /> : null;
}
