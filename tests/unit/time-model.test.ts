import { describe, expect, it } from 'vitest';
import { createTimeModel } from '../../src/state/time-model';
import type { StoryStep } from '../../src/story/timeline';

function model() {
  const m = createTimeModel();
  m.timeline.value = { start: '2023-07-20', end: '2023-10-20', events: [] };
  const step = (id: string, date: string): StoryStep => ({
    id,
    date,
    title_uk: id,
    title_en: id,
    text_uk: id,
    text_en: id,
    features: ['moscow'],
    layers: ['capitals'],
    quotes: [],
    events: [],
  });
  m.steps.value = [step('a', '2023-10-18'), step('b', '2023-09-01'), step('c', '2023-09-13')];
  return m;
}

describe('the time model', () => {
  it('shows all time until a day is chosen', () => {
    expect(model().date.value).toBeUndefined();
  });

  it('moves by days and weeks and stays inside the timeline', () => {
    const m = model();
    m.setDay(m.range.value![0]);
    m.moveBy(1);
    expect(m.date.value).toBe('2023-07-21');
    m.moveBy(7);
    expect(m.date.value).toBe('2023-07-28');
    m.moveBy(-100);
    expect(m.date.value).toBe('2023-07-20');
    m.moveBy(1000);
    expect(m.date.value).toBe('2023-10-20');
  });

  it('plays from the start, one day a tick, and stops at the end', () => {
    const m = model();
    m.play();
    expect([m.date.value, m.playing.value]).toEqual(['2023-07-20', true]);
    m.advance();
    expect(m.date.value).toBe('2023-07-21');
    m.setDay(m.range.value![1]);
    m.advance();
    expect(m.playing.value).toBe(false);
  });

  it('opens a step at its date and asks the camera to frame it; leaving the story shows all time again', () => {
    const m = model();
    m.goToStep(1);
    expect([m.step.value, m.date.value, m.stepCamera.value]).toEqual([1, '2023-09-01', 1]);
    m.goToStep(99);
    expect(m.step.value).toBe(2);
    m.exitStory();
    expect([m.step.value, m.date.value]).toEqual([undefined, undefined]);
  });
});

describe('keys from all time (#26)', () => {
  // The slider stands at the last day while all time is shown (TimeControl's `value={day ?? last}`), and the native
  // slider's ← moves one day back from there, to 19 October. PageUp and PageDown go through `moveBy`.
  it('moveBy starts where the slider stands, the last day, as ← does', () => {
    const back = model();
    back.moveBy(-1);
    expect(back.date.value).toBe('2023-10-19');
    const weekBack = model();
    weekBack.moveBy(-7);
    expect(weekBack.date.value).toBe('2023-10-13');
    const weekOn = model();
    weekOn.moveBy(7);
    expect(weekOn.date.value).toBe('2023-10-20');
  });
});
