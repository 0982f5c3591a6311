/**
 * Issue #26 item 2: a release never mixes versions. The test build is served from a folder as release v1; a reader
 * visits it and the service worker installs. The folder is then replaced by v2, whose v1 assets are gone (v2 is v1
 * with every asset renamed, as a new build's hashes would be). The reader comes back: the page, the time control,
 * the article and Download all work, with no failed chunk; and the visit after that is v2.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { screenshot, sharedBrowser, waitForMap } from './browser';
import { CONTENT_TYPES as TYPES } from './content-types';

const SITE = 'test-results/releases-site';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Writes release `version` of the test build into SITE: v1 as built, v2 with every asset renamed. */
function publish(version: 'v1' | 'v2') {
  rmSync(SITE, { recursive: true, force: true });
  cpSync('dist-e2e', SITE, { recursive: true });
  const assets = readdirSync(join(SITE, 'assets'));
  const renamed = new Map(
    assets.map((name) => [name, version === 'v1' ? name : name.replace(/(\.[a-z0-9]+)$/, `${version}$1`)]),
  );
  for (const [from, to] of renamed) renameSync(join(SITE, 'assets', from), join(SITE, 'assets', to));
  for (const path of filesUnder(SITE)) {
    if (!/\.(html|js|mjs|css)$/.test(path)) continue;
    let text = readFileSync(path, 'utf8');
    for (const [from, to] of renamed) if (from !== to) text = text.replaceAll(from, to);
    if (path.endsWith('index.html')) text = text.replace('<head>', `<head><meta name="release" content="${version}">`);
    // The precache knows index.html by its revision: a new release's page has a new one.
    // (sw.js is minified in a production build: `{url:"index.html",revision:"…"}`.)
    if (path.endsWith('sw.js')) {
      const revised = text.replace(/("?url"?:\s*"index.html",\s*"?revision"?:\s*")[^"]+"/, `$1${version}"`);
      if (version !== 'v1' && revised === text) throw new Error(`no revision of index.html in ${path}`);
      text = revised;
    }
    writeFileSync(path, text);
  }
}

/** Serves SITE as it is at each request, so replacing the folder is a new release; records every 404. */
async function serveSite(): Promise<{ url: string; missing: string[]; server: Server }> {
  const missing: string[] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    const file = join(SITE, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = readFileSync(file);
      response.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
      response.setHeader('Cache-Control', 'no-cache');
      response.end(body);
    } catch {
      missing.push(path);
      response.statusCode = 404;
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, missing, server };
}

const shared = sharedBrowser();
let server: Server | undefined;
afterAll(() => {
  server?.close();
  rmSync(SITE, { recursive: true, force: true });
});

const releaseOf = (page: Page) => page.locator('meta[name="release"]').getAttribute('content');

describe('a new release while the reader has the map open (#26 item 2)', () => {
  it('the old page keeps working on its release, and the next visit gets the new one', {
    timeout: 240_000,
  }, async () => {
    mkdirSync('test-results', { recursive: true });
    publish('v1');
    const site = await serveSite();
    server = site.server;
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    const failed: string[] = [];
    context.on('page', (p) => {
      p.on('pageerror', (e) => errors.push(e.message));
      p.on('requestfailed', (r) => failed.push(r.url()));
      p.on('response', (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
    });

    // First visit: the worker installs and precaches release v1.
    const first = await context.newPage();
    await first.goto(site.url);
    await waitForMap(first);
    await first.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await first.close();

    // The release is replaced; the reader comes back.
    publish('v2');
    const page = await context.newPage();
    await page.goto(site.url);
    expect(await releaseOf(page)).toBe('v1');
    await page.evaluate(() => {
      (window as unknown as { v1: ServiceWorker | null }).v1 = navigator.serviceWorker.controller;
    });
    await waitForMap(page);
    // The page registers the worker once ready, which finds v2 and installs it: wait until it is installed (waiting)
    // or, as it did before #26, has taken over.
    await page.waitForFunction(
      async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        const old = (window as unknown as { v1: ServiceWorker | null }).v1;
        const active = registration?.active;
        return registration?.waiting?.state === 'installed' || (active !== old && active?.state === 'activated');
      },
      undefined,
      { timeout: 30_000 },
    );

    // Everything the old page loads lazily still comes, from its own release.
    await page.waitForSelector('.time-slider');
    await page.locator('#article-heading button').click();
    await page.locator('#article-panel .article').waitFor();
    await page.getByRole('button', { name: 'Завантажити', exact: true }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Дані історії (GeoJSON)' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.geojson$/);
    expect(await page.locator('.data-errors, .notice-error').count()).toBe(0);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await page.locator('.notice-update').waitFor();
    expect(await page.locator('.notice-update').innerText()).toContain('Готова нова версія карти');
    await screenshot(page, 'releases-new-version-ready');
    await page.close();

    // The next visit is the new release.
    const next = await context.newPage();
    await next.goto(site.url);
    expect(await releaseOf(next)).toBe('v2');
    await waitForMap(next);
    expect(failed).toEqual([]);
    await context.close();
  });
});
