/**
 * The story in time as a small model of signals: the chosen day (or all time), playback, and the guided story's
 * step. Pure: no timers here. Playback is driven from the edge (src/ui/TimeControl.tsx) through `advance`.
 */
import { batch, computed, signal } from '@preact/signals-core';
import { dayOf, dayRangeOf, isoOfDay, type StoryStep, type Timeline } from '../story/timeline';

/** How far each playback tick moves the day. */
export const PLAY_STEP_DAYS = 1;

export function createTimeModel() {
  const timeline = signal<Timeline | undefined>(undefined);
  const steps = signal<StoryStep[]>([]);
  /** The chosen day as `YYYY-MM-DD`, or undefined for all time (everything shows as without a timeline). */
  const date = signal<string | undefined>(undefined);
  const playing = signal(false);
  /** The story step shown (0-based), or undefined on the free map. */
  const step = signal<number | undefined>(undefined);
  /** Bumped when the camera should frame the current step's features (a step chosen, not a reload of state). */
  const stepCamera = signal(0);

  const range = computed(() => {
    const t = timeline.value;
    return t ? dayRangeOf(t) : undefined;
  });
  /** The chosen day's number, when a day is chosen. */
  const day = computed(() => (date.value === undefined ? undefined : dayOf(date.value)));
  const currentStep = computed(() => (step.value === undefined ? undefined : steps.value[step.value]));

  /** Chooses a day (clamped into the timeline), or all time with undefined. */
  function setDay(next: number | undefined) {
    const r = range.value;
    if (next === undefined || !r) {
      date.value = undefined;
      return;
    }
    date.value = isoOfDay(Math.min(r[1], Math.max(r[0], Math.round(next))));
  }

  /**
   * Moves the day by `days`. From all time it starts at the last day, where the slider stands while all time is shown,
   * so PageUp and PageDown agree with the slider's own arrow keys.
   */
  function moveBy(days: number) {
    const r = range.value;
    if (!r) return;
    setDay((day.value ?? r[1]) + days);
  }

  /** One playback tick: the next day, stopping at the end of the timeline. */
  function advance() {
    const r = range.value;
    if (!r) return;
    if (day.value !== undefined && day.value >= r[1]) {
      playing.value = false;
      return;
    }
    moveBy(PLAY_STEP_DAYS);
  }

  function play() {
    const r = range.value;
    if (!r) return;
    batch(() => {
      if (day.value === undefined || day.value >= r[1]) date.value = isoOfDay(r[0]);
      playing.value = true;
    });
  }

  function pause() {
    playing.value = false;
  }

  /** Opens step `index` (clamped): its day on the timeline, and asks the map to frame its features. */
  function goToStep(index: number) {
    const list = steps.value;
    if (list.length === 0) return;
    const i = Math.min(list.length - 1, Math.max(0, index));
    batch(() => {
      step.value = i;
      date.value = list[i]!.date;
      playing.value = false;
      stepCamera.value++;
    });
  }

  /**
   * Once the timeline and steps are loaded: a day outside the timeline, or a step that does not exist (from a link),
   * falls back to all time or the free map.
   */
  function settle() {
    const r = range.value;
    if (!r) return;
    const d = date.value === undefined ? undefined : dayOf(date.value);
    batch(() => {
      if (d === undefined || d < r[0] || d > r[1]) date.value = undefined;
      if (step.value !== undefined && step.value >= steps.value.length) step.value = undefined;
    });
  }

  /** Back to the free map: no step, all time. */
  function exitStory() {
    batch(() => {
      step.value = undefined;
      date.value = undefined;
      playing.value = false;
    });
  }

  return {
    timeline,
    steps,
    date,
    day,
    range,
    playing,
    step,
    stepCamera,
    currentStep,
    setDay,
    moveBy,
    advance,
    play,
    pause,
    goToStep,
    exitStory,
    settle,
  };
}

export type TimeModel = ReturnType<typeof createTimeModel>;
