/**
 * What the Download menu saves, as data: the whole story as one GeoJSON FeatureCollection in the form of the
 * files in geo/ (so the same parser accepts it), the "How to cite" line and file names. Pure.
 */
import type { FeatureCollection } from 'geojson';
import { type Lang, t } from '../i18n/strings';
import type { StoryLayerData } from '../story/prepare-story';
import type { StoryFeature, StoryGeometry, StoryProperties } from '../story/types';

/** A feature as its file has it: a great-circle trip goes back to its waypoints (the loader draws the arcs). */
function fileFeature(feature: StoryFeature): StoryFeature {
  const { waypoints, ...properties } = feature.properties;
  const geometry: StoryGeometry = waypoints ? { type: 'LineString', coordinates: waypoints } : feature.geometry;
  return { type: 'Feature', id: properties.id, properties, geometry };
}

/**
 * Every story feature of every layer in one collection, each with its sources and its `layer`; the article and
 * the link go in foreign members at the top.
 */
export function storyCollectionFor(
  layers: StoryLayerData[],
  about: { title: string; credit: string; url: string },
): FeatureCollection<StoryGeometry, StoryProperties & { layer: string }> & Record<string, unknown> {
  return {
    type: 'FeatureCollection',
    title: about.title,
    credit: about.credit,
    url: about.url,
    features: layers.flatMap((layer) =>
      layer.features.map((f) => {
        const file = fileFeature(f);
        return { ...file, properties: { ...file.properties, layer: layer.id } };
      }),
    ),
  };
}

/** `date`'s day where the reader is (their time zone), as `YYYY-MM-DD`. */
function localDayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The "How to cite" line: the map, the article, the link and the day it was seen (YYYY-MM-DD, the reader's day). */
export function citationFor(lang: Lang, url: string, seen: Date): string {
  const day = localDayOf(seen);
  return `${t(lang, 'export.citation')} ${url} (${t(lang, 'export.accessed')} ${day})`;
}

/** The download's file name: the story's slug, what it is and the day, e.g. `lavrov-pyongyang-map-2026-11-25.png`. */
export function exportFileName(kind: 'map' | 'story', extension: string, day: Date): string {
  return `lavrov-pyongyang-${kind}-${localDayOf(day)}.${extension}`;
}
