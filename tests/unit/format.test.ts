import { describe, expect, it } from 'vitest';
import { formatHoursRange, formatKm, formatNauticalMiles, formatNumber } from '../../src/i18n/format';

// ICU groups Ukrainian thousands with a no-break space (U+00A0) or, in some versions, a narrow one (U+202F);
// either keeps "10 000" on one line. Four-digit numbers stay unspaced, as Ukrainian typography writes them.
const GROUP_SPACE = '[\u00A0\u202F ]';

describe('formatKm', () => {
  it('writes 6412 km in Ukrainian as 6412 км, and groups from five digits with a space-like character', () => {
    expect(formatKm('uk', 6412)).toBe('6412 км');
    const text = formatKm('uk', 10_412);
    expect(text).toMatch(new RegExp(`^10${GROUP_SPACE}412 км$`));
    expect(text).not.toContain(',');
  });

  it('writes 6412 km in English as 6,412 km', () => {
    expect(formatKm('en', 6412)).toBe('6,412 km');
  });

  it('rounds to whole kilometres from 10 km up', () => {
    expect(formatKm('en', 184.457)).toBe('184 km');
    expect(formatKm('en', 10.4)).toBe('10 km');
    expect(formatKm('uk', 5792.8)).toBe('5793 км');
  });

  it('keeps one decimal under 10 km, with each language’s decimal mark', () => {
    expect(formatKm('en', 4.56)).toBe('4.6 km');
    expect(formatKm('uk', 4.56)).toBe('4,6 км');
  });

  it('drops a trailing zero decimal under 10 km', () => {
    expect(formatKm('en', 3)).toBe('3 km');
    expect(formatKm('uk', 0)).toBe('0 км');
  });
});

describe('formatNauticalMiles', () => {
  it('rounds to whole miles with the unit of each language', () => {
    expect(formatNauticalMiles('en', 110.6)).toBe('111 nmi');
    expect(formatNauticalMiles('uk', 110.6)).toBe('111 мор. миль');
  });
});

describe('formatHoursRange', () => {
  it('rounds the range outwards to whole hours', () => {
    expect(formatHoursRange('en', 9.2, 10.1)).toBe('9–11 h');
    expect(formatHoursRange('uk', 9.2, 10.1)).toBe('9–11 год');
  });

  it('keeps whole hours as they are', () => {
    expect(formatHoursRange('en', 9, 11)).toBe('9–11 h');
  });

  it('joins the ends with an en dash, not a hyphen', () => {
    expect(formatHoursRange('en', 1.5, 2.5)).toBe('1–3 h');
    expect(formatHoursRange('en', 1.5, 2.5)).not.toContain('-');
  });
});

describe('formatNumber', () => {
  it('rounds to the requested decimals', () => {
    expect(formatNumber('en', 1234.5678, 2)).toBe('1,234.57');
    expect(formatNumber('en', 1234.5678)).toBe('1,235');
  });

  it("writes each language's separators, on first and repeated calls alike (cached formatters)", () => {
    for (let i = 0; i < 2; i++) {
      expect(formatNumber('uk', 1234.25, 1)).toBe('1234,3');
      expect(formatNumber('uk', 12345.25, 1)).toMatch(new RegExp(`^12${GROUP_SPACE}345,3$`));
      expect(formatNumber('en', 1234.25, 1)).toBe('1,234.3');
    }
  });
});
