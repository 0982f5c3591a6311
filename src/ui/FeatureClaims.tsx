/**
 * The end of a popup (#27): the claims about this place in the Sources view's terms (who asserts, who denies, how
 * many independent sources), folded. The claims are loaded with the first popup that asks, not with the first view.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../i18n/strings';
import { ts } from './sources-strings';

type ClaimsModule = typeof import('./feature-claims-data');

export function FeatureClaims({ featureId, lang }: { featureId: string; lang: Lang }) {
  const [data, setData] = useState<ClaimsModule | undefined>(undefined);
  useEffect(() => {
    import('./feature-claims-data').then(setData, (error: unknown) => console.warn('Claims not loaded:', error));
  }, []);
  if (!data) return null;
  const rows = data.claimRowsFor(featureId, lang);
  if (rows.length === 0) return null;
  return (
    <details class="feature-claims">
      <summary>
        {ts(lang, 'popup.claims')} ({rows.length})
      </summary>
      <ul>
        {rows.map((r) => (
          <li key={r.id} data-claim={r.id}>
            <p>{r.text}</p>
            <p class="feature-claims-who">
              <strong>{ts(lang, 'claims.col.asserted')}:</strong> {r.asserted}.{' '}
              <strong>{ts(lang, 'claims.col.denied')}:</strong> {r.denied}.{' '}
              {ts(lang, 'popup.independent', r.independent)}.
            </p>
          </li>
        ))}
      </ul>
    </details>
  );
}
