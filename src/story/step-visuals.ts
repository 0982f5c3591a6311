/**
 * What a story step draws on top of the story layers, as pure GeoJSON: the nearest-border line with its figures
 * (step 6), the names of the stops its text names (step 4), and marks for what happened where on the step's day
 * (step 3: the containers at Najin, the Angara at Dunai). Labels are in the reader's language; every position comes
 * from the story's features or from the measured border, none is typed in here.
 */
import type { Feature, FeatureCollection, Position } from 'geojson';
import { type Lang, type StringKey, t } from '../i18n/strings';
import { borderOf, type UkraineOutline } from './feature-distances';
import { besideReportedText } from './key-figure';
import type { IndexedFeature } from './prepare-story';
import type { StepVisual } from './timeline';

export interface StepVisualContext {
  index: ReadonlyMap<string, IndexedFeature>;
  ukraine: UkraineOutline;
}

/** What a drawn mark stands for; the style gives each its symbol. */
export type StepRole = 'border-line' | 'border-end' | 'label' | 'stop' | 'ship' | 'containers';

const pointOf = (ctx: StepVisualContext, id: string): Position | undefined => {
  const g = ctx.index.get(id)?.feature.geometry;
  return g?.type === 'Point' ? g.coordinates : undefined;
};

/** The features step `visual` draws, in `lang`; empty without a visual. */
export function stepVisualFeatures(
  visual: StepVisual | undefined,
  lang: Lang,
  ctx: StepVisualContext,
): FeatureCollection {
  const features: Feature[] = [];
  const add = (id: string, role: StepRole, geometry: Feature['geometry'], text = '') =>
    features.push({ type: 'Feature', properties: { id, role, text }, geometry });

  if (visual?.border) {
    const depot = ctx.index.get(visual.border)?.feature;
    const from = pointOf(ctx, visual.border);
    const border = borderOf(ctx.ukraine);
    if (depot && from && border) {
      const to = border.nearestPoint(from);
      const km = border.distanceKm(from);
      const reported = (depot.properties.reported ?? []).filter((f) => f.measure === 'distance-to-ukraine');
      add(`${visual.border}-to-border`, 'border-line', { type: 'LineString', coordinates: [from, to] });
      add(`${visual.border}-border-point`, 'border-end', { type: 'Point', coordinates: to });
      // The figure stands at the line's middle, beside it.
      const middle = [(from[0]! + to[0]!) / 2, (from[1]! + to[1]!) / 2];
      add(
        `${visual.border}-to-border`,
        'label',
        { type: 'Point', coordinates: middle },
        besideReportedText(lang, km, reported),
      );
    }
  }
  for (const id of visual?.labels ?? []) {
    const at = pointOf(ctx, id);
    const p = ctx.index.get(id)?.feature.properties;
    if (at && p) add(id, 'stop', { type: 'Point', coordinates: at }, lang === 'uk' ? p.name_uk : p.name_en);
  }
  for (const mark of visual?.marks ?? []) {
    const at = pointOf(ctx, mark.at);
    if (at) add(mark.at, mark.role, { type: 'Point', coordinates: at }, t(lang, `step.mark.${mark.text}` as StringKey));
  }
  return { type: 'FeatureCollection', features };
}

/** Every position a step's visual draws, for the step's camera to frame. */
export function stepVisualPositions(visual: StepVisual | undefined, ctx: StepVisualContext): Position[] {
  return stepVisualFeatures(visual, 'en', ctx).features.flatMap((f) =>
    f.geometry.type === 'Point'
      ? [f.geometry.coordinates]
      : f.geometry.type === 'LineString'
        ? f.geometry.coordinates
        : [],
  );
}
