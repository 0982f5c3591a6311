/** The popup's claims block (#27): loaded lazily with the claims, the ledger and their names. */
import type { Lang } from '../i18n/strings';
import { claimsFor, independentAssertions } from '../story/claims';
import { storyClaims } from '../story/story-claims';
import { storySources } from '../story/story-sources';
import { sourceNameOf } from './SourcesView';
import { ts } from './sources-strings';
import './sources-view.css';

/** The claims about `featureId`, each with who asserts and denies it (names joined) and its independent count. */
export function claimRowsFor(featureId: string, lang: Lang) {
  const ledger = storySources();
  return claimsFor(featureId, storyClaims()).map((c) => {
    const among = [...c.asserted_by, ...c.denied_by];
    const list = (ids: string[]) =>
      ids.length === 0 ? ts(lang, 'claims.none') : ids.map((id) => sourceNameOf(id, ledger, lang, among)).join('; ');
    return {
      id: c.id,
      text: lang === 'uk' ? c.text_uk : c.text_en,
      asserted: list(c.asserted_by),
      denied: list(c.denied_by),
      independent: independentAssertions(c, ledger),
    };
  });
}

/** The folded list of the claims about `featureId`; nothing when there are none. */
export function ClaimsBlock({ featureId, lang }: { featureId: string; lang: Lang }) {
  const rows = claimRowsFor(featureId, lang);
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
