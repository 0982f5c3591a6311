/** The Sources view's and the popups' claims block's texts, in both languages (#27). */
import type { Lang } from '../i18n/strings';

const STRINGS = {
  'sources.intro': {
    uk: 'Хто що стверджує, хто лише переказує іншого і хто заперечує. Незалежні джерела: ті, що стверджують і не переказують одне одного (не мають спільного першоджерела).',
    en: 'Who claims what, who only repeats someone else, and who denies it. Independent sources: those asserting a claim that do not relay one another (share no original source).',
  },
  'claims.heading': { uk: 'Твердження', en: 'Claims' },
  'claims.caption': {
    uk: 'Центральні твердження історії: хто стверджує, хто заперечує, скільки незалежних джерел',
    en: "The story's central claims: who asserts, who denies, how many independent sources",
  },
  'claims.col.claim': { uk: 'Твердження', en: 'Claim' },
  'claims.col.asserted': { uk: 'Стверджують', en: 'Asserted by' },
  'claims.col.denied': { uk: 'Заперечують', en: 'Denied by' },
  'claims.col.independent': { uk: 'Незалежних джерел', en: 'Independent sources' },
  'claims.col.evidence': { uk: 'Докази', en: 'Evidence' },
  'claims.col.place': { uk: 'На мапі', en: 'On the map' },
  'claims.none': { uk: 'ніхто', en: 'none' },
  'claims.show': { uk: 'Показати', en: 'Show' },
  'claims.showLabel': { uk: 'Показати на мапі: {0}', en: 'Show on the map: {0}' },
  'claims.relays': { uk: 'переказує', en: 'relays' },
  'evidence.satellite-imagery': { uk: 'супутникові знімки', en: 'satellite imagery' },
  'evidence.official-statement': { uk: 'офіційна заява', en: 'official statement' },
  'evidence.news-report': { uk: 'повідомлення медіа', en: 'news report' },
  'ledger.heading': { uk: 'Усі джерела', en: 'All sources' },
  'ledger.archived': { uk: 'архівна копія', en: 'archived copy' },
  'ledger.noArchive': { uk: 'Архівної копії немає', en: 'No archived copy' },
  'ledger.noUrl': { uk: 'посилання немає', en: 'no link' },
  'kind.imagery-analysis': { uk: 'аналіз знімків', en: 'imagery analysis' },
  'kind.official-statement': { uk: 'офіційна заява', en: 'official statement' },
  'kind.news-report': { uk: 'повідомлення медіа', en: 'news report' },
  'kind.state-media': { uk: 'державні медіа', en: 'state media' },
  'csv.heading': { uk: 'Завантажити (CSV)', en: 'Download (CSV)' },
  'csv.sources': { uk: 'Джерела, CSV', en: 'Sources, CSV' },
  'csv.claims': { uk: 'Твердження, CSV', en: 'Claims, CSV' },
  'popup.claims': { uk: 'Твердження про це місце', en: 'Claims about this place' },
  'popup.independent': { uk: 'незалежних джерел: {0}', en: 'independent sources: {0}' },
} as const satisfies Record<string, Record<Lang, string>>;

export type SourcesStringKey = keyof typeof STRINGS;

/** The text for `key` in `lang`, with `{0}`, `{1}`… replaced by `args`. */
export function ts(lang: Lang, key: SourcesStringKey, ...args: (string | number)[]): string {
  return args.reduce<string>((text, arg, i) => text.replace(`{${i}}`, String(arg)), STRINGS[key][lang]);
}
