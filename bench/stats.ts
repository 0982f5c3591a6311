/**
 * Statistics for the benchmark: median, spread and ratios of small samples. Pure, no I/O.
 * `null` stands for "not measured" (a page that has no popups, a run that failed) and passes through.
 */

export interface Summary {
  /** How many values the summary is over. */
  n: number;
  median: number;
  min: number;
  max: number;
  /** First and third quartiles (linear interpolation between order statistics, as R's type 7). */
  q1: number;
  q3: number;
}

/** The `p`-quantile (0 ≤ p ≤ 1) of `values` by linear interpolation; `null` for an empty sample. */
export function quantileOf(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile p must be in [0, 1], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  const low = sorted[lo] as number;
  const high = sorted[hi] as number;
  return low + (high - low) * (at - lo);
}

/** The median of `values` (the mean of the two middle values for an even count); `null` for an empty sample. */
export function medianOf(values: readonly number[]): number | null {
  return quantileOf(values, 0.5);
}

/** Median, min–max and quartiles of the finite numbers in `values`; `null` when there are none. */
export function summaryOf(values: readonly (number | null | undefined)[]): Summary | null {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (finite.length === 0) return null;
  return {
    n: finite.length,
    median: quantileOf(finite, 0.5) as number,
    min: Math.min(...finite),
    max: Math.max(...finite),
    q1: quantileOf(finite, 0.25) as number,
    q3: quantileOf(finite, 0.75) as number,
  };
}

/** `a ÷ b`, or `null` when either is missing or `b` is zero. */
export function ratioOf(a: number | null | undefined, b: number | null | undefined): number | null {
  if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) {
    return null;
  }
  return a / b;
}
