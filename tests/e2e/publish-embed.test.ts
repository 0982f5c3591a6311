/**
 * Issue #14, embed: the Embed action's snippet, pasted into a page on another origin (another loopback port),
 * shows the compact map; it becomes ready in the frame and opens a popup.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MAP_LOCALE } from '../../src/i18n/map-locale';
import { t } from '../../src/i18n/strings';
import { openPage, screenshot, sharedBrowser } from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();
const VIEW = '#map=5/55.75/40&layers=capitals,lavrov-flight';

let host: Server;
let hostUrl = '';
let snippet = '';

beforeAll(async () => {
  host = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="en"><title>A newsroom page</title><body><h1>A newsroom page</h1>${snippet}</body></html>`,
    );
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => host.close(resolve));
});

describe('the Embed action', () => {
  it('gives an iframe snippet for the current view', async () => {
    const { page } = await openPage(shared.browser, baseUrl, VIEW);
    await page.getByRole('button', { name: t('uk', 'embed.button') }).click();
    snippet = await page.getByRole('textbox', { name: t('uk', 'embed.code') }).inputValue();
    expect(snippet).toMatch(/^<iframe [^>]*><\/iframe>$/);
    const src = snippet.match(/src="([^"]+)"/)?.[1]?.replaceAll('&amp;', '&');
    expect(src).toBe(`${baseUrl}?embed=1${VIEW}`);
    expect(snippet).toContain(`title="${t('uk', 'app.title')}"`);
    expect(snippet).toContain('loading="lazy"');
    await page.context().close();
  });
});

describe('the map embedded in a page on another origin', () => {
  let frame: Frame;

  it('is ready inside the frame, with compact chrome, the map first with its legend open, and cooperative gestures', async () => {
    expect(snippet, 'the snippet from the test above').not.toBe('');
    const { page, errors } = await openPage(shared.browser, hostUrl);
    expect(new URL(hostUrl).origin).not.toBe(new URL(baseUrl).origin);
    const found = await (await page.waitForSelector('iframe')).contentFrame();
    if (!found) throw new Error('the iframe has no frame');
    frame = found;
    await frame.waitForSelector('#map[data-map-ready="true"]', { timeout: 45_000 });

    expect(await frame.locator('.topbar-embed h1').innerText()).toBe(t('uk', 'app.title'));
    expect(await frame.locator('.embed-credits').innerText()).toBe(t('uk', 'card.credit'));
    const open = frame.getByRole('link', { name: t('uk', 'embed.openFull') });
    expect(await open.getAttribute('target')).toBe('_blank');
    expect(await open.getAttribute('href')).toMatch(new RegExp(`^${baseUrl}#`));
    expect(await open.getAttribute('href')).toContain('layers=capitals,lavrov-flight');
    expect(await frame.locator('.topbar-full').isVisible()).toBe(false);
    // The map first (#31): most of the frame's height, with the legend open beside it and the other panels folded.
    expect(await frame.locator('#layers-heading button').getAttribute('aria-expanded')).toBe('true');
    expect(await frame.locator('.layer-panel').isVisible()).toBe(true);
    for (const name of ['list', 'article'])
      expect(await frame.locator(`#${name}-heading button`).getAttribute('aria-expanded'), name).toBe('false');
    const [mapBox, frameBox] = [
      await frame.locator('.map-area').boundingBox(),
      await page.locator('iframe').boundingBox(),
    ];
    expect(mapBox!.height / frameBox!.height).toBeGreaterThan(0.6);
    const cooperative = await frame.evaluate(() =>
      (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap.cooperativeGestures.isEnabled(),
    );
    expect(cooperative).toBe(true);
    await screenshot(page, 'publish-embed');
    expect(errors).toEqual([]);
  });

  it('opens a popup when a place is clicked inside the frame', async () => {
    const page = frame.page();
    const box = await page.locator('iframe').boundingBox();
    if (!box) throw new Error('the iframe has no box');
    const point = await frame.evaluate(() => {
      const map = (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap;
      const p = map.project([37.6178, 55.7517]);
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y };
    });
    await page.mouse.click(box.x + point.x, box.y + point.y);
    await frame.waitForSelector('.maplibregl-popup .feature-details');
    expect(await frame.locator('.maplibregl-popup .feature-name').innerText()).toMatch(/Москва/);
    await screenshot(page, 'publish-embed-popup');
  });

  it("gives the cooperative-gestures hint in the reader's language when the link changes it", async () => {
    const hint = frame.locator('.maplibregl-mobile-message');
    expect(await hint.textContent()).toBe(MAP_LOCALE.uk['CooperativeGesturesHandler.MobileHelpText']);
    await frame.evaluate(() => {
      window.location.hash = `${window.location.hash}&lang=en`;
    });
    await frame.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await hint.textContent()).toBe(MAP_LOCALE.en['CooperativeGesturesHandler.MobileHelpText']);
    await frame.page().context().close();
  });
});
