/**
 * Where to click to open each story feature's popup: a point's own position, or the vertex in the middle of a
 * line (vertices lie on the drawn line whatever the renderer does between them). Pure.
 */
import type { FeatureCollection, Position } from 'geojson';
import type { ClickTarget } from './measure';

function middleOf(line: Position[]): Position | undefined {
  return line[Math.floor(line.length / 2)];
}

/** One click target per story feature that has an `id` and a point or line geometry. */
export function clickTargetsFor(collections: readonly FeatureCollection[]): ClickTarget[] {
  const targets: ClickTarget[] = [];
  for (const collection of collections) {
    for (const feature of collection.features) {
      const id = String(feature.properties?.id ?? feature.id ?? '');
      const g = feature.geometry;
      let at: Position | undefined;
      if (g?.type === 'Point') at = g.coordinates;
      else if (g?.type === 'LineString') at = middleOf(g.coordinates);
      else if (g?.type === 'MultiLineString') {
        const longest = [...g.coordinates].sort((a, b) => b.length - a.length)[0];
        at = longest && middleOf(longest);
      }
      if (id && at) targets.push({ id, lng: at[0] as number, lat: at[1] as number });
    }
  }
  return targets;
}
