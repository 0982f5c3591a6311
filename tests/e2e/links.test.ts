import { describe, expect, inject, it } from 'vitest';
import { HOSTILE } from '../fixtures/hostile-links';
import { openPage, renderedFeatureIds, screenshot, sharedBrowser, waitForIdle, waitForMap } from './browser';

const baseUrl = inject('baseUrl');
const shared = sharedBrowser();

describe('layer toggles', () => {
  it('hide a layer, write it into the link, and come back after a reload', async () => {
    const { page, errors } = await openPage(shared.browser, baseUrl);
    await waitForMap(page);
    expect(await renderedFeatureIds(page, 'vessel-routes')).toContain('angara-maria-shuttle');
    await page.getByRole('checkbox', { name: 'Маршрут суден' }).uncheck();
    await expect.poll(() => page.url()).toContain('layers=capitals,ports,rail-route,lavrov-flight,kim-train');
    await waitForIdle(page);
    expect(await renderedFeatureIds(page, 'vessel-routes')).toEqual([]);
    await page.reload();
    await waitForMap(page);
    expect(await page.getByRole('checkbox', { name: 'Маршрут суден' }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'Столиці' }).isChecked()).toBe(true);
    expect(await renderedFeatureIds(page, 'vessel-routes')).toEqual([]);
    expect(await renderedFeatureIds(page, 'capitals')).toContain('moscow');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('work from the keyboard', async () => {
    const { page } = await openPage(shared.browser, baseUrl);
    await waitForMap(page);
    await page.getByRole('checkbox', { name: 'Потяг Кім Чен Ина' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.url()).toMatch(/layers=capitals,ports,vessel-routes,rail-route,lavrov-flight(&|$)/);
    await page.context().close();
  });
});

describe('a shared link', () => {
  it('opens with the camera, the layers and the selected feature with its popup', async () => {
    const hash = '#map=6/45.9/40.1&layers=ports,rail-route&f=tikhoretsk-depot';
    const { page, errors } = await openPage(shared.browser, baseUrl, hash);
    await waitForMap(page);
    await page.waitForSelector('.maplibregl-popup .feature-details');
    expect(await page.locator('.maplibregl-popup .feature-name').innerText()).toMatch(/склад/i);
    expect(await page.getByRole('checkbox', { name: 'Столиці' }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'Порти і склад' }).isChecked()).toBe(true);
    const camera = await page.evaluate(() => {
      const map = (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap;
      return { zoom: map.getZoom(), ...map.getCenter() };
    });
    expect(camera.zoom).toBeCloseTo(6, 1);
    expect(camera.lat).toBeCloseTo(45.9, 1);
    expect(camera.lng).toBeCloseTo(40.1, 1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('copied from one page reopens the same view in a fresh page', async () => {
    const first = await openPage(shared.browser, baseUrl, '', { permissions: ['clipboard-read', 'clipboard-write'] });
    await first.page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
    await waitForMap(first.page);
    await first.page.getByRole('checkbox', { name: 'Залізничний маршрут' }).uncheck();
    await first.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const map = (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap;
          map.once('moveend', () => resolve());
          map.jumpTo({ center: [131.2, 42.6], zoom: 6.5 });
        }),
    );
    await first.page.getByRole('button', { name: 'English' }).click();
    await first.page.getByRole('button', { name: 'Share' }).click();
    await first.page.getByText('Link copied').waitFor();
    const link = await first.page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('lang=en');
    expect(link).toContain('map=6.5/42.6/131.2');
    await screenshot(first.page, 'share-copied');
    await first.page.context().close();

    const second = await openPage(shared.browser, link.replace(/#.*/, ''), link.slice(link.indexOf('#')));
    await waitForMap(second.page);
    expect(await second.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await second.page.getByRole('checkbox', { name: 'Rail route' }).isChecked()).toBe(false);
    const camera = await second.page.evaluate(() => {
      const map = (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap;
      return { zoom: map.getZoom(), ...map.getCenter() };
    });
    expect(camera).toMatchObject({ zoom: 6.5 });
    expect(camera.lat).toBeCloseTo(42.6, 2);
    expect(camera.lng).toBeCloseTo(131.2, 2);
    expect(second.errors).toEqual([]);
    await second.page.context().close();
  });

  it('shows the link in a selected text field when the clipboard is refused', async () => {
    const { page } = await openPage(shared.browser, baseUrl);
    await waitForMap(page);
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
    });
    await page.getByRole('button', { name: 'Поділитися' }).click();
    const field = page.getByRole('textbox', { name: 'Посилання на цей вигляд' });
    await field.waitFor();
    expect(await field.inputValue()).toBe(page.url());
    await expect
      .poll(() =>
        page.evaluate(
          () => window.getSelection()?.toString() || (document.activeElement as HTMLInputElement)?.selectionEnd,
        ),
      )
      .toBeTruthy();
    await page.context().close();
  });

  it('applies a hash edited by hand', async () => {
    const { page } = await openPage(shared.browser, baseUrl);
    await waitForMap(page);
    await page.evaluate(() => {
      window.location.hash = '#layers=capitals&f=beijing';
    });
    await page.waitForSelector('.maplibregl-popup .feature-details');
    expect(await page.locator('.maplibregl-popup .feature-name').innerText()).toMatch(/Пекін/);
    expect(await page.getByRole('checkbox', { name: 'Порти і склад' }).isChecked()).toBe(false);
    await page.context().close();
  });
});

describe('keys the app does not know', () => {
  it('survive a pan, a layer toggle, a selection and a language switch byte for byte', async () => {
    const unknown = 'utm=a%26b%20c&ref=x+y%2Fz&flag';
    const { page, errors } = await openPage(shared.browser, baseUrl, `#map=5/45/40&${unknown}`);
    await waitForMap(page);
    const hashNow = () => page.evaluate(() => window.location.hash);
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const map = (window as unknown as { storyMap: import('maplibre-gl').Map }).storyMap;
          map.once('moveend', () => resolve());
          map.panBy([120, 40], { duration: 0 });
        }),
    );
    await expect.poll(hashNow).not.toContain('map=5/45/40&');
    expect(await hashNow()).toContain(unknown);
    await page.getByRole('checkbox', { name: 'Переліт Лаврова' }).uncheck();
    await expect.poll(hashNow).toContain('layers=');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(hashNow).toContain('lang=en');
    await page.getByRole('button', { name: 'Every place in the story' }).click();
    await page.locator('li[data-feature-id="moscow"] .feature-item').click();
    await expect.poll(hashNow).toContain('f=moscow');
    expect(await hashNow()).toContain(unknown);
    // The camera is still written in MapLibre's format: zoom/lat/lng.
    expect(await hashNow()).toMatch(/^#map=\d+(\.\d+)?\/-?\d+(\.\d+)?\/-?\d+(\.\d+)?&/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('hostile and broken links', () => {
  it(`never break the page (${HOSTILE.length} links, one after another)`, async () => {
    const { page, errors, dialogs } = await openPage(shared.browser, 'about:blank');
    // Records every element added to the page from its first byte on, so each hash can be checked against what
    // it actually added: markup from a link would arrive as a new script, img, iframe, … or an on* attribute.
    await page.addInitScript(() => {
      const added: string[] = [];
      (window as unknown as { __added: string[] }).__added = added;
      const record = (el: Element) => {
        const handlers = [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name);
        added.push([el.tagName.toLowerCase(), el.getAttribute('class') ?? '', ...handlers].join(' '));
      };
      new MutationObserver((mutations) => {
        for (const m of mutations) {
          for (const node of m.addedNodes) {
            if (!(node instanceof Element)) continue;
            record(node);
            for (const el of node.querySelectorAll('*')) record(el);
          }
          if (m.type === 'attributes' && m.target instanceof Element && /^on/i.test(m.attributeName ?? ''))
            record(m.target);
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await page.goto(baseUrl);
    await waitForMap(page);
    // The time control arrives after the map is ready, with chunks the page preloads through <link> elements.
    await page.waitForSelector('.time-slider');
    const FORBIDDEN = /^(script|iframe|object|embed|img|svg|frame|link|meta|style|base|form)\b|\bon[a-z]+/;
    const takeAdded = () => page.evaluate(() => (window as unknown as { __added: string[] }).__added.splice(0));
    // What a clean load adds (the HTML's own scripts and links, the picture): a hostile link may add no more.
    const clean = new Set(await takeAdded());
    expect([...clean].filter((e) => /\bon[a-z]+/.test(e))).toEqual([]);
    expect(clean).toContain('img static-map');
    const checkNothingInjected = async (hash: string) => {
      // The app's own markup may come and go (legend symbols follow the layers); nothing else may arrive.
      expect(
        (await takeAdded()).filter((e) => FORBIDDEN.test(e) && !clean.has(e)),
        hash,
      ).toEqual([]);
    };
    // Every link followed within the open page (hashchange) ...
    for (const hash of HOSTILE) {
      await page.evaluate((h) => {
        window.location.hash = h;
      }, hash);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      await checkNothingInjected(hash);
    }
    // The check can fail: markup inserted as HTML is seen.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="void 0">'));
    expect((await takeAdded()).filter((e) => FORBIDDEN.test(e))).toEqual(['img  onerror']);
    // ... and a few opened as a fresh page: markup, numbers no parser expects, and a size past every limit (node
    // opens every one the way a fresh page does: tests/unit/hostile-links.test.ts).
    const parts = [
      '#f=<img src=x onerror=alert(1)>',
      '#map=1e309/NaN/Infinity',
      `#layers=${'capitals,'.repeat(12_000)}`,
    ];
    expect(parts.every((hash) => HOSTILE.includes(hash))).toBe(true);
    // The markup and the numbers in one link (one fresh page), the size past every limit in another (the page may
    // drop such a link whole, which would hide what it does with the other two).
    const FRESH = [`${parts[0]}&${parts[1]!.slice(1)}`, parts[2]!];
    for (const hash of FRESH) {
      await page.goto('about:blank');
      await page.goto(`${baseUrl}${hash}`);
      await waitForMap(page);
      await page.waitForSelector('.time-slider');
      const added = await takeAdded();
      expect(
        added.filter((e) => FORBIDDEN.test(e) && !clean.has(e)),
        hash,
      ).toEqual([]);
    }
    // The map still works after all of them: a click opens a popup.
    await page.goto('about:blank');
    await page.goto(`${baseUrl}#map=6/55.75/37.62`);
    await waitForMap(page);
    const box = await page.locator('canvas').boundingBox();
    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await page.waitForSelector('.maplibregl-popup .feature-details');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);
});
