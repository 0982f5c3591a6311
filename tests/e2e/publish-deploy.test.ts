/**
 * Issue #14 (any path, deploy config) and #11 (strict CSP): the one build in dist/, served as a static host
 * serves it, under a nested sub-path and at the root, with the headers of the shipped public/_headers file.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, sharedBrowser, waitForMap } from './browser';
import { headersFor, nginxCsp, serveDist, shippedCsp, shippedHeaders } from './publish-server';

/** The policy of issue #11, word for word. */
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; worker-src 'self' blob:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'";

const SUB_PATH = '/graphics/lavrov-map/';
const shared = sharedBrowser();
const servers: { url: string; close: () => Promise<void> }[] = [];
let subPathUrl = '';
let rootUrl = '';

beforeAll(async () => {
  const sub = await serveDist(SUB_PATH);
  const root = await serveDist('/');
  servers.push(sub, root);
  subPathUrl = sub.url;
  rootUrl = root.url;
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

interface Visit {
  page: Page;
  failed: string[];
  errors: string[];
  violations: string[];
  csp: string | undefined;
}

/** Opens `url`, recording failed requests (network errors and HTTP ≥ 400), errors and CSP violations. */
async function visit(url: string): Promise<Visit> {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const failed: string[] = [];
  const errors: string[] = [];
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.url()} HTTP ${r.status()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const response = await page.goto(url);
  return { page, failed, errors, violations, csp: response?.headers()['content-security-policy'] };
}

describe('the shipped deployment config', () => {
  it('sends the strict policy of issue #11, the same in public/_headers and deploy/nginx.conf', () => {
    expect(shippedCsp()).toBe(STRICT_CSP);
    expect(nginxCsp()).toBe(STRICT_CSP);
  });

  it('caches hashed assets for a year and revalidates the page and the data files', () => {
    const rules = shippedHeaders();
    expect(headersFor(rules, '/assets/index-AbC123.js')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    for (const path of [
      '/',
      '/index.html',
      '/en/',
      '/en/index.html',
      '/basemap/land-low.geojson',
      '/static-map.uk.svg',
      '/sw.js',
    ])
      expect(headersFor(rules, path)['Cache-Control'], path).toBe('no-cache');
    // Hosts join a header that two matching rules set ("no-cache, public, …"), so no path may get one twice.
    for (const path of [
      '/',
      '/index.html',
      '/en/',
      '/assets/x.js',
      '/basemap/x.geojson',
      '/static-map.en.svg',
      '/sw.js',
    ]) {
      const names = rules
        .filter((r) => Object.keys(headersFor([r], path)).length > 0)
        .flatMap((r) => Object.keys(r.headers));
      expect(names.length, path).toBe(new Set(names).size);
    }
  });

  it('lands in dist/, and the built page has no inline script or style', () => {
    expect(readFileSync('dist/_headers', 'utf8')).toBe(readFileSync('public/_headers', 'utf8'));
    const html = readFileSync('dist/index.html', 'utf8');
    // No script that runs inline (the JSON-LD claims are a data block, which a CSP does not treat as script).
    expect(html).not.toMatch(/<script(?![^>]*\b(?:src=|type="application\/ld\+json"))[^>]*>/);
    expect(html).not.toMatch(/<style[\s>]/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html, 'no URL from the site root').not.toMatch(/(?:src|href)="\/(?!\/)/);
  });
});

describe('the same build', () => {
  it(`is ready under the nested sub-path ${SUB_PATH} with no failed request and no CSP violation`, async () => {
    const { page, failed, errors, violations, csp } = await visit(subPathUrl);
    expect(new URL(subPathUrl).pathname).toBe(SUB_PATH);
    expect(csp).toBe(STRICT_CSP);
    await waitForMap(page);
    // The story data came from under the sub-path: no file failed (and the map, ready, draws the story).
    expect(await page.locator('.data-errors').count()).toBe(0);
    // The offline copy installs under the sub-path and the policy too.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(subPathUrl);
    await screenshot(page, 'publish-sub-path');
    expect(failed).toEqual([]);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is ready at the root with no failed request and no CSP violation', async () => {
    const { page, failed, errors, violations, csp } = await visit(rootUrl);
    expect(csp).toBe(STRICT_CSP);
    await waitForMap(page);
    expect(failed).toEqual([]);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
