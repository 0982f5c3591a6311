/** Issue #14: the Embed and Download panels and the embed-mode page pass axe-core like the rest of the app. */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { t } from '../../src/i18n/strings';
import { openPage, sharedBrowser, waitForMap } from './browser';

const baseUrl = inject('baseUrl');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const shared = sharedBrowser();

/** Serious and critical axe-core violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('axe-core finds no serious or critical violation', () => {
  it('with the Embed panel open, then the Download panel', async () => {
    const { page } = await openPage(shared.browser, baseUrl, '#lang=en');
    await waitForMap(page);
    await page.getByRole('button', { name: t('en', 'embed.button') }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: t('en', 'embed.button') }).click();
    await page.getByRole('button', { name: t('en', 'export.button') }).click();
    expect(await page.locator('.export-cite').innerText()).toContain(t('en', 'export.cite'));
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('on the embed-mode page (embed=1)', async () => {
    const { page, errors } = await openPage(shared.browser, `${baseUrl}?embed=1`, '#lang=en');
    await waitForMap(page);
    expect(await page.getByRole('link', { name: t('en', 'embed.openFull') }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
