import { describe, expect, it } from 'vitest';
import { bindPauseWhenHidden } from '../../src/app/pause-when-hidden';
import { createTimeModel } from '../../src/state/time-model';

/** A document as far as visibility goes: its state and the event that tells it changed. */
function fakeDocument(state: DocumentVisibilityState = 'visible') {
  const doc = new EventTarget() as EventTarget & { visibilityState: DocumentVisibilityState };
  doc.visibilityState = state;
  const set = (next: DocumentVisibilityState) => {
    doc.visibilityState = next;
    doc.dispatchEvent(new Event('visibilitychange'));
  };
  return { doc, set };
}

function playing() {
  const time = createTimeModel();
  time.timeline.value = { start: '2023-07-20', end: '2023-10-20', events: [] };
  time.play();
  return time;
}

describe('Play in a hidden tab (#26)', () => {
  it('pauses when the tab is hidden, and stays paused when it is shown again', () => {
    const time = playing();
    const { doc, set } = fakeDocument();
    bindPauseWhenHidden(time, doc);
    set('hidden');
    expect(time.playing.value).toBe(false);
    const day = time.date.value;
    set('visible');
    expect(time.playing.value).toBe(false);
    expect(time.date.value).toBe(day);
  });

  it('leaves playback alone while the tab is visible, and stops listening once disposed', () => {
    const time = playing();
    const { doc, set } = fakeDocument();
    const dispose = bindPauseWhenHidden(time, doc);
    set('visible');
    expect(time.playing.value).toBe(true);
    dispose();
    set('hidden');
    expect(time.playing.value).toBe(true);
  });
});
