import { describe, expect, it } from 'vitest';
import { dayOf } from '../../src/story/timeline';
import { laneOfTicks, monthStarts, placeKeyLabels, rowsOfSpans } from '../../src/story/timeline-axis';
import { firstViewPadding } from '../../src/story/view';

describe('laneOfTicks', () => {
  it('keeps ticks far enough apart in one lane, and stacks close ones', () => {
    expect(laneOfTicks([0, 30, 60], 24)).toEqual([0, 0, 0]);
    expect(laneOfTicks([0, 10, 20, 30], 24)).toEqual([0, 1, 2, 0]);
  });
  it('puts a tick where it overlaps least once every lane is taken', () => {
    expect(laneOfTicks([0, 5, 10, 15], 24, 3)).toEqual([0, 1, 2, 0]);
  });
});

describe('placeKeyLabels', () => {
  const overlaps = (a: { x0: number; x1: number; lane: number }, b: { x0: number; x1: number; lane: number }) =>
    a.lane === b.lane && a.x0 < b.x1 && b.x0 < a.x1;
  it('puts a label beside its tick, in the tick’s lane, on the side with room', () => {
    const ticks = [
      { x: 10, lane: 0 },
      { x: 300, lane: 0 },
    ];
    const placed = placeKeyLabels(
      ticks,
      [
        { tick: 0, width: 80 },
        { tick: 1, width: 80 },
      ],
      { width: 320, lanes: 3, tickPx: 24 },
    );
    expect(placed[0]).toEqual({ lane: 0, x0: 22, x1: 102 });
    // No room on the right of the last tick: its label ends beside it on the left.
    expect(placed[1]).toEqual({ lane: 0, x0: 208, x1: 288 });
  });
  it('never lays a label over another label or another tick, and leaves out one that has no room', () => {
    const ticks = [0, 30, 60, 90, 120].map((x, i) => ({ x: x + 20, lane: i % 2 }));
    const labels = ticks.map((_, tick) => ({ tick, width: 30 }));
    const placed = placeKeyLabels(ticks, labels, { width: 160, lanes: 2, tickPx: 24 });
    const shown = placed.filter((p) => p !== undefined);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(labels.length);
    for (const [i, a] of shown.entries()) {
      expect(a.x0).toBeGreaterThanOrEqual(0);
      expect(a.x1).toBeLessThanOrEqual(160);
      for (const b of shown.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
      for (const t of ticks) expect(overlaps(a, { x0: t.x - 12, x1: t.x + 12, lane: t.lane })).toBe(false);
    }
  });
  it('moves a label to the row of labels over the lanes when both sides of its own lane are taken', () => {
    const ticks = [
      { x: 100, lane: 0 },
      { x: 70, lane: 0 },
      { x: 130, lane: 0 },
    ];
    const options = { width: 200, lanes: 3, tickPx: 24 };
    expect(placeKeyLabels(ticks, [{ tick: 0, width: 60 }], options)).toEqual([undefined]);
    // Starting over its tick; the next, with no room beside it nor in the first row of labels, in the second.
    expect(
      placeKeyLabels(
        ticks,
        [
          { tick: 0, width: 60 },
          { tick: 2, width: 80 },
        ],
        { ...options, labelRows: 2 },
      ),
    ).toEqual([
      { lane: 3, x0: 88, x1: 148 },
      { lane: 4, x0: 118, x1: 198 },
    ]);
  });
});

describe('rowsOfSpans', () => {
  it('puts a span in the first row that has ended before it begins, else in a new row', () => {
    expect(
      rowsOfSpans([
        [0, 10],
        [5, 20],
        [11, 12],
        [13, 30],
        [21, 22],
      ]),
    ).toEqual([0, 1, 0, 0, 1]);
  });
});

describe('monthStarts', () => {
  it('lists the first day of each month inside the timeline', () => {
    const days = monthStarts(dayOf('2023-07-20')!, dayOf('2023-10-20')!);
    expect(days).toEqual([dayOf('2023-08-01'), dayOf('2023-09-01'), dayOf('2023-10-01')]);
  });
});

describe('firstViewPadding', () => {
  it('keeps every side at least 30 px, more on the right for labels and controls on wide screens', () => {
    for (const size of [
      { width: 1060, height: 714 },
      { width: 900, height: 534 },
      { width: 390, height: 422 },
    ]) {
      const p = firstViewPadding(size);
      expect(Math.min(p.top, p.right, p.bottom, p.left)).toBeGreaterThanOrEqual(30);
      expect(p.left + p.right).toBeLessThan(size.width / 2);
    }
    expect(firstViewPadding({ width: 1060, height: 714 }).right).toBeGreaterThan(100);
  });
});
