/** The time control's axis: where ticks go when days are too close for side by side, and where months begin. Pure. */

/**
 * The lane (0 = nearest the slider) of each tick at `xs` (px, ascending): the first lane whose last tick is at least
 * `gap` px to the left, else the lane where it overlaps least. Pure.
 */
export function laneOfTicks(xs: readonly number[], gap: number, lanes = 3): number[] {
  const lastX = Array.from({ length: lanes }, () => Number.NEGATIVE_INFINITY);
  return xs.map((x) => {
    let lane = lastX.findIndex((l) => x - l >= gap);
    if (lane < 0) lane = lastX.indexOf(Math.min(...lastX));
    lastX[lane] = x;
    return lane;
  });
}

/** The first day of each month after `first` up to `last` (days since 1970-01-01, UTC). */
export function monthStarts(first: number, last: number): number[] {
  const out: number[] = [];
  const d = new Date(first * 86_400_000);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth() + 1;
  for (;;) {
    if (m > 11) {
      y++;
      m = 0;
    }
    const day = Date.UTC(y, m, 1) / 86_400_000;
    if (day > last) return out;
    out.push(day);
    m++;
  }
}
