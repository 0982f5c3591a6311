import { describe, expect, it } from 'vitest';
import { medianOf, quantileOf, ratioOf, summaryOf } from '../../bench/stats';

describe('medianOf', () => {
  it('takes the middle value of an odd sample, whatever its order', () => {
    expect(medianOf([5, 1, 3])).toBe(3);
  });

  it('takes the mean of the two middle values of an even sample', () => {
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
  });

  it('is null for an empty sample', () => {
    expect(medianOf([])).toBeNull();
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    medianOf(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('quantileOf', () => {
  it('interpolates linearly between order statistics', () => {
    expect(quantileOf([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantileOf([1, 2, 3, 4], 0.25)).toBe(1.75);
  });

  it('gives the extremes at 0 and 1', () => {
    expect(quantileOf([7, 3, 9], 0)).toBe(3);
    expect(quantileOf([7, 3, 9], 1)).toBe(9);
  });

  it('rejects a p outside [0, 1]', () => {
    expect(() => quantileOf([1], 1.5)).toThrow(RangeError);
  });
});

describe('summaryOf', () => {
  it('reports median, range and quartiles of the measured values', () => {
    expect(summaryOf([10, 30, 20, 50, 40])).toEqual({ n: 5, median: 30, min: 10, max: 50, q1: 20, q3: 40 });
  });

  it('skips runs that measured nothing', () => {
    expect(summaryOf([null, 4, undefined, Number.NaN, 2])).toEqual({
      n: 2,
      median: 3,
      min: 2,
      max: 4,
      q1: 2.5,
      q3: 3.5,
    });
  });

  it('is null when nothing was measured', () => {
    expect(summaryOf([null, null])).toBeNull();
  });
});

describe('ratioOf', () => {
  it('divides the first value by the second', () => {
    expect(ratioOf(150, 100)).toBe(1.5);
  });

  it('is null when a value is missing or the divisor is zero', () => {
    expect(ratioOf(null, 100)).toBeNull();
    expect(ratioOf(100, undefined)).toBeNull();
    expect(ratioOf(100, 0)).toBeNull();
  });
});
