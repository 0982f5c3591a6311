/**
 * Issue #11: faults. Code chunks and data files that fail to load: a message names what failed, the rest of the
 * page works, and Retry loads it again. One page per case, one browser for the file.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot, sharedBrowser, unexpectedErrors, waitForMap } from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();

/** Answers 404 for every request matching `pattern` until the returned function is called; records the URLs. */
async function fail404(page: Page, pattern: RegExp): Promise<{ urls: string[]; stop: () => Promise<void> }> {
  const urls: string[] = [];
  const handler = (route: import('playwright-core').Route) => {
    urls.push(route.request().url());
    return route.fulfill({ status: 404, body: 'not found' });
  };
  await page.route(pattern, handler);
  return { urls, stop: () => page.unroute(pattern, handler) };
}

describe('a code chunk that fails to load', () => {
  it('the map chunk: a message with Retry, the text list meanwhile, and the map after Retry', async () => {
    const { page, errors } = await openPage(shared.browser, 'about:blank');
    const failing = await fail404(page, /\/assets\/runtime-[^/]*\.js$/);
    await page.goto(baseUrl);
    const alert = page.locator('.notice-error');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Не вдалося завантажити код карти');
    expect(await page.locator('#map').getAttribute('data-map-state')).toBe('code-failed');
    expect(await page.locator('li[data-feature-id="moscow"]').count()).toBe(1);
    await screenshot(page, 'fault-map-chunk');
    expect(failing.urls.length).toBeGreaterThan(0);
    await failing.stop();
    await alert.getByRole('button', { name: 'Спробувати ще раз' }).click();
    await waitForMap(page);
    expect(await page.locator('.notice-error').count()).toBe(0);
    expect(unexpectedErrors(errors, failing.urls)).toEqual([]);
    await page.context().close();
  });

  it('the article chunk: a message with Retry instead of "loading" forever, and the article after Retry', async () => {
    const { page, errors } = await openPage(shared.browser, 'about:blank');
    const failing = await fail404(page, /\/assets\/ArticlePanel-[^/]*\.js$/);
    await page.goto(baseUrl);
    await page.locator('#article-heading button').click();
    const alert = page.locator('#article-panel [role="alert"]');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Не вдалося завантажити статтю');
    await failing.stop();
    await alert.getByRole('button', { name: 'Спробувати ще раз' }).click();
    await page.locator('#article-panel .article').waitFor();
    expect(await page.locator('#article-panel [role="alert"]').count()).toBe(0);
    expect(unexpectedErrors(errors, failing.urls)).toEqual([]);
    await page.context().close();
  });
});

describe('without WebGL', () => {
  it("the text list shows every distance, the depot's distance to Ukraine among them", async () => {
    const noGl = await launchBrowser({ webgl: false });
    try {
      const { page, errors } = await openPage(noGl, baseUrl);
      await page.waitForSelector('#map[data-map-state="no-webgl"]', { state: 'attached' });
      const depot = page.locator('li[data-feature-id="tikhoretsk-depot"] [data-distance="to-ukraine"]');
      await expect.poll(() => depot.innerText(), { timeout: 10_000 }).toMatch(/\d+\s*км/);
      expect(await page.locator('.feature-list').innerText()).not.toContain('обчислюється');
      expect(errors.filter((e) => !/WebGL/i.test(e))).toEqual([]);
      await page.context().close();
    } finally {
      await noGl.close();
    }
  });
});
