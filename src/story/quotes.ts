/**
 * The quote table: for each story feature, the sentences of the Ukrinform article of 18 October 2023
 * (`src/article/ukrinform-2023-10-18.uk.txt`) that concern it. `uk` is verbatim, character for character
 * (the article uses the typographic apostrophe ’); `en` is our translation. Keyed by the feature id used in
 * `geo/*.geojson`, in the URL and in the popups.
 */

export interface Quote {
  /** Stable slug, used by the story steps (`geo/steps.json`) to cite a sentence. */
  id: string;
  /** Verbatim substring of the article. */
  uk: string;
  /** Faithful English translation. */
  en: string;
}

const LAVROV_ARRIVES: Quote = {
  id: 'lavrov-arrives',
  uk: 'Міністр закордонних справ Росії Сергій Лавров прибув до Пхеньяна, де проведе переговори для підготовки візиту російського диктатора Володимира Путіна до КНДР.',
  en: "Russia's Foreign Minister Sergei Lavrov has arrived in Pyongyang, where he will hold talks to prepare a visit to the DPRK by the Russian dictator Vladimir Putin.",
};

const FROM_BEIJING: Quote = {
  id: 'from-beijing',
  uk: 'До Північної Кореї Лавров прибув із Пекіна після 3-го Форуму міжнародного співробітництва Шовкового шляху, на який він супроводжував Путіна.',
  en: 'Lavrov came to North Korea from Beijing after the 3rd Silk Road [Belt and Road] Forum for International Cooperation, to which he had accompanied Putin.',
};

const EARLIER_VISITS: Quote = {
  id: 'earlier-visits',
  uk: 'Востаннє Лавров приїжджав до КНДР наприкінці травня 2018 року, до цього він бував у Пхеньяні у 2009-му та 2004 роках.',
  en: 'Lavrov last came to the DPRK at the end of May 2018; before that he had been in Pyongyang in 2009 and 2004.',
};

const DENIAL: Quote = {
  id: 'denial',
  uk: 'Пхеньян і Москва заперечують угоду про зброю і заявляють, що звинувачення Заходу не ґрунтуються на доказах.',
  en: "Pyongyang and Moscow deny the arms deal and say the West's accusations are not based on evidence.",
};

const KIM_TRIP: Quote = {
  id: 'kim-trip',
  uk: 'Дводенний візит Лаврова відбувається через місяць після поїздки лідера Північної Кореї Кім Чен Ина на російський Далекий Схід, під час якої він, серед іншого, запросив Путіна до Пхеньяна.',
  en: "Lavrov's two-day visit comes a month after North Korean leader Kim Jong Un's trip to the Russian Far East, during which he, among other things, invited Putin to Pyongyang.",
};

const AFTER_KIM_TRIP: Quote = {
  id: 'after-kim-trip',
  uk: 'Після цього візиту Північна Корея і Росія різко активізували взаємодію, а Сполучені Штати та інші західні країни повідомляють про постачання північнокорейської зброї до Росії для використання у війні проти України.',
  en: 'After this visit North Korea and Russia sharply stepped up their interaction, and the United States and other Western countries report deliveries of North Korean weapons to Russia for use in the war against Ukraine.',
};

const RUSI_SHIPS: Quote = {
  id: 'rusi-ships',
  uk: 'Водночас у понеділок британський Королівський інститут об’єднаних служб RUSI оприлюднив десятки комерційних супутникових знімків із чіткими зображеннями двох російських кораблів, які здійснювали численні рейси між Росією і Північною Кореєю.',
  en: 'Meanwhile, on Monday the British Royal United Services Institute, RUSI, published dozens of commercial satellite images clearly showing two Russian ships that made numerous voyages between Russia and North Korea.',
};

const RUSI_CONTAINERS: Quote = {
  id: 'rusi-containers',
  uk: 'За даними RUSI, ці судна від серпня перевезли кілька сотень контейнерів до порту в Північній Кореї та з нього до Росії.',
  en: 'According to RUSI, since August these vessels have carried several hundred containers to a port in North Korea and from it to Russia.',
};

const RUSI_DEPOT: Quote = {
  id: 'rusi-depot',
  uk: 'Хоча за супутниковими зображеннями неможливо встановити, який вантаж перевозили кораблі, контейнери ідентичного розміру та кольору пізніше були доставлені на великий російський склад боєприпасів поблизу кордону з Україною.',
  en: 'Although the satellite images cannot show what cargo the ships carried, containers of identical size and colour were later delivered to a large Russian ammunition depot near the border with Ukraine.',
};

const US_MISSION: Quote = {
  id: 'us-mission',
  uk: 'Як повідомляв Укрінформ, постійне представництво США при ООН заявило в соцмережі Х, що Північна Корея протягом останніх тижнів відправила до Росії більше тисячі контейнерів зі зброєю.',
  en: 'As Ukrinform reported, the US Mission to the UN said on the social network X that in recent weeks North Korea had sent more than a thousand containers of weapons to Russia.',
};

/** Every quoted sentence by its id, in the article's order. */
export const QUOTE_BY_ID: ReadonlyMap<string, Quote> = new Map(
  [
    LAVROV_ARRIVES,
    FROM_BEIJING,
    KIM_TRIP,
    AFTER_KIM_TRIP,
    DENIAL,
    RUSI_SHIPS,
    RUSI_CONTAINERS,
    RUSI_DEPOT,
    EARLIER_VISITS,
    US_MISSION,
  ].map((q) => [q.id, q]),
);

/** Article sentences per feature id, in reading order. */
export const QUOTES: Record<string, Quote[]> = {
  moscow: [DENIAL],
  beijing: [FROM_BEIJING],
  pyongyang: [LAVROV_ARRIVES, DENIAL, EARLIER_VISITS],
  'pyongyang-sunan': [LAVROV_ARRIVES],
  // The White House's and the US Mission's total is of everything North Korea sent, not of the two ships' cargo:
  // it sits with the port the imagery shows, never with the shuttle.
  'rajin-port': [RUSI_CONTAINERS, US_MISSION],
  // The article never names Dunai, but "from it to Russia" is the unloading end of the shuttle.
  'dunai-port': [RUSI_CONTAINERS],
  'tikhoretsk-depot': [RUSI_DEPOT],
  'angara-maria-shuttle': [RUSI_SHIPS, RUSI_CONTAINERS],
  'dunai-tikhoretsk-rail': [RUSI_DEPOT],
  'lavrov-trip-oct-2023': [LAVROV_ARRIVES, FROM_BEIJING],
  'kim-trip-sep-2023': [KIM_TRIP, AFTER_KIM_TRIP],
  // The article names none of the stops; they share the sentence on the trip itself.
  khasan: [KIM_TRIP],
  vostochny: [KIM_TRIP],
  komsomolsk: [KIM_TRIP],
  knevichi: [KIM_TRIP],
  vladivostok: [KIM_TRIP],
};

/** Feature ids that deliberately carry no quote. */
export const FEATURES_WITHOUT_QUOTE: readonly string[] = [
  // The article names neither the town nor its rail junction; the depot sentence sits on `tikhoretsk-depot`.
  'tikhoretsk',
];

/** The article sentences for a feature id, or an empty list when there are none. */
export function quotesFor(id: string): Quote[] {
  return Object.hasOwn(QUOTES, id) ? (QUOTES[id] ?? []) : [];
}
