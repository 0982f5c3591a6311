/** Issue #25 (10): the article is in Ukrainian; the English page says so and gives the translations it has. */

import { describe, expect, inject, it } from 'vitest';
import { QUOTES } from '../../src/story/quotes';
import { openPage, screenshot, sharedBrowser, waitForMap } from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();
const translationOf = new Map(Object.values(QUOTES).flatMap((qs) => qs.map((q) => [q.uk, q.en] as const)));

describe('the article panel in English', () => {
  it('says the article is in Ukrainian and puts our translation under each quoted sentence', async () => {
    const { page, errors } = await openPage(shared.browser, baseUrl, '#lang=en');
    await waitForMap(page);
    const heading = page.locator('#article-heading button');
    expect(await heading.innerText()).toMatch(/in Ukrainian/);
    await heading.click();
    await page.waitForSelector('.article .passage');
    const passages = await page.locator('.article .passage').evaluateAll((els) =>
      els.map((el) => ({
        text: el.textContent ?? '',
        lang: el.closest('[lang]')?.getAttribute('lang'),
        translation: el.nextElementSibling?.classList.contains('passage-translation')
          ? { text: el.nextElementSibling.textContent ?? '', lang: el.nextElementSibling.getAttribute('lang') }
          : undefined,
      })),
    );
    expect(passages.length).toBeGreaterThan(5);
    for (const p of passages) {
      expect(p.lang).toBe('uk');
      expect(p.translation?.lang).toBe('en');
      const expected = translationOf.get(p.text);
      if (expected) expect(p.translation?.text).toBe(expected);
      else expect(p.translation?.text.length).toBeGreaterThan(20);
    }
    await screenshot(page, 'article-en');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('in Ukrainian shows the article alone, with no translation', async () => {
    const { page } = await openPage(shared.browser, baseUrl, '#lang=uk');
    await waitForMap(page);
    const heading = page.locator('#article-heading button');
    expect(await heading.innerText()).not.toMatch(/англ|Ukrainian/i);
    await heading.click();
    await page.waitForSelector('.article .passage');
    expect(await page.locator('.article .passage-translation').count()).toBe(0);
    await page.context().close();
  });
});
