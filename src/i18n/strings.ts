/**
 * Every piece of UI text, in Ukrainian (the article's language, the default) and English.
 * `en` is typed from `uk`, so a key missing in either language fails the type check and the unit test.
 */
export const LANGS = ['uk', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'uk';

const uk = {
  'app.title': 'Лавров у Пхеньяні та маршрут контейнерів Раджин — Дунай — Тихорецьк',
  'app.subtitle': 'Карта за статтею Укрінформу від 18 жовтня 2023 року',
  'app.skip': 'Перейти до списку об’єктів',
  'map.label': 'Карта історії. Стрілками рухайте карту, + і − змінюють масштаб.',
  'map.loading': 'Карта завантажується…',
  'map.noWebgl':
    'Ваш браузер не може показати інтерактивну карту (немає WebGL2). Нижче — статична карта і весь текст історії.',
  'map.contextLost':
    'Карта перестала малюватися (втрачено контекст WebGL). Нижче — статична карта і весь текст історії.',
  'map.staticAlt':
    'Статична карта: Москва, Пекін, Пхеньян, порт Раджин, Дунай, склад боєприпасів біля Тихорецька, маршрути суден і залізниці.',
  'map.onlineFailed': 'Онлайн-підложка не завантажилась; показано вбудовану офлайн-підложку.',
  'data.error': 'Не вдалося завантажити частину даних:',
  'layers.title': 'Шари і легенда',
  'sidebar.label': 'Шари, список об’єктів і стаття',
  'layers.capitals': 'Столиці',
  'layers.ports': 'Порти і склад',
  'layers.vessel-routes': 'Маршрут суден',
  'layers.rail-route': 'Залізничний маршрут',
  'layers.trips': 'Поїздки',
  'legend.schematic': 'пунктир — схематична лінія',
  'share.button': 'Поділитися',
  'share.copied': 'Посилання скопійовано',
  'share.manual': 'Скопіюйте посилання:',
  'share.label': 'Посилання на цей вигляд',
  'lang.switch': 'English',
  'lang.switchLabel': 'Switch to English',
  'popup.close': 'Закрити',
  'popup.quote': 'У статті',
  'popup.translation': 'Переклад англійською',
  'popup.sources': 'Джерела',
  'popup.distances': 'Відстані',
  'popup.showInArticle': 'Показати в статті',
  'popup.confidence.reported': 'за джерелами',
  'popup.confidence.estimated': 'оцінка',
  'popup.confidence.schematic': 'схематично',
  'popup.reported': 'Повідомлені цифри',
  'popup.contested': 'Джерела розходяться',
  'popup.placement': 'Як розміщено',
  'popup.period': 'Період',
  'popup.vessels': 'Судна',
  'dist.routeLength': 'Довжина маршруту (за лінією на карті)',
  'dist.greatCircle': 'По великому колу',
  'dist.passage': 'Час переходу при 10–12 вузлах',
  'dist.toUkraine': 'До найближчої точки кордону України (обчислено за полігоном України на карті)',
  'dist.railLength': 'Довжина залізничного маршруту (схема)',
  'dist.straight': 'По прямій (велике коло)',
  'dist.legs': 'Відрізки по великому колу',
  'dist.method.turf': 'обчислено Turf за геометрією карти',
  'dist.computing': 'обчислюється…',
  'unit.km': 'км',
  'unit.containers': 'контейнерів',
  'qualifier.about': 'близько',
  'qualifier.at-least': 'щонайменше',
  'qualifier.more-than': 'понад',
  'unit.round-trips': 'рейсів туди й назад',
  'unit.nmi': 'мор. миль',
  'unit.h': 'год',
  'article.title': 'Стаття',
  'article.loading': 'Стаття завантажується…',
  'article.credit': 'Укрінформ, 18.10.2023, з посиланням на Yonhap',
  'article.publisher': 'Сайт Укрінформу',
  'article.show': 'Показати статтю',
  'article.hide': 'Сховати статтю',
  'article.markedHint': 'Виділені речення відкривають місце на карті.',
  'list.title': 'Усі об’єкти історії',
  'list.show': 'Список об’єктів',
  'list.hide': 'Сховати список',
  'list.showOnMap': 'Показати на карті',
  'error.title': 'Щось пішло не так',
} as const;

export type StringKey = keyof typeof uk;

const en: Record<StringKey, string> = {
  'app.title': 'Lavrov in Pyongyang and the Rajin — Dunai — Tikhoretsk container route',
  'app.subtitle': 'A map of the Ukrinform article of 18 October 2023',
  'app.skip': 'Skip to the list of places',
  'map.label': 'Story map. Arrow keys pan the map, + and − zoom.',
  'map.loading': 'Loading the map…',
  'map.noWebgl':
    'Your browser cannot show the interactive map (no WebGL2). Below are a static map and the whole story as text.',
  'map.contextLost':
    'The map stopped drawing (WebGL context lost). Below are a static map and the whole story as text.',
  'map.staticAlt':
    'Static map: Moscow, Beijing, Pyongyang, the port of Rajin, Dunai, the ammunition depot near Tikhoretsk, the vessel and rail routes.',
  'map.onlineFailed': 'The online basemap failed to load; showing the embedded offline basemap.',
  'data.error': 'Part of the data could not be loaded:',
  'layers.title': 'Layers and legend',
  'sidebar.label': 'Layers, list of places and the article',
  'layers.capitals': 'Capitals',
  'layers.ports': 'Ports and depot',
  'layers.vessel-routes': 'Vessel route',
  'layers.rail-route': 'Rail route',
  'layers.trips': 'Trips',
  'legend.schematic': 'dashed — schematic line',
  'share.button': 'Share',
  'share.copied': 'Link copied',
  'share.manual': 'Copy the link:',
  'share.label': 'Link to this view',
  'lang.switch': 'Українська',
  'lang.switchLabel': 'Перейти на українську',
  'popup.close': 'Close',
  'popup.quote': 'In the article',
  'popup.translation': 'English translation',
  'popup.sources': 'Sources',
  'popup.distances': 'Distances',
  'popup.showInArticle': 'Show in article',
  'popup.confidence.reported': 'reported',
  'popup.confidence.estimated': 'estimated',
  'popup.confidence.schematic': 'schematic',
  'popup.reported': 'Reported figures',
  'popup.contested': 'Sources disagree',
  'popup.placement': 'How it is placed',
  'popup.period': 'Period',
  'popup.vessels': 'Vessels',
  'dist.routeLength': 'Route length (along the drawn line)',
  'dist.greatCircle': 'Great circle',
  'dist.passage': 'Passage time at 10–12 knots',
  'dist.toUkraine': "To the nearest point of Ukraine's border (computed from the map's Ukraine polygon)",
  'dist.railLength': 'Rail route length (schematic)',
  'dist.straight': 'Straight line (great circle)',
  'dist.legs': 'Great-circle legs',
  'dist.method.turf': "computed with Turf from the map's geometry",
  'dist.computing': 'computing…',
  'unit.km': 'km',
  'unit.containers': 'containers',
  'qualifier.about': 'about',
  'qualifier.at-least': 'at least',
  'qualifier.more-than': 'more than',
  'unit.round-trips': 'round trips',
  'unit.nmi': 'nmi',
  'unit.h': 'h',
  'article.title': 'Article',
  'article.loading': 'Loading the article…',
  'article.credit': 'Ukrinform, 18 Oct 2023, citing Yonhap',
  'article.publisher': "Ukrinform's website",
  'article.show': 'Show the article',
  'article.hide': 'Hide the article',
  'article.markedHint': 'Highlighted sentences open their place on the map.',
  'list.title': 'Every place in the story',
  'list.show': 'List of places',
  'list.hide': 'Hide the list',
  'list.showOnMap': 'Show on map',
  'error.title': 'Something went wrong',
};

export const STRINGS: Record<Lang, Record<StringKey, string>> = { uk, en };

/** The UI text for `key` in `lang`. */
export function t(lang: Lang, key: StringKey): string {
  return STRINGS[lang][key];
}

/** `value` as a Lang when it is one, else undefined. */
export function parseLang(value: string | undefined | null): Lang | undefined {
  return value === 'uk' || value === 'en' ? value : undefined;
}
