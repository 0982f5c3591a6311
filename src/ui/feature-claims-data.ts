/** The popup's claims block's rows: loaded lazily with the claims, the ledger and their names (#27). */
import type { Lang } from '../i18n/strings';
import { claimsFor, independentAssertions } from '../story/claims';
import { storyClaims } from '../story/story-claims';
import { storySources } from '../story/story-sources';
import { sourceNameOf } from './SourcesView';
import { ts } from './sources-strings';

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
