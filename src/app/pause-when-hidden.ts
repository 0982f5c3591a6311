/**
 * Play stops when the tab is hidden: a reader who switches away and comes back finds the day they left, not one
 * weeks later (browsers slow a hidden tab's timers, but do not stop them).
 */
import type { TimeModel } from '../state/time-model';

/** Pauses playback whenever `doc` becomes hidden; returns the dispose function. */
export function bindPauseWhenHidden(
  time: Pick<TimeModel, 'pause'>,
  doc: EventTarget & { visibilityState: DocumentVisibilityState } = document,
): () => void {
  const onChange = () => {
    if (doc.visibilityState === 'hidden') time.pause();
  };
  doc.addEventListener('visibilitychange', onChange);
  return () => doc.removeEventListener('visibilitychange', onChange);
}
