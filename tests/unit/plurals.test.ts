import { describe, expect, it } from 'vitest';
import { formatCount, formatFigure, formatIsoDate } from '../../src/i18n/format';

// Written out by hand from Ukrainian and English grammar, not from the code: 1, 21, 101 take the singular in
// Ukrainian; 2–4 and 22 the "few" form; 0, 5–20 and 25 the genitive plural.
const NUMBERS = [0, 1, 2, 4, 5, 11, 21, 22, 25, 101] as const;
const EXPECTED = {
  uk: {
    'round-trips': [
      '0 рейсів туди й назад',
      '1 рейс туди й назад',
      '2 рейси туди й назад',
      '4 рейси туди й назад',
      '5 рейсів туди й назад',
      '11 рейсів туди й назад',
      '21 рейс туди й назад',
      '22 рейси туди й назад',
      '25 рейсів туди й назад',
      '101 рейс туди й назад',
    ],
    ships: [
      '0 суден',
      '1 судно',
      '2 судна',
      '4 судна',
      '5 суден',
      '11 суден',
      '21 судно',
      '22 судна',
      '25 суден',
      '101 судно',
    ],
    containers: [
      '0 контейнерів',
      '1 контейнер',
      '2 контейнери',
      '4 контейнери',
      '5 контейнерів',
      '11 контейнерів',
      '21 контейнер',
      '22 контейнери',
      '25 контейнерів',
      '101 контейнер',
    ],
  },
  en: {
    'round-trips': [
      '0 round trips',
      '1 round trip',
      '2 round trips',
      '4 round trips',
      '5 round trips',
      '11 round trips',
      '21 round trips',
      '22 round trips',
      '25 round trips',
      '101 round trips',
    ],
    ships: [
      '0 ships',
      '1 ship',
      '2 ships',
      '4 ships',
      '5 ships',
      '11 ships',
      '21 ships',
      '22 ships',
      '25 ships',
      '101 ships',
    ],
    containers: [
      '0 containers',
      '1 container',
      '2 containers',
      '4 containers',
      '5 containers',
      '11 containers',
      '21 containers',
      '22 containers',
      '25 containers',
      '101 containers',
    ],
  },
} as const;

describe('formatCount follows each language’s plural rules', () => {
  for (const lang of ['uk', 'en'] as const) {
    for (const unit of ['round-trips', 'ships', 'containers'] as const) {
      it.each(NUMBERS.map((n, i) => [n, EXPECTED[lang][unit][i]] as const))(`${lang} ${unit}: %i → %s`, (n, text) => {
        expect(formatCount(lang, n, unit)).toBe(text);
      });
    }
  }
});

describe('formatFigure keeps the source’s qualifier', () => {
  it.each([
    ['uk', { value: 4, unit: 'ships', qualifier: 'at-least' }, 'щонайменше 4 судна'],
    ['uk', { value: 5, unit: 'round-trips', qualifier: 'at-least' }, 'щонайменше 5 рейсів туди й назад'],
    ['uk', { value: 1000, unit: 'containers', qualifier: 'more-than' }, 'понад 1000 контейнерів'],
    ['uk', { value: 200, unit: 'km', qualifier: 'about' }, 'близько 200 км'],
    ['en', { value: 1000, unit: 'containers', qualifier: 'more-than' }, 'more than 1,000 containers'],
    ['en', { value: 290, unit: 'km', qualifier: 'about' }, 'about 290 km'],
    ['en', { value: 300, unit: 'containers' }, '300 containers'],
  ] as const)('%s %o → %s', (lang, figure, text) => {
    expect(formatFigure(lang, figure)).toBe(text);
  });
});

describe('formatIsoDate', () => {
  it.each([
    ['uk', '2023-10-16', '16 жовтня 2023 р.'],
    ['en', '2023-10-16', '16 October 2023'],
    ['uk', '2023-10', 'жовтень 2023 р.'],
    ['en', '2023-10', 'October 2023'],
  ] as const)('%s %s → %s', (lang, iso, text) => {
    expect(formatIsoDate(lang, iso)).toBe(text);
  });
});
