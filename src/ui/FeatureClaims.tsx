/**
 * The end of a popup (#27): the claims about this place in the Sources view's terms (who asserts, who denies, how
 * many independent sources), folded. The block, the claims and their texts are loaded with the first popup that asks,
 * not with the first view.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../i18n/strings';

type ClaimsModule = typeof import('./feature-claims-data');

export function FeatureClaims({ featureId, lang }: { featureId: string; lang: Lang }) {
  const [data, setData] = useState<ClaimsModule | undefined>(undefined);
  useEffect(() => {
    import('./feature-claims-data').then(setData, (error: unknown) => console.warn('Claims not loaded:', error));
  }, []);
  return data ? <data.ClaimsBlock featureId={featureId} lang={lang} /> : null;
}
