import { describe, expect, it } from 'vitest';
import { roundScale, scaleLabel } from '../../src/map/scale-bar';

const units = { m: 'м', km: 'км' };

describe('the scale bar', () => {
  it('shows the longest round distance that fits: 1, 2, 3 or 5 × 10ⁿ m', () => {
    expect(roundScale(1234).meters).toBe(1000);
    expect(roundScale(2999).meters).toBe(2000);
    expect(roundScale(3000).meters).toBe(3000);
    expect(roundScale(4999).meters).toBe(3000);
    expect(roundScale(5000).meters).toBe(5000);
    expect(roundScale(9999).meters).toBe(5000);
    expect(roundScale(812_345).meters).toBe(500_000);
  });

  it('draws the bar as that distance’s share of the measured width', () => {
    const { meters, ratio } = roundScale(1600);
    expect(meters).toBe(1000);
    expect(ratio).toBeCloseTo(0.625, 10);
    expect(roundScale(5000).ratio).toBe(1);
  });

  it('writes metres below 1 km and kilometres from 1 km, in the given language', () => {
    expect(scaleLabel(500, units)).toBe('500 м');
    expect(scaleLabel(1000, units)).toBe('1 км');
    expect(scaleLabel(300_000, { m: 'm', km: 'km' })).toBe('300 km');
  });
});
