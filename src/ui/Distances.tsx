/**
 * A feature's distances as a definition list: each computed by Turf (src/story/feature-distances.ts), with the
 * sources' own figures or an estimate beside it where there is one, and how they were computed.
 */
import type { ComponentChildren } from 'preact';
import { formatFigure, formatHoursRange, formatKm, formatNauticalMiles } from '../i18n/format';
import { type Lang, type StringKey, t, tf } from '../i18n/strings';
import { type DistanceRow, distancesFor, type Endpoint, type UkraineOutline } from '../story/feature-distances';
import type { IndexedFeature } from '../story/prepare-story';
import type { StoryFeature } from '../story/types';
import { figureTextOf, nameOf } from './text';

/** The distances computed for a feature, with how they were computed; nothing when there is nothing to measure. */
export function Distances({
  feature,
  lang,
  index,
  ukraine,
  Sub,
}: {
  feature: StoryFeature;
  lang: Lang;
  index: ReadonlyMap<string, IndexedFeature>;
  ukraine: UkraineOutline;
  Sub: 'h3' | 'h5';
}) {
  const rows = distancesFor(feature, { index, ukraine });
  if (rows.length === 0) return null;
  const endpointName = (e: Endpoint) => {
    const f = e.id ? index.get(e.id)?.feature : undefined;
    return f ? nameOf(f.properties, lang) : `${e.position[1]?.toFixed(2)}, ${e.position[0]?.toFixed(2)}`;
  };
  return (
    <div class="distances">
      <Sub>{t(lang, 'popup.distances')}</Sub>
      <dl>{rows.map((row) => distanceRow(row, lang, endpointName))}</dl>
      <p class="method">{t(lang, 'dist.method.turf')}</p>
    </div>
  );
}

function distanceRow(row: DistanceRow, lang: Lang, name: (e: Endpoint) => string) {
  const item = (key: StringKey | string, label: string, value: ComponentChildren) => (
    <div class="distance" key={key} data-distance={row.kind}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  switch (row.kind) {
    case 'route-length':
      return item(
        row.kind,
        t(lang, 'dist.routeLength'),
        `${formatKm(lang, row.km)} (${formatNauticalMiles(lang, row.nmi)})`,
      );
    case 'by-sea':
      return item(
        row.kind,
        tf(lang, 'dist.bySea', { from: name(row.from), to: name(row.to) }),
        `${formatKm(lang, row.km)} (${formatNauticalMiles(lang, row.nmi)})`,
      );
    case 'great-circle':
      return item(
        row.kind,
        `${t(lang, 'dist.greatCircle')}: ${name(row.from)} — ${name(row.to)}`,
        `${formatKm(lang, row.km)} (${formatNauticalMiles(lang, row.nmi)})`,
      );
    case 'passage':
      return item(row.kind, t(lang, 'dist.passage'), formatHoursRange(lang, row.hoursLow, row.hoursHigh));
    case 'to-ukraine': {
      const computed =
        row.km !== undefined
          ? formatKm(lang, row.km)
          : t(lang, row.unavailable ? 'dist.unavailable' : 'dist.computing');
      const reported = row.reported.map((f) => `${figureTextOf(f, lang).by}: ${formatFigure(lang, f)}`).join('; ');
      return item(
        row.kind,
        t(lang, 'dist.toUkraine'),
        withBeside(computed, reported ? tf(lang, 'dist.reportedBeside', { figures: reported }) : undefined),
      );
    }
    case 'rail-length':
      return item(row.kind, t(lang, 'dist.railLength'), withTrackEstimate(lang, row.km, row.trackKmEstimate));
    case 'by-rail':
      return item(
        row.kind,
        tf(lang, 'dist.byRail', { from: name(row.from), to: name(row.to) }),
        withTrackEstimate(lang, row.km, row.trackKmEstimate),
      );
    case 'straight':
      return item(row.kind, `${t(lang, 'dist.straight')}: ${name(row.from)} — ${name(row.to)}`, formatKm(lang, row.km));
    case 'leg':
      return item(
        `${name(row.from)}-${name(row.to)}`,
        `${t(lang, 'dist.greatCircle')}: ${name(row.from)} — ${name(row.to)}`,
        formatKm(lang, row.km),
      );
  }
}

/** A drawn rail length, with the estimated real track length beside it so neither is read as the other. */
function withTrackEstimate(lang: Lang, km: number, estimate: number | undefined): ComponentChildren {
  const real =
    estimate === undefined ? undefined : formatFigure(lang, { value: estimate, unit: 'km', qualifier: 'about' });
  return withBeside(formatKm(lang, km), real && tf(lang, 'dist.trackEstimate', { value: real }));
}

/** A computed figure with, on a line of its own beneath, what it stands beside (sources' figures, an estimate). */
function withBeside(main: string, beside: string | undefined): ComponentChildren {
  if (!beside) return main;
  return (
    <>
      {main}
      <span class="beside">{beside}</span>
    </>
  );
}
