/**
 * `npm run bench`: after `npm run build`, builds the reference pages (bench/vite.config.ts), serves the app and
 * them with `vite preview`, visits app, bare MapLibre and the Leaflet peer in turn (A B C A B C …, each visit in
 * a fresh browser context), prints the table and writes bench/results/latest.json.
 *
 * Options: --runs N (measured visits per page, default 5), --clicks N (popup clicks per page in all,
 * default 25), --warmup N (unmeasured rounds first, default 1), --compare DIR (another build of the app, e.g. an
 * older commit's, measured in the same rounds as a fourth page, "before"), --lighthouse N (Lighthouse runs per page
 * after the visits, the three pages in turn and served gzipped, default 2; 0 leaves Lighthouse out).
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { FeatureCollection } from 'geojson';
import type { Browser } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { launchBrowser } from '../tests/e2e/browser';
import { clickTargetsFor } from './click-targets';
import {
  formatLighthouse,
  type LighthouseMedians,
  type LighthouseRun,
  lighthouseMedians,
  lighthouseRun,
  serveGzipped,
} from './lighthouse';
import { type PageId, type PageSpec, type Visit, visitPage } from './measure';
import { formatBreakdown, formatTable, maplibreReferenceOf, pageResultFor, ratiosFor, targetsFor } from './report';
import { medianOf } from './stats';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH_CONFIG = fileURLToPath(new URL('./vite.config.ts', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/latest.json', import.meta.url));
const VIEWPORT = { width: 1280, height: 800 };
const TIMEOUT_MS = 90_000;

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || (name !== 'warmup' && name !== 'lighthouse' && n < 1))
    throw new Error(`--${name} wants a whole number, got ${value}`);
  return n;
}

function optionsFrom(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string' },
      clicks: { type: 'string' },
      warmup: { type: 'string' },
      compare: { type: 'string' },
      lighthouse: { type: 'string' },
    },
  });
  if (values.compare !== undefined && !existsSync(join(values.compare, 'index.html')))
    throw new Error(`--compare wants a built app folder (with index.html), got ${values.compare}`);
  return {
    compare: values.compare,
    runs: positiveInt('runs', values.runs, 5),
    clicks: positiveInt('clicks', values.clicks, 25),
    warmup: positiveInt('warmup', values.warmup, 1),
    lighthouse: positiveInt('lighthouse', values.lighthouse, 2),
  };
}

function urlOf(server: PreviewServer): string {
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return url;
}

function versionOf(pkg: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return null;
  }
}

function gitState(): { commit: string | null; dirty: boolean | null } {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return { commit, dirty };
  } catch {
    return { commit: null, dirty: null };
  }
}

function storyCollections(): FeatureCollection[] {
  const dir = join(ROOT, 'geo');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.geojson'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as FeatureCollection);
}

async function main(): Promise<void> {
  const started = Date.now();
  const options = optionsFrom(process.argv.slice(2));
  const appDist = join(ROOT, 'dist');
  if (!existsSync(join(appDist, 'index.html')))
    throw new Error('dist/index.html is missing: run `npm run bench` (it builds the app first)');

  // Serve a copy of what `npm run build` just wrote, so a rebuild elsewhere cannot change it mid-run.
  const snapshot = mkdtempSync(join(os.tmpdir(), 'story-map-bench-'));
  cpSync(appDist, snapshot, { recursive: true });
  const compareSnapshot = options.compare ? mkdtempSync(join(os.tmpdir(), 'story-map-bench-before-')) : undefined;
  if (options.compare && compareSnapshot) cpSync(options.compare, compareSnapshot, { recursive: true });
  console.log('Building the reference pages (bench/vite.config.ts)…');
  await build({ configFile: BENCH_CONFIG, logLevel: 'warn' });

  const servers: PreviewServer[] = [];
  let browser: Browser | undefined;
  try {
    const appServer = await preview({
      root: ROOT,
      build: { outDir: snapshot },
      preview: { host: '127.0.0.1', port: 0, strictPort: false },
      logLevel: 'warn',
    });
    servers.push(appServer);
    const benchServer = await preview({
      configFile: BENCH_CONFIG,
      preview: { host: '127.0.0.1', port: 0, strictPort: false },
      logLevel: 'warn',
    });
    servers.push(benchServer);
    const beforeServer = compareSnapshot
      ? await preview({
          root: ROOT,
          build: { outDir: compareSnapshot },
          preview: { host: '127.0.0.1', port: 0, strictPort: false },
          logLevel: 'warn',
        })
      : undefined;
    if (beforeServer) servers.push(beforeServer);

    const specs: Record<PageId, PageSpec> = {
      app: { id: 'app', label: 'app', url: urlOf(appServer), popups: 'maplibre' },
      bare: { id: 'bare', label: 'bare MapLibre', url: `${urlOf(benchServer)}bare.html`, popups: null },
      leaflet: { id: 'leaflet', label: 'Leaflet', url: `${urlOf(benchServer)}leaflet.html`, popups: 'leaflet' },
      before: {
        id: 'before',
        label: 'before (--compare)',
        url: beforeServer ? urlOf(beforeServer) : '',
        popups: 'maplibre',
      },
    };
    const order: PageId[] = beforeServer ? ['app', 'bare', 'leaflet', 'before'] : ['app', 'bare', 'leaflet'];
    const targets = clickTargetsFor(storyCollections());
    const clicksPerVisit = Math.ceil(options.clicks / options.runs);

    browser = await launchBrowser();
    const visits: Record<PageId, Visit[]> = { app: [], bare: [], leaflet: [], before: [] };
    let mapSize: Visit['mapSize'] = null;
    const total = options.warmup + options.runs;
    for (let round = 0; round < total; round++) {
      const measured = round >= options.warmup;
      const run = round - options.warmup + 1;
      for (const id of order) {
        const visit = await visitPage(browser, specs[id], {
          run,
          viewport: VIEWPORT,
          mapSize,
          targets,
          clicks: measured ? clicksPerVisit : 1,
          firstTarget: (run - 1) * clicksPerVisit,
          timeoutMs: TIMEOUT_MS,
        });
        if (id === 'app' && visit.mapSize) mapSize = visit.mapSize;
        const tag = measured ? `run ${run}/${options.runs}` : `warm-up ${round + 1}/${options.warmup}`;
        const clickNote = visit.clickMs.length
          ? `, click → popup median ${(medianOf(visit.clickMs) ?? 0).toFixed(1)} ms`
          : '';
        const status =
          visit.readyMs === null ? `FAILED ${visit.errors.at(-1) ?? ''}` : `ready ${Math.round(visit.readyMs)} ms`;
        console.log(`  ${tag} ${specs[id].label.padEnd(13)} ${status}${clickNote}`);
        if (measured) visits[id].push(visit);
      }
    }
    const chromiumVersion = browser.version();
    await browser.close();
    browser = undefined;

    // Lighthouse: each page served gzipped, the three in turn, one Chromium per run.
    const lighthouseResults: Record<string, LighthouseMedians> = {};
    if (options.lighthouse > 0) {
      const appGz = await serveGzipped(snapshot);
      const benchGz = await serveGzipped(join(ROOT, 'bench', 'dist'));
      try {
        const pages: [string, string][] = [
          ['app', appGz.url],
          ['bare MapLibre', `${benchGz.url}bare.html`],
          ['Leaflet', `${benchGz.url}leaflet.html`],
        ];
        const runs: Record<string, LighthouseRun[]> = {};
        for (let round = 1; round <= options.lighthouse; round++) {
          for (const [label, url] of pages) {
            const run = await lighthouseRun(url);
            runs[label] = [...(runs[label] ?? []), run];
            console.log(
              `  Lighthouse ${round}/${options.lighthouse} ${label.padEnd(13)} score ${run.score}, FCP ${Math.round(run.fcpMs)} ms, LCP ${Math.round(run.lcpMs)} ms, TBT ${Math.round(run.tbtMs)} ms`,
            );
          }
        }
        for (const [label, list] of Object.entries(runs)) lighthouseResults[label] = lighthouseMedians(list);
      } finally {
        await appGz.close();
        await benchGz.close();
      }
    }

    const reference = maplibreReferenceOf(visits.bare);
    const app = pageResultFor(specs.app, visits.app, reference);
    const bare = pageResultFor(specs.bare, visits.bare, reference);
    const leaflet = pageResultFor(specs.leaflet, visits.leaflet, reference);
    const before = beforeServer ? pageResultFor(specs.before, visits.before, reference) : undefined;
    const ratios = ratiosFor(app, bare, leaflet);
    const targetResults = targetsFor(app, bare, leaflet);

    const cpus = os.cpus();
    const machine = {
      cpuModel: cpus[0]?.model ?? 'unknown',
      cores: cpus.length,
      memoryBytes: os.totalmem(),
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      node: process.version,
      chromium: chromiumVersion,
      date: new Date().toISOString(),
    };
    const result = {
      machine,
      config: {
        runs: options.runs,
        warmup: options.warmup,
        clicksPerVisit,
        viewport: VIEWPORT,
        order: 'app, bare, leaflet, repeated; each visit in a fresh browser context',
        kB: 1000,
        gzip: 'zlib.gzipSync, default level 6, of each response body (the preview server does not compress)',
        versions: { maplibre: versionOf('maplibre-gl'), leaflet: versionOf('leaflet'), vite: versionOf('vite') },
        git: gitState(),
      },
      pages: { app, bare, leaflet, ...(before ? { before } : {}) },
      compare: options.compare ?? null,
      ratios: { appOverBare: ratios.vsBare, appOverLeaflet: ratios.vsLeaflet },
      targets: targetResults,
      lighthouse: lighthouseResults,
      elapsedSeconds: Math.round((Date.now() - started) / 1000),
    };

    mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
    writeFileSync(`${RESULTS}.tmp`, `${JSON.stringify(result, null, 2)}\n`);
    renameSync(`${RESULTS}.tmp`, RESULTS);

    console.log('');
    console.log(
      `${machine.cpuModel}, ${machine.cores} cores, ${(machine.memoryBytes / 2 ** 30).toFixed(0)} GiB; node ${machine.node}; ` +
        `Chromium ${machine.chromium} (SwiftShader WebGL); ${machine.date}`,
    );
    console.log(
      `${options.runs} runs per page after ${options.warmup} warm-up round(s), map ${mapSize?.width ?? '?'}×${mapSize?.height ?? '?'} px`,
    );
    console.log('');
    console.log(formatTable({ app, bare, leaflet }, ratios, targetResults));
    console.log('');
    console.log(formatBreakdown([app, bare, ...(before ? [before] : [])]));
    console.log('');
    if (Object.keys(lighthouseResults).length > 0) {
      console.log(formatLighthouse(lighthouseResults));
      console.log('');
    }
    for (const page of [app, bare, leaflet, ...(before ? [before] : [])]) {
      for (const e of page.errors) console.log(`${page.label}: ${e}`);
    }
    console.log(`Wrote ${RESULTS} (${result.elapsedSeconds} s)`);
    if ([app, bare, leaflet, ...(before ? [before] : [])].some((p) => p.visits === 0)) process.exitCode = 1;
  } finally {
    await browser?.close();
    for (const server of servers) await server.close();
    rmSync(snapshot, { recursive: true, force: true });
    if (compareSnapshot) rmSync(compareSnapshot, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
