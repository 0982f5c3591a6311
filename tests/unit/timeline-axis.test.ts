import { describe, expect, it } from 'vitest';
import { dayOf } from '../../src/story/timeline';
import { laneOfTicks, monthStarts } from '../../src/story/timeline-axis';
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
