/**
 * Issue: performance. The first view's byte budget, enforced on the built app (bytes are deterministic;
 * timings are not, so they live in `npm run bench`). Sizes are gzip, 1 kB = 1000 bytes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { Response } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { describe, expect, inject, it } from 'vitest';
import { sharedBrowser, waitForMap } from './browser';

// What readers download: the production build, not the test build with its hook.
const baseUrl = inject('productionBaseUrl');
const TOTAL_BUDGET = 600_000;
const NOT_MAPLIBRE_BUDGET = 150_000;

const shared = sharedBrowser();

/** maplibre-gl's own files: its JS chunk, its worker and its stylesheet (named so by the build). */
const isMaplibre = (url: string) => /\/maplibre-gl[-.][^/]*$/.test(new URL(url).pathname);

describe('the first view', () => {
  it(`stays within ${TOTAL_BUDGET / 1000} kB gzip, of which at most ${NOT_MAPLIBRE_BUDGET / 1000} kB is not maplibre-gl`, async () => {
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const responses: Promise<{ url: string; gzip: number; askedAt: number }>[] = [];
    let ready = false;
    page.on('response', (response: Response) => {
      if (ready || !response.url().startsWith(baseUrl)) return;
      // When the request was made, in ms since the epoch (Playwright's timing), to compare with the ready mark.
      const askedAt = response.request().timing().startTime;
      responses.push(response.body().then((body) => ({ url: response.url(), gzip: gzipSync(body).length, askedAt })));
    });
    await page.goto(baseUrl);
    await waitForMap(page);
    ready = true;
    // The first view is what the page asked for before the map was ready (its worker's requests included); what it
    // asks for after (the timeline, Ukraine's outline) is not part of it, however fast it arrives.
    const readyAt = await page.evaluate(
      () => performance.timeOrigin + (performance.getEntriesByName('story-map:ready')[0]?.startTime ?? Number.NaN),
    );
    expect(readyAt, 'the app marks the moment it is ready').not.toBeNaN();
    const files = (await Promise.all(responses)).filter((f) => f.askedAt <= readyAt);
    const total = files.reduce((sum, f) => sum + f.gzip, 0);
    const maplibre = files.filter((f) => isMaplibre(f.url)).reduce((sum, f) => sum + f.gzip, 0);
    const report = files
      .map((f) => `${(f.gzip / 1000).toFixed(1).padStart(7)} kB  ${new URL(f.url).pathname}`)
      .join('\n');
    console.log(
      `first view, gzip:\n${report}\ntotal ${(total / 1000).toFixed(1)} kB, not maplibre-gl ${((total - maplibre) / 1000).toFixed(1)} kB`,
    );
    expect(maplibre, 'maplibre-gl is in chunks of its own').toBeGreaterThan(200_000);
    expect(total).toBeLessThanOrEqual(TOTAL_BUDGET);
    expect(total - maplibre).toBeLessThanOrEqual(NOT_MAPLIBRE_BUDGET);
    await context.close();
  });
});

/** The names imported from '@turf/turf' anywhere under src/ (`import { along, bbox } from '@turf/turf'`). */
function turfImportsOfSrc(): string[] {
  const root = new URL('../../src/', import.meta.url);
  const names = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.tsx?$/.test(path))
    .flatMap((path) => {
      const code = readFileSync(new URL(path, root), 'utf8');
      return [...code.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@turf\/turf'/g)].flatMap(([, list = '']) =>
        list.split(',').map(
          (name) =>
            name
              .trim()
              .replace(/^type\s+/, '')
              .split(/\s+as\s+/)[0] ?? '',
        ),
      );
    });
  return [...new Set(names.filter(Boolean))];
}

/** Turf's package of a function (`pointToPolygonDistance` → `@turf/point-to-polygon-distance`) and the Turf packages it needs. */
function turfPackagesFor(names: string[]): Set<string> {
  const require = createRequire(import.meta.url);
  const found = new Set<string>();
  const visit = (pkg: string) => {
    if (found.has(pkg)) return;
    found.add(pkg);
    const json = JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8'));
    for (const dep of Object.keys(json.dependencies ?? {})) if (dep.startsWith('@turf/')) visit(dep);
  };
  for (const name of names) visit(`@turf/${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
  return found;
}

describe('the bundle', () => {
  it('carries only the Turf functions src/ imports by name, and what they need', async () => {
    const output = (await build({ logLevel: 'silent', build: { write: false } })) as Rolldown.RolldownOutput;
    const bundled = new Set(
      output.output.flatMap((file) =>
        file.type === 'chunk'
          ? Object.entries(file.modules)
              .filter(([, module]) => module.renderedLength > 0)
              .flatMap(([id]) => /node_modules[\\/](@turf[\\/][^\\/]+)/.exec(id)?.[1]?.replace('\\', '/') ?? [])
          : [],
      ),
    );
    const allowed = turfPackagesFor(turfImportsOfSrc());
    console.log(`Turf in the bundle: ${[...bundled].sort().join(', ')}`);
    expect(bundled, 'the check sees Turf in the bundle at all').toContain('@turf/along');
    expect([...bundled].filter((pkg) => !allowed.has(pkg))).toEqual([]);
  }, 120_000);
});
