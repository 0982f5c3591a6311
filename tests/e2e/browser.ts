/**
 * Drives the system Chromium with playwright-core: finds the browser, opens the built app and records
 * what a test needs to check (console errors, page errors, requests, dialogs).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, onTestFailed } from 'vitest';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The Chromium to drive: $CHROMIUM_PATH, then the usual system paths. */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
  return found;
}

/** Launches headless Chromium with WebGL2 through SwiftShader (or with WebGL disabled). */
export async function launchBrowser(options: { webgl?: boolean } = {}): Promise<Browser> {
  const args = [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--disable-dev-shm-usage',
  ];
  if (options.webgl === false) args.push('--disable-webgl', '--disable-3d-apis');
  else args.push('--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--enable-webgl', '--ignore-gpu-blocklist');
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args });
}

export interface OpenedPage {
  page: Page;
  errors: string[];
  requests: string[];
  dialogs: string[];
}

/** Opens the app at `hash` and collects errors, requests and dialogs from the first byte on. */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  hash = '',
  context: BrowserContextOptions = {},
): Promise<OpenedPage> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...context });
  const page = await ctx.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    // The location says which resource a "Failed to load resource" error is about.
    if (m.type() === 'error') errors.push(`console: ${m.text()} @ ${m.location().url}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}${process.env.E2E_STACKS ? e.stack : ''}`));
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(`${baseUrl}${hash}`);
  return { page, errors, requests, dialogs };
}

/**
 * `errors` without the failed loads a test caused on purpose: "Failed to load resource" errors whose URL matches
 * `allowed`. Every other error stays, a 404 of any other file among them.
 */
export function unexpectedErrors(errors: string[], allowed: RegExp | string[]): string[] {
  const isAllowed = (url: string) => (Array.isArray(allowed) ? allowed.includes(url) : allowed.test(url));
  return errors.filter((e) => {
    const failed = /^console: Failed to load resource: .* @ (.+)$/.exec(e);
    return !(failed && isAllowed(failed[1]!));
  });
}

/** Waits until the map has drawn its first complete frame with the story on it. */
export async function waitForMap(page: Page, timeout = 45_000): Promise<void> {
  await page.waitForSelector('#map[data-map-ready="true"]', { timeout });
}

/**
 * Waits until the map has finished moving and drawing: at once when it already has (the camera still, the style and
 * every tile loaded), else at its next `idle`, checked again. Never forces a frame: a reader's page gets none, and a
 * forced frame hides exactly the missing frames the visual checks are for.
 */
export async function waitForIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as unknown as StoryMapWindow).storyMap;
        const check = () => {
          if (map.isMoving() || !map.loaded() || !map.areTilesLoaded()) map.once('idle', check);
          else resolve();
        };
        check();
      }),
  );
}

/** Whether screenshots are taken as the tests go (E2E_SCREENSHOTS=1), not only for a test that fails. */
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS === '1';

/**
 * Saves a screenshot under test-results/ for a human to look at. Encoding one costs a frame and a PNG (0.2–1 s with
 * software WebGL), so it is taken now only with E2E_SCREENSHOTS=1; otherwise only if the test fails, of the page as
 * it is then. Returns the file's path.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = `test-results/${name}.png`;
  const take = async () => {
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path });
  };
  if (SCREENSHOTS) await take();
  else onTestFailed(() => take().catch(() => undefined));
  return path;
}

type StoryMapWindow = { storyMap: import('maplibre-gl').Map };

/** Ids of the story features the map has drawn right now (optionally only those of one story layer). */
export async function renderedFeatureIds(page: Page, layer?: string): Promise<string[]> {
  return page.evaluate((only) => {
    const map = (window as unknown as StoryMapWindow).storyMap;
    const layers = map
      .getStyle()
      .layers.filter((l) => l.id.startsWith('story-') && (!only || l.id.startsWith(`story-${only}-`)))
      .map((l) => l.id);
    const ids = map.queryRenderedFeatures({ layers }).map((f) => String(f.properties.id));
    return [...new Set(ids)].sort();
  }, layer);
}

/** The page position of [lng, lat] on the map canvas. */
export async function pagePointOf(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const map = (window as unknown as StoryMapWindow).storyMap;
    const p = map.project(ll);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, lngLat);
}

/** Moves the camera without animation and waits until the map has drawn. */
export async function jumpTo(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(
    ([c, z]) =>
      new Promise<void>((resolve) => {
        const map = (window as unknown as StoryMapWindow).storyMap;
        map.once('idle', () => resolve());
        map.jumpTo({ center: c as [number, number], zoom: z as number });
      }),
    [center, zoom] as const,
  );
}

/** One Chromium for all tests of a file: launched before them, closed after. Read `.browser` inside a test. */
export function sharedBrowser(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser is launched in beforeAll');
      return browser;
    },
  };
}
