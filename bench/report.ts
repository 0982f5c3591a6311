/**
 * Turns the visits into results (summaries, ratios, targets) and the printed table. Pure: no I/O.
 */
import {
  type ByCategory,
  CATEGORIES,
  type MaplibreShare,
  maplibreShareOf,
  type ResourceRecord,
  type Sizes,
  totalsFor,
} from './bytes';
import { type PageId, type PageSpec, PHASES, type PhaseName, type Visit } from './measure';
import { medianOf, ratioOf, type Summary, summaryOf } from './stats';

/** 1 kB = 1000 bytes, the stricter reading of the byte budgets. */
const KB = 1000;

export interface BytesResult {
  /** The visit the bytes are taken from: the one with the median gzip total (bytes barely vary between visits). */
  fromRun: number | null;
  byCategory: ByCategory & { total: Sizes };
  /** Total gzip bytes over every visit, to show they did not vary. */
  totalGzip: Summary | null;
  maplibre: MaplibreShare;
  /** Everything but maplibre-gl's main-thread JS and its worker. */
  notMaplibre: Sizes;
  resources: ResourceRecord[];
}

export interface PageResult {
  id: PageId;
  label: string;
  url: string;
  visits: number;
  readyMs: Summary | null;
  firstPaintMs: Summary | null;
  staticPictureMs: Summary | null;
  /** Over every click of every visit; `null` for a page without popups. */
  clickMs: Summary | null;
  /** Click → popup element in the DOM: the part spent before the frame that paints it. */
  clickToDomMs: Summary | null;
  clicksWithoutPopup: number;
  heapBytes: Summary | null;
  mapSize: { width: number; height: number } | null;
  bytes: BytesResult;
  /** Where the time to ready goes, and the frames after it (MapLibre pages; `null` for Leaflet). */
  breakdown: BreakdownResult | null;
  errors: string[];
  perVisit: Omit<Visit, 'resources' | 'errors'>[];
}

export interface BreakdownResult {
  /** Median ms after navigation start of each phase's end. */
  phases: Record<PhaseName, Summary | null>;
  framesBeforeReady: Summary | null;
  framesAfterStyle: Summary | null;
  /** Every map frame before ready, over all visits: its main-thread cost, ms. */
  frameCostBeforeReady: Summary | null;
  /** The frames before ready of the median visit (by ready), their costs in order, ms. */
  medianVisitFrames: number[];
  longTasks: Summary | null;
  longTaskMs: Summary | null;
  idleFrames: Summary | null;
  animationFps: Summary | null;
  animationFrameCost: Summary | null;
  clickFrames: Summary | null;
  langSwitchMs: Summary | null;
  layerToggleMs: Summary | null;
}

function breakdownFor(visits: readonly Visit[]): BreakdownResult | null {
  const withBreakdown = visits.flatMap((v) => (v.breakdown ? [{ v, b: v.breakdown }] : []));
  if (withBreakdown.length === 0) return null;
  const bs = withBreakdown.map(({ b }) => b);
  const phases = Object.fromEntries(PHASES.map((p) => [p, summaryOf(bs.map((b) => b.phases[p]))])) as Record<
    PhaseName,
    Summary | null
  >;
  const byReady = [...withBreakdown].sort((a, b) => (a.v.readyMs ?? 0) - (b.v.readyMs ?? 0));
  const median = byReady[Math.floor((byReady.length - 1) / 2)];
  const animations = bs.flatMap((b) => (b.animation ? [b.animation] : []));
  return {
    phases,
    framesBeforeReady: summaryOf(bs.map((b) => b.framesBeforeReady.length)),
    framesAfterStyle: summaryOf(bs.map((b) => b.framesAfterStyle)),
    frameCostBeforeReady: summaryOf(bs.flatMap((b) => b.framesBeforeReady.map((f) => f.cost))),
    medianVisitFrames: median?.b.framesBeforeReady.map((f) => f.cost) ?? [],
    longTasks: summaryOf(bs.map((b) => b.longTasks.length)),
    longTaskMs: summaryOf(bs.map((b) => b.longTasks.reduce((sum, t) => sum + t.duration, 0))),
    idleFrames: summaryOf(bs.map((b) => b.idleFrames)),
    animationFps: summaryOf(animations.map((a) => (a.seconds > 0 ? a.frames / a.seconds : null))),
    animationFrameCost: summaryOf(animations.flatMap((a) => a.costs)),
    clickFrames: summaryOf(visits.flatMap((v) => v.clickFrames)),
    langSwitchMs: summaryOf(visits.flatMap((v) => v.langSwitchMs)),
    layerToggleMs: summaryOf(visits.flatMap((v) => v.layerToggleMs)),
  };
}

export interface Target {
  name: string;
  actual: number | null;
  limit: number | null;
  unit: string;
  met: boolean | null;
  /** How the actual value was reached, for the reader. */
  detail: string;
}

export interface Ratios {
  vsBare: Record<string, number | null>;
  vsLeaflet: Record<string, number | null>;
}

function bytesFor(visits: readonly Visit[], reference: Sizes | null): BytesResult {
  const measured = visits.filter((v) => v.resources.length > 0);
  const totals = measured.map((v) => totalsFor(v.resources).total.gzip);
  const median = medianOf(totals);
  // The visit nearest the median, so every category comes from one real first view.
  const chosen = measured
    .map((v, i) => ({ v, d: Math.abs((totals[i] as number) - (median ?? 0)) }))
    .sort((a, b) => a.d - b.d)[0]?.v;
  const resources = chosen?.resources ?? [];
  const byCategory = totalsFor(resources);
  const maplibre = maplibreShareOf(resources, reference);
  return {
    fromRun: chosen?.run ?? null,
    byCategory,
    totalGzip: summaryOf(totals),
    maplibre,
    notMaplibre: {
      raw: byCategory.total.raw - maplibre.js.raw - byCategory.worker.raw,
      gzip: byCategory.total.gzip - maplibre.js.gzip - byCategory.worker.gzip,
    },
    resources,
  };
}

/** The size of the bare page's maplibre chunk(s): the reference for maplibre's share of a mixed chunk. */
export function maplibreReferenceOf(bareVisits: readonly Visit[]): Sizes | null {
  const visit = bareVisits.find((v) => v.resources.some((r) => r.hasMaplibre));
  if (!visit) return null;
  return maplibreShareOf(visit.resources, null).js;
}

export function pageResultFor(spec: PageSpec, visits: readonly Visit[], reference: Sizes | null): PageResult {
  const ok = visits.filter((v) => v.readyMs !== null);
  return {
    id: spec.id,
    label: spec.label,
    url: spec.url,
    visits: ok.length,
    readyMs: summaryOf(ok.map((v) => v.readyMs)),
    firstPaintMs: summaryOf(ok.map((v) => v.firstPaintMs)),
    staticPictureMs: summaryOf(ok.map((v) => v.staticPictureMs)),
    clickMs: spec.popups ? summaryOf(ok.flatMap((v) => v.clickMs)) : null,
    clickToDomMs: spec.popups ? summaryOf(ok.flatMap((v) => v.clickToDomMs)) : null,
    clicksWithoutPopup: visits.reduce((n, v) => n + v.clicksWithoutPopup, 0),
    heapBytes: summaryOf(ok.map((v) => v.heapBytes)),
    mapSize: ok[0]?.mapSize ?? null,
    bytes: bytesFor(ok, spec.id === 'bare' ? null : reference),
    breakdown: breakdownFor(ok),
    errors: [...new Set(visits.flatMap((v) => v.errors))],
    perVisit: visits.map(({ resources: _r, errors: _e, ...rest }) => rest),
  };
}

type Metric = (p: PageResult) => number | null;

/** The metrics that get a row and ratios, each as a function of a page's result. */
export const METRICS: { key: string; label: string; of: Metric }[] = [
  { key: 'readyMs', label: 'ready (ms)', of: (p) => p.readyMs?.median ?? null },
  { key: 'firstPaintMs', label: 'first meaningful paint (ms)', of: (p) => p.firstPaintMs?.median ?? null },
  { key: 'clickMs', label: 'click → popup (ms)', of: (p) => p.clickMs?.median ?? null },
  { key: 'clickToDomMs', label: 'click → popup in DOM (ms)', of: (p) => p.clickToDomMs?.median ?? null },
  { key: 'heapBytes', label: 'JS heap after GC', of: (p) => p.heapBytes?.median ?? null },
  { key: 'gzipTotal', label: 'first view, gzip', of: (p) => p.bytes.byCategory.total.gzip },
  { key: 'rawTotal', label: 'first view, raw', of: (p) => p.bytes.byCategory.total.raw },
  { key: 'gzipNotMaplibre', label: 'not maplibre-gl, gzip', of: (p) => p.bytes.notMaplibre.gzip },
];

export function ratiosFor(app: PageResult, bare: PageResult, leaflet: PageResult): Ratios {
  const vsBare: Record<string, number | null> = {};
  const vsLeaflet: Record<string, number | null> = {};
  for (const m of METRICS) {
    vsBare[m.key] = ratioOf(m.of(app), m.of(bare));
    vsLeaflet[m.key] = ratioOf(m.of(app), m.of(leaflet));
  }
  return { vsBare, vsLeaflet };
}

const atMost = (actual: number | null, limit: number | null) =>
  actual === null || limit === null ? null : actual <= limit;

/** The issue's targets, each met, missed or not measurable (`null`). */
export function targetsFor(app: PageResult, bare: PageResult, leaflet: PageResult): Target[] {
  const readyRatio = ratioOf(app.readyMs?.median, bare.readyMs?.median);
  const paintLimit = leaflet.firstPaintMs?.median ?? null;
  const click = app.clickMs?.median ?? null;
  const total = app.bytes.byCategory.total.gzip;
  const rest = app.bytes.notMaplibre.gzip;
  return [
    {
      name: 'ready ≤ 2.0 × bare MapLibre',
      actual: readyRatio,
      limit: 2,
      unit: '×',
      met: atMost(readyRatio, 2),
      detail: `${ms(app.readyMs?.median)} vs ${ms(bare.readyMs?.median)}`,
    },
    {
      name: 'ready ≤ 1.25 × bare (the goal)',
      actual: readyRatio,
      limit: 1.25,
      unit: '×',
      met: atMost(readyRatio, 1.25),
      detail: `${ms(app.readyMs?.median)} vs ${ms(bare.readyMs?.median)}`,
    },
    {
      name: 'first meaningful paint ≤ Leaflet',
      actual: app.firstPaintMs?.median ?? null,
      limit: paintLimit,
      unit: 'ms',
      met: atMost(app.firstPaintMs?.median ?? null, paintLimit),
      detail: app.staticPictureMs ? 'app: static picture or map, whichever first' : 'app: map ready',
    },
    {
      name: 'click → popup ≤ 50 ms (median)',
      actual: click,
      limit: 50,
      unit: 'ms',
      met: atMost(click, 50),
      detail: `${app.clickMs?.n ?? 0} clicks${app.clicksWithoutPopup ? `, ${app.clicksWithoutPopup} without popup` : ''}`,
    },
    {
      name: 'first view ≤ 600 kB gzip',
      actual: total / KB,
      limit: 600,
      unit: 'kB',
      met: atMost(total / KB, 600),
      detail: 'responses to requests sent before ready',
    },
    {
      name: 'not maplibre-gl ≤ 150 kB gzip',
      actual: rest / KB,
      limit: 150,
      unit: 'kB',
      met: atMost(rest / KB, 150),
      detail:
        app.bytes.maplibre.method === 'estimated'
          ? 'maplibre-gl shares a chunk with app code: its part estimated from the bare page'
          : 'minus maplibre-gl chunk(s) and worker',
    },
  ];
}

// Formatting for the table.

function ms(v: number | null | undefined): string {
  return typeof v === 'number' ? `${Math.round(v)} ms` : 'n/a';
}

function num(v: number, digits = 0): string {
  return v.toFixed(digits);
}

function summaryCell(s: Summary | null, scale = 1, digits = 0): string {
  if (!s) return 'n/a';
  return `${num(s.median / scale, digits)} (${num(s.min / scale, digits)}–${num(s.max / scale, digits)})`;
}

function sizesCell(s: Sizes): string {
  if (s.raw === 0) return '–';
  return `${num(s.gzip / KB, 1)} / ${num(s.raw / KB, 1)}`;
}

function ratioCell(r: number | null | undefined): string {
  return typeof r === 'number' ? `${r.toFixed(2)}×` : 'n/a';
}

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
}

/** The printed table: one column per page, the two ratio columns, then the targets. */
export function formatTable(
  pages: { app: PageResult; bare: PageResult; leaflet: PageResult },
  ratios: Ratios,
  targets: Target[],
) {
  const { app, bare, leaflet } = pages;
  const all = [app, bare, leaflet];
  const widths = [34, 22, 22, 22, 9, 11];
  const lines: string[] = [];
  lines.push(row(['', app.label, bare.label, leaflet.label, 'app÷bare', 'app÷Leaflet'], widths));
  lines.push(row(['timings: median (min–max)', '', '', '', '', ''], widths));
  const timed: [string, string, (p: PageResult) => string][] = [
    ['ready (ms)', 'readyMs', (p) => summaryCell(p.readyMs)],
    ['first meaningful paint (ms)', 'firstPaintMs', (p) => summaryCell(p.firstPaintMs)],
    ['click → popup (ms)', 'clickMs', (p) => summaryCell(p.clickMs, 1, 1)],
    ['  of which until in DOM (ms)', 'clickToDomMs', (p) => summaryCell(p.clickToDomMs, 1, 1)],
    ['JS heap after GC (MB)', 'heapBytes', (p) => summaryCell(p.heapBytes, 1e6, 1)],
  ];
  for (const [label, key, cell] of timed) {
    lines.push(
      row([`  ${label}`, ...all.map(cell), ratioCell(ratios.vsBare[key]), ratioCell(ratios.vsLeaflet[key])], widths),
    );
  }
  lines.push(
    row(['  runs (clicks)', ...all.map((p) => `${p.visits}${p.clickMs ? ` (${p.clickMs.n})` : ''}`), '', ''], widths),
  );
  lines.push(row(['first view: gzip / raw (kB)', '', '', '', '', ''], widths));
  for (const c of CATEGORIES) {
    if (all.every((p) => p.bytes.byCategory[c].raw === 0)) continue;
    const ratio = (p: PageResult) => ratioOf(app.bytes.byCategory[c].gzip, p.bytes.byCategory[c].gzip);
    lines.push(
      row(
        [
          `  ${c}`,
          ...all.map((p) => sizesCell(p.bytes.byCategory[c])),
          ratioCell(ratio(bare)),
          ratioCell(ratio(leaflet)),
        ],
        widths,
      ),
    );
  }
  lines.push(
    row(
      [
        '  total',
        ...all.map((p) => sizesCell(p.bytes.byCategory.total)),
        ratioCell(ratios.vsBare.gzipTotal),
        ratioCell(ratios.vsLeaflet.gzipTotal),
      ],
      widths,
    ),
  );
  lines.push(
    row(
      [
        '  of which not maplibre-gl',
        ...all.map((p) => sizesCell(p.bytes.notMaplibre)),
        ratioCell(ratios.vsBare.gzipNotMaplibre),
        ratioCell(ratios.vsLeaflet.gzipNotMaplibre),
      ],
      widths,
    ),
  );
  lines.push('');
  const tw = [34, 12, 10, 8];
  lines.push(`${row(['target', 'app', 'limit', 'result'], tw)}  how`);
  for (const t of targets) {
    const value = (v: number | null) =>
      v === null ? 'n/a' : `${t.unit === '×' ? v.toFixed(2) : v.toFixed(t.unit === 'kB' ? 1 : 0)} ${t.unit}`;
    const result = t.met === null ? 'n/a' : t.met ? 'met' : 'MISSED';
    const by =
      t.met === false && t.actual !== null && t.limit !== null
        ? ` (over by ${value(t.actual - t.limit)}, ${(((t.actual - t.limit) / t.limit) * 100).toFixed(0)}%)`
        : '';
    lines.push(`${row([t.name, value(t.actual), value(t.limit), result], tw)}  ${t.detail}${by}`);
  }
  return lines.join('\n');
}

const PHASE_LABELS: Record<PhaseName, string> = {
  html: 'HTML (response end)',
  data: 'story data loaded',
  runtime: 'map code (runtime) loaded',
  mapCreated: 'map created',
  styleLoaded: 'style loaded',
  ready: 'ready',
};

/**
 * The breakdown table: where each MapLibre page's time to ready goes (phase ends, ms after navigation start), its
 * frames and long tasks before ready, its frames after ready, and the UI inputs' time to the next map frame.
 */
export function formatBreakdown(pages: readonly PageResult[]): string {
  const shown = pages.filter((p) => p.breakdown);
  const widths = [40, ...shown.map(() => 24)];
  const lines: string[] = [row(['breakdown: median (min–max)', ...shown.map((p) => p.label)], widths)];
  const line = (label: string, cell: (b: BreakdownResult) => string) =>
    lines.push(row([`  ${label}`, ...shown.map((p) => cell(p.breakdown as BreakdownResult))], widths));
  for (const phase of PHASES) line(`${PHASE_LABELS[phase]} (ms)`, (b) => summaryCell(b.phases[phase]));
  line('map frames before ready', (b) => summaryCell(b.framesBeforeReady));
  line('  of which after style loaded', (b) => summaryCell(b.framesAfterStyle));
  line('  cost of one (ms)', (b) => summaryCell(b.frameCostBeforeReady));
  line('  median run, each (ms)', (b) => b.medianVisitFrames.map((c) => Math.round(c)).join(' ') || '–');
  line('long tasks before ready', (b) => summaryCell(b.longTasks));
  line('  their total (ms)', (b) => summaryCell(b.longTaskMs));
  line('map frames in 2 s idle after ready', (b) => summaryCell(b.idleFrames));
  line('playing: map frames per second', (b) => summaryCell(b.animationFps, 1, 1));
  line('playing: cost of a frame (ms)', (b) => summaryCell(b.animationFrameCost));
  line('click → popup: map frames', (b) => summaryCell(b.clickFrames));
  line('language uk → en → next frame (ms)', (b) => summaryCell(b.langSwitchMs));
  line('layer toggle → next frame (ms)', (b) => summaryCell(b.layerToggleMs));
  return lines.join('\n');
}
