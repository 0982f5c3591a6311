/** Issue #10: the Ukrainian view has no English prose, the map's credits included. */
import { describe, expect, inject, it } from 'vitest';
import { openPage, sharedBrowser, waitForMap } from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();

describe("the map's credits", () => {
  it('follow the reader’s language, with one attribution control', async () => {
    const { page, errors } = await openPage(shared.browser, baseUrl);
    await waitForMap(page);
    const credits = page.locator('.maplibregl-ctrl-attrib-inner');
    expect(await credits.innerText()).toContain('Укрінформ, RUSI, Білий дім, Yonhap');
    expect(await credits.innerText()).toContain('суспільне надбання');
    expect(await credits.innerText()).not.toMatch(/White House|public domain|Ukrinform/);
    await page.locator('.lang-switch').click();
    await expect.poll(() => credits.innerText()).toContain('Ukrinform, RUSI, White House, Yonhap');
    expect(await page.locator('.maplibregl-ctrl-attrib').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
