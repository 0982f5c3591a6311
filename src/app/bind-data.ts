/**
 * Loads the data after the link is read, and again on the data-error message's Retry: the story files at once; the
 * story's time (events and steps, with their code) and Ukraine's outline once the first view is done. Every failure
 * is named (files in `dataErrors`, other parts in `partErrors`); Retry loads what failed again.
 */
import { effect } from '@preact/signals';
import type { Model } from '../state/model';
import type { UrlState } from '../state/url-state';
import type { Border } from '../story/border-distance';
import type { DataError } from '../story/parse-story';
import type { StoryLayerData } from '../story/prepare-story';
import type { StoryStep, Timeline } from '../story/timeline';
import { settleLinkedTime } from './bind-url';
import type { FetchOptions } from './fetch-json';

/** The name of the timeline's lazily loaded code, in the data-error message. */
export const TIMELINE_CODE = 'load-timeline.js';

export interface DataSources {
  story: (options: FetchOptions) => Promise<{ layers: StoryLayerData[]; errors: DataError[] }>;
  /** The timeline loader's code (a lazy chunk, which may fail to arrive). */
  timelineCode: () => Promise<
    (
      featureIds: ReadonlySet<string>,
      options: FetchOptions,
    ) => Promise<{ timeline: Timeline | undefined; steps: StoryStep[]; errors: DataError[] }>
  >;
  ukraine: (options: FetchOptions) => Promise<{ border?: Border; error?: DataError }>;
}

/** Starts loading; `story` settles once the story files have answered (or failed). Returns the dispose function. */
export function bindData(
  model: Model,
  link: UrlState,
  sources: DataSources,
  firstViewDone: Promise<void>,
): { story: Promise<void>; dispose: () => void } {
  const story = sources.story({}).then(({ layers, errors }) => model.setStory(layers, errors));

  /** A story file that failed: the events and steps would name features that are not there. */
  const storyFileFailed = () =>
    model.dataErrors.peek().some((e) => e.feature === undefined && e.file.startsWith('geo/'));
  let timelineLoaded = false;
  let pendingLink: UrlState | undefined = link;
  let timeLoading: Promise<void> | undefined;
  const loadTime = (retry: boolean): Promise<void> => {
    if (timelineLoaded || storyFileFailed()) return Promise.resolve();
    timeLoading ??= fetchTime(retry).finally(() => {
      timeLoading = undefined;
    });
    return timeLoading;
  };
  const fetchTime = async (retry: boolean) => {
    let loadTimeline: Awaited<ReturnType<DataSources['timelineCode']>>;
    try {
      loadTimeline = await sources.timelineCode();
    } catch {
      model.reportPartError({ file: TIMELINE_CODE, message: 'could not be loaded' });
      return;
    }
    const { timeline, steps, errors } = await loadTimeline(new Set(model.index.peek().keys()), { retry });
    timelineLoaded = timeline !== undefined && errors.length === 0;
    model.time.timeline.value = timeline;
    model.time.steps.value = steps;
    // The link completes the state once, when a timeline first arrives; a later Retry finds the reader's own choices.
    if (pendingLink && timeline) {
      settleLinkedTime(model, pendingLink);
      pendingLink = undefined;
    } else model.time.settle();
    if (errors.length > 0) model.dataErrors.value = [...model.dataErrors.value, ...errors];
  };

  const loadBorder = async (retry: boolean) => {
    const { border, error } = await sources.ukraine({ retry });
    if (border) model.ukraine.value = border;
    if (error) {
      model.ukraine.value = 'unavailable';
      model.reportPartError(error);
    }
  };

  void Promise.all([story, firstViewDone]).then(() => {
    void loadTime(false);
    void loadBorder(false);
  });

  // Two quick Retry clicks: only the latest attempt's answer is applied, whichever comes back last.
  let latest = 0;
  const stop = effect(() => {
    const attempt = model.dataRetries.value;
    if (attempt === 0) return;
    latest = attempt;
    void sources.story({ retry: true }).then(({ layers, errors }) => {
      if (attempt !== latest) return;
      model.setStory(layers, errors);
      return loadTime(true);
    });
    if (model.ukraine.peek() === 'unavailable') void loadBorder(true);
  });
  return { story, dispose: stop };
}
