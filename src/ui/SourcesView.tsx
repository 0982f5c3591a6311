/**
 * The Sources view (#27): the claims as a table (who asserts, who denies, how many independent sources; choosing one
 * shows its place on the map), every source with its original link and its archived copy, and both as CSV.
 * Loaded lazily by SourcesButton.
 */
import { useMemo } from 'preact/hooks';
import { formatIsoDate } from '../i18n/format';
import type { Lang } from '../i18n/strings';
import type { Model } from '../state/model';
import { independentAssertions } from '../story/claims';
import { claimsCsv, sourcesCsv } from '../story/ledger-csv';
import type { LedgerSource, SourceLedger } from '../story/sources';
import { storyClaims } from '../story/story-claims';
import { storySources } from '../story/story-sources';
import { ts } from './sources-strings';
import { aboutOf, publisherOf } from './text';
import './sources-view.css';

/** A CSV as a link target; the byte-order mark makes spreadsheet programs read it as UTF-8 (Cyrillic). */
const csvHref = (csv: string) => `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csv}`)}`;

/**
 * "The Washington Post (relays RUSI)": a source named with what it relays; with `among`, only the relayed sources
 * in that list (a claim's own), so that a row does not list what the source relays about other claims.
 */
export function sourceNameOf(id: string, ledger: SourceLedger, lang: Lang, among?: readonly string[]): string {
  const s = ledger.get(id);
  if (!s) return id;
  const relays = s.derived_from
    .filter((r) => among === undefined || among.includes(r))
    .map((r) => ledger.get(r))
    .filter((r): r is LedgerSource => r !== undefined);
  const name = publisherOf(s, lang);
  return relays.length === 0
    ? name
    : `${name} (${ts(lang, 'claims.relays')} ${relays.map((r) => publisherOf(r, lang)).join(', ')})`;
}

export default function SourcesView({
  model,
  onChooseClaim,
}: {
  model: Model;
  onChooseClaim: (featureId: string) => void;
}) {
  const lang = model.lang.value;
  const ledger = storySources();
  const claims = storyClaims();
  const csv = useMemo(() => ({ sources: csvHref(sourcesCsv(ledger)), claims: csvHref(claimsCsv(claims, ledger)) }), []);
  const names = (ids: string[], among: string[]) =>
    ids.length === 0 ? (
      ts(lang, 'claims.none')
    ) : (
      <ul class="claim-sources">
        {ids.map((id) => (
          <li key={id}>{sourceNameOf(id, ledger, lang, among)}</li>
        ))}
      </ul>
    );
  return (
    <div class="sources-view">
      <p>{ts(lang, 'sources.intro')}</p>
      <p class="sources-csv">
        {ts(lang, 'csv.heading')}:{' '}
        <a href={csv.claims} download="claims.csv" type="text/csv">
          {ts(lang, 'csv.claims')}
        </a>{' '}
        ·{' '}
        <a href={csv.sources} download="sources.csv" type="text/csv">
          {ts(lang, 'csv.sources')}
        </a>
      </p>
      <h3>{ts(lang, 'claims.heading')}</h3>
      <div class="claims-table-wrap">
        <table class="claims-table">
          <caption>{ts(lang, 'claims.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{ts(lang, 'claims.col.claim')}</th>
              <th scope="col">{ts(lang, 'claims.col.asserted')}</th>
              <th scope="col">{ts(lang, 'claims.col.denied')}</th>
              <th scope="col">{ts(lang, 'claims.col.independent')}</th>
              <th scope="col">{ts(lang, 'claims.col.evidence')}</th>
              <th scope="col">{ts(lang, 'claims.col.place')}</th>
            </tr>
          </thead>
          <tbody>
            {claims.map((c) => {
              const text = lang === 'uk' ? c.text_uk : c.text_en;
              const feature = c.features[0]!;
              return (
                <tr key={c.id} data-claim={c.id}>
                  <th scope="row">{text}</th>
                  <td>{names(c.asserted_by, [...c.asserted_by, ...c.denied_by])}</td>
                  <td>{names(c.denied_by, [...c.asserted_by, ...c.denied_by])}</td>
                  <td class="claims-count">{independentAssertions(c, ledger)}</td>
                  <td>{ts(lang, `evidence.${c.evidence}`)}</td>
                  <td>
                    <button
                      type="button"
                      class="claim-show"
                      data-feature={feature}
                      aria-label={ts(lang, 'claims.showLabel', text)}
                      onClick={() => onChooseClaim(feature)}
                    >
                      {ts(lang, 'claims.show')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3>{ts(lang, 'ledger.heading')}</h3>
      <ul class="ledger">
        {[...ledger.values()].map((s) => (
          <LedgerEntry key={s.id} source={s} ledger={ledger} lang={lang} />
        ))}
      </ul>
    </div>
  );
}

function LedgerEntry({ source: s, ledger, lang }: { source: LedgerSource; ledger: SourceLedger; lang: Lang }) {
  const about = aboutOf(s, lang);
  const reason = lang === 'uk' ? s.no_archive_reason_uk : s.no_archive_reason_en;
  return (
    <li id={`source-${s.id}`} data-source={s.id}>
      <span class="ledger-name">{sourceNameOf(s.id, ledger, lang)}</span>,{' '}
      {s.title ? <cite lang={s.title_lang}>«{s.title}»</cite> : about}, {formatIsoDate(lang, s.date)} (
      {ts(lang, `kind.${s.kind}`)}).{' '}
      {s.url ? (
        <a href={s.url} target="_blank" rel="noopener noreferrer">
          {s.url}
        </a>
      ) : (
        ts(lang, 'ledger.noUrl')
      )}
      {s.archive_url ? (
        <>
          {' '}
          (
          <a href={s.archive_url} target="_blank" rel="noopener noreferrer" class="ledger-archive">
            {ts(lang, 'ledger.archived')}
          </a>
          )
        </>
      ) : (
        <span class="ledger-no-archive">
          {' '}
          {ts(lang, 'ledger.noArchive')}: {reason}
        </span>
      )}
    </li>
  );
}
