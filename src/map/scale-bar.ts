/**
 * A metric scale bar whose unit names follow the reader's language. MapLibre's ScaleControl reads its unit names
 * from the map's UI strings on every move, and MapLibre 6 lets those strings be set only when the map is made (its
 * `locale` option); this control takes them as arguments and can be given new ones. It measures as MapLibre's does,
 * across the middle of the map, and keeps MapLibre's class names, so maplibre-gl.css draws it.
 */
import type { IControl, Map as MapLibreMap } from 'maplibre-gl';

export interface ScaleUnits {
  /** The abbreviation for metres, e.g. "м". */
  m: string;
  /** The abbreviation for kilometres, e.g. "км". */
  km: string;
}

/** The longest round distance (1, 2, 3 or 5 × 10ⁿ metres) not longer than `maxMeters`, and its share of it (0–1]. */
export function roundScale(maxMeters: number): { meters: number; ratio: number } {
  const power = 10 ** Math.floor(Math.log10(maxMeters));
  const leading = maxMeters / power;
  const step = leading >= 5 ? 5 : leading >= 3 ? 3 : leading >= 2 ? 2 : 1;
  const meters = step * power;
  return { meters, ratio: meters / maxMeters };
}

/** The bar's label: metres below 1 km, else kilometres ("500 м", "2 км"). */
export function scaleLabel(meters: number, units: ScaleUnits): string {
  return meters >= 1000 ? `${meters / 1000} ${units.km}` : `${meters} ${units.m}`;
}

export class ScaleBar implements IControl {
  private map: MapLibreMap | undefined;
  private readonly container = document.createElement('div');

  constructor(
    private units: ScaleUnits,
    private readonly maxWidth = 100,
  ) {
    this.container.className = 'maplibregl-ctrl maplibregl-ctrl-scale';
  }

  onAdd(map: MapLibreMap): HTMLElement {
    this.map = map;
    map.on('move', this.update);
    this.update();
    return this.container;
  }

  onRemove(): void {
    this.map?.off('move', this.update);
    this.container.remove();
    this.map = undefined;
  }

  /** Writes the bar again with other unit names (a language switch). */
  setUnits(units: ScaleUnits): void {
    this.units = units;
    this.update();
  }

  private readonly update = (): void => {
    const map = this.map;
    if (!map) return;
    const canvas = map.getCanvasContainer();
    const x = canvas.clientWidth / 2;
    const y = canvas.clientHeight / 2;
    const width = Math.min(this.maxWidth, canvas.clientWidth);
    const left = map.unproject([x - width / 2, y]);
    const right = map.unproject([x + width / 2, y]);
    const maxMeters = left.distanceTo(right);
    if (!(maxMeters > 0)) return;
    const { meters, ratio } = roundScale(maxMeters);
    this.container.style.width = `${width * ratio}px`;
    this.container.textContent = scaleLabel(meters, this.units);
  };
}
