/**
 * Lighthouse in the benchmark (#28): the app, bare MapLibre and the Leaflet peer, in the same rounds (A B C A B C …),
 * each page served gzipped as a CDN would, with Lighthouse's mobile defaults (simulated slow 4G, 4× slower CPU).
 * Lighthouse 12.2.3: 13 needs Node 22. Reported: the performance score, FCP, LCP, TBT, CLS and the main thread's
 * work by kind.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../tests/e2e/browser';
import { CONTENT_TYPES as TYPES } from '../tests/e2e/content-types';
import { medianOf } from './stats';

/** Already compressed: sent as they are. */
const BINARY = new Set(['.png', '.woff2']);

/** Serves `dir` on a free loopback port, gzipping text as a CDN would. */
export async function serveGzipped(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(normalize(dir))) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    const ext = extname(file);
    const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream' };
    const stream = createReadStream(file);
    if (BINARY.has(ext)) {
      response.writeHead(200, headers);
      stream.pipe(response);
    } else {
      response.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      stream.pipe(createGzip()).pipe(response);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface LighthouseRun {
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Main-thread time by kind (Lighthouse's groups: script evaluation, style and layout, …), ms. */
  mainThread: Record<string, number>;
}

/** One Lighthouse run of `url` (mobile, simulated throttling) in a Chromium of its own. */
export async function lighthouseRun(url: string): Promise<LighthouseRun> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
      '--ignore-gpu-blocklist',
    ],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error' });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const items =
      (lhr.audits['mainthread-work-breakdown']?.details as { items?: { groupLabel: string; duration: number }[] })
        ?.items ?? [];
    return {
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      fcpMs: value('first-contentful-paint'),
      lcpMs: value('largest-contentful-paint'),
      tbtMs: value('total-blocking-time'),
      cls: value('cumulative-layout-shift'),
      mainThread: Object.fromEntries(items.map((i) => [i.groupLabel, Math.round(i.duration)])),
    };
  } finally {
    chrome.kill();
  }
}

/** The medians of a page's runs. */
export function lighthouseMedians(runs: readonly LighthouseRun[]) {
  const median = (pick: (r: LighthouseRun) => number) => medianOf(runs.map(pick)) ?? Number.NaN;
  const kinds = [...new Set(runs.flatMap((r) => Object.keys(r.mainThread)))];
  return {
    runs: runs.length,
    score: median((r) => r.score),
    fcpMs: median((r) => r.fcpMs),
    lcpMs: median((r) => r.lcpMs),
    tbtMs: median((r) => r.tbtMs),
    cls: median((r) => r.cls),
    mainThread: Object.fromEntries(kinds.map((k) => [k, median((r) => r.mainThread[k] ?? 0)])),
  };
}

export type LighthouseMedians = ReturnType<typeof lighthouseMedians>;

/** The pages side by side, with the targets: FCP ≤ 1.8 s, LCP ≤ 2.5 s, CLS ≤ 0.1, score ≥ bare MapLibre's. */
export function formatLighthouse(pages: Record<string, LighthouseMedians>): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const rows = [
    ['', ...Object.keys(pages)],
    ['performance score', ...Object.values(pages).map((p) => String(p.score))],
    ['first contentful paint', ...Object.values(pages).map((p) => s(p.fcpMs))],
    ['largest contentful paint', ...Object.values(pages).map((p) => s(p.lcpMs))],
    ['total blocking time', ...Object.values(pages).map((p) => s(p.tbtMs))],
    ['cumulative layout shift', ...Object.values(pages).map((p) => p.cls.toFixed(3))],
  ];
  const kinds = [...new Set(Object.values(pages).flatMap((p) => Object.keys(p.mainThread)))];
  for (const kind of kinds) {
    rows.push([`  main thread: ${kind}`, ...Object.values(pages).map((p) => s(p.mainThread[kind] ?? 0))]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '),
  );
  const app = pages.app;
  const bare = pages['bare MapLibre'];
  if (app) {
    lines.push('');
    lines.push(
      `targets: FCP ≤ 1.8 s ${app.fcpMs <= 1800 ? 'met' : 'missed'}, LCP ≤ 2.5 s ${app.lcpMs <= 2500 ? 'met' : 'missed'}, ` +
        `CLS ≤ 0.1 ${app.cls <= 0.1 ? 'met' : 'missed'}` +
        (bare ? `, score ≥ bare MapLibre's (${bare.score}) ${app.score >= bare.score ? 'met' : 'missed'}` : ''),
    );
  }
  return `Lighthouse ${'12.2.3'}, mobile (simulated slow 4G, 4× CPU), medians\n${lines.join('\n')}`;
}
