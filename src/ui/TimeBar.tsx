/**
 * The story in time on the page: the time control under the map and the guided story's step (beside the map on wide
 * screens, under it on phones; the way into it is in App's story bar). Loaded with the timeline, after the first view.
 */

import type { Model } from '../state/model';
import { SHUTTLE_ID } from '../story/moving';
import { phasesOn } from '../story/timeline';
import { StoryPanel as Panel } from './StoryPanel';
import { TimeControl } from './TimeControl';

/** The time control. */
export function TimeBar({ model }: { model: Model }) {
  const lang = model.lang.value;
  const { time } = model;
  if (!time.timeline.value) return null;
  const day = time.day.value;
  const events = time.timeline.value.events;
  const shipMoves =
    day !== undefined &&
    !matchMedia('(prefers-reduced-motion: reduce)').matches &&
    phasesOn(day, events).get(SHUTTLE_ID) === 'active';
  return <TimeControl time={time} lang={lang} illustrationNote={shipMoves} />;
}

/** The guided story's current step. */
export function StoryPanel({ model }: { model: Model }) {
  return (
    <Panel
      time={model.time}
      goToStep={model.openStep}
      lang={model.lang.value}
      index={model.index.value}
      ukraine={model.ukraine.value}
      onShowInArticle={model.showInArticle}
    />
  );
}
