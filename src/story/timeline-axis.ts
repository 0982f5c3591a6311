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

/** The row of each span [first, last] (in the order given): the first row whose last span has ended before it. */
export function rowsOfSpans(spans: readonly (readonly [number, number])[]): number[] {
  const rowEnds: number[] = [];
  return spans.map(([a, b]) => {
    let row = rowEnds.findIndex((end) => end < a);
    if (row < 0) row = rowEnds.length;
    rowEnds[row] = b;
    return row;
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

/** A visible label's place on the time control: its lane and its left and right edges (px). */
export interface LabelPlace {
  lane: number;
  x0: number;
  x1: number;
}

/**
 * Where the key events' labels go among the ticks (`ticks`: each tick's x and lane), in the order given (the first
 * gets the first choice): beside its own tick in the tick's lane, right then left; else in a row of labels above the
 * lanes (lane `lanes` up to `lanes + labelRows - 1`, where no tick is), starting or ending over its tick, or centred
 * on it. A label never covers another label or any other tick and stays inside the track and its end ticks; one with no room is left
 * out (undefined), its tick still named on hover and focus. Pure.
 */
export function placeKeyLabels(
  ticks: readonly { x: number; lane: number }[],
  labels: readonly { tick: number; width: number }[],
  { width, lanes, tickPx, labelRows = 0 }: { width: number; lanes: number; tickPx: number; labelRows?: number },
): (LabelPlace | undefined)[] {
  const half = tickPx / 2;
  const taken: LabelPlace[] = [];
  // A label may reach as far as the end ticks' own boxes, which stand half a tick beyond the track.
  const free = (p: LabelPlace, own: number) =>
    p.x0 >= -half &&
    p.x1 <= width + half &&
    taken.every((q) => q.lane !== p.lane || q.x1 <= p.x0 || p.x1 <= q.x0) &&
    ticks.every((t, i) => i === own || t.lane !== p.lane || t.x + half <= p.x0 || p.x1 <= t.x - half);
  return labels.map(({ tick, width: w }) => {
    const t = ticks[tick];
    if (!t) return undefined;
    const rows = Array.from({ length: labelRows }, (_, row) => lanes + row);
    const candidates: LabelPlace[] = [
      { lane: t.lane, x0: t.x + half, x1: t.x + half + w },
      { lane: t.lane, x0: t.x - half - w, x1: t.x - half },
      ...rows.flatMap((lane) => [
        { lane, x0: t.x - half, x1: t.x - half + w },
        { lane, x0: t.x + half - w, x1: t.x + half },
        { lane, x0: t.x - w / 2, x1: t.x + w / 2 },
      ]),
    ];
    const place = candidates.find((p) => free(p, tick));
    if (place) taken.push(place);
    return place;
  });
}
