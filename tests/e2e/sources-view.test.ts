/**
 * Issue #27: the Sources view. One browser, two page loads: Ukrainian by the header button, English by a link.
 */
import { describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe';
import { openPage, screenshot, sharedBrowser, waitForMap } from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();

describe('the Sources view', () => {
  it('opens by its button (uk), its table works from the keyboard, a claim shows its place, axe finds nothing serious', async () => {
    const { page, errors } = await openPage(shared.browser, baseUrl);
    await waitForMap(page);
    await page.getByRole('button', { name: 'Джерела', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Джерела і твердження' });
    await dialog.waitFor();
    await expect.poll(() => page.url()).toContain('panel=sources');
    const table = dialog.getByRole('table');
    await table.waitFor();
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual([
      'Твердження',
      'Стверджують',
      'Заперечують',
      'Незалежних джерел',
      'Докази',
      'На мапі',
    ]);
    const deal = table.locator('tr[data-claim="arms-deal"]');
    expect(await deal.getByRole('rowheader').innerText()).toMatch(/угода про зброю/);
    expect(await deal.locator('td').nth(1).innerText()).toMatch(/Пхеньян.*\n?.*Москва/s);
    expect(await dialog.locator('.ledger li').count()).toBeGreaterThan(20);
    expect(await dialog.locator('a.ledger-archive').first().getAttribute('href')).toMatch(
      /^https:\/\/web\.archive\.org\/web\/\d{8}\/https?:\/\//,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'sources-view-uk');

    // Keyboard: Tab from the first Show button reaches the next row's, and Enter chooses the claim.
    await table.locator('button.claim-show').first().focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-claim'));
    expect(focused).toBe('shuttle-round-trips');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForSelector('.maplibregl-popup .feature-details');
    await expect.poll(() => page.url()).toMatch(/f=angara-maria-shuttle/);
    expect(page.url()).not.toContain('panel=');
    // The popup ends with the place's claims, in the same terms.
    const block = page.locator('.maplibregl-popup .feature-claims');
    await block.locator('summary').click();
    expect(await block.innerText()).toMatch(/Стверджують:.*Заперечують:.*незалежних джерел: 1/s);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens by a link (en) and downloads the claims and the sources as CSV with a header row', async () => {
    const { page, errors } = await openPage(shared.browser, baseUrl, '#lang=en&panel=sources');
    const dialog = page.getByRole('dialog', { name: 'Sources and claims' });
    await dialog.getByRole('table').waitFor();
    expect(await dialog.getByRole('columnheader').first().innerText()).toBe('Claim');
    for (const [name, header] of [
      ['Claims, CSV', /^id,text_uk,text_en,measure,/],
      ['Sources, CSV', /^id,kind,publisher_uk,publisher_en,/],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('link', { name }).click()]);
      const path = await download.path();
      const text = (await import('node:fs')).readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
      expect(text.split('\r\n')[0], name).toMatch(header);
      expect(text.split('\r\n').length).toBeGreaterThan(10);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'sources-view-en');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.url()).not.toContain('panel=');
    const ld = await page.locator('script#story-claims').textContent();
    expect(JSON.parse(ld ?? '{}')['@graph'][0]['@type']).toBe('Claim');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
