import { describe, expect, it } from 'vitest';
import { pageHtmlFor } from '../../src/i18n/page-html';
import { pageFromPage, rootFromPage } from '../../src/i18n/pages';
import { t } from '../../src/i18n/strings';

const TEMPLATE = `<!doctype html>
<html lang="uk">
  <head>
    <meta name="description" content="опис" />
    <title>назва</title>
    <meta property="og:title" content="назва" />
    <meta property="og:locale" content="uk_UA" />
    <meta property="og:locale:alternate" content="en_GB" />
    <meta property="og:url" content="https://news.example/map/" />
    <meta property="og:image" content="https://news.example/map/share-card.png" />
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
    <link rel="stylesheet" crossorigin href="./assets/index-abc.css">
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>`;

describe('the pages of the two languages', () => {
  it('puts Ukrainian at the root and English one folder down, each linking the other', () => {
    expect(rootFromPage('uk')).toBe('./');
    expect(rootFromPage('en')).toBe('../');
    expect(pageFromPage('uk', 'en')).toBe('./en/');
    expect(pageFromPage('en', 'uk')).toBe('../');
  });

  it("writes the English page's language, title, preview and relative URLs, with the app inside #app", () => {
    const html = pageHtmlFor(TEMPLATE, 'en', '<div class="app">x</div>');
    expect(html).toContain('<html lang="en"');
    expect(html).toContain(`<title>${t('en', 'app.title')}</title>`);
    expect(html).toContain('<meta property="og:locale" content="en_GB" />');
    expect(html).toContain('<meta property="og:locale:alternate" content="uk_UA" />');
    expect(html).toContain('<meta property="og:url" content="https://news.example/map/en/" />');
    expect(html).toContain('content="https://news.example/map/share-card.png"');
    expect(html).toContain('src="../assets/index-abc.js"');
    expect(html).toContain('href="../assets/index-abc.css"');
    expect(html).toContain('<div id="app"><div class="app">x</div></div>');
  });

  it('leaves the Ukrainian page at the root with its URLs as they are', () => {
    const html = pageHtmlFor(TEMPLATE, 'uk', '');
    expect(html).toContain('src="./assets/index-abc.js"');
    expect(html).toContain('<meta property="og:url" content="https://news.example/map/" />');
    expect(html).toContain(`<meta name="description" content="${t('uk', 'meta.description')}" />`);
  });
});

describe('a link on either page', () => {
  it("is in the page's language without lang=, and writes lang= only when it differs from the page's", async () => {
    const { applyUrlState, hashFor } = await import('../../src/app/bind-url');
    const { createModel } = await import('../../src/state/model');
    const { parseUrlState } = await import('../../src/state/url-state');
    const open = (hash: string, page: 'uk' | 'en') => {
      const model = createModel();
      applyUrlState(model, parseUrlState(hash), page);
      return model;
    };
    expect(open('', 'en').lang.value).toBe('en');
    expect(open('#lang=uk', 'en').lang.value).toBe('uk');
    expect(open('#lang=en', 'uk').lang.value).toBe('en');
    expect(hashFor(open('', 'en'), '', 'en')).not.toContain('lang=');
    expect(hashFor(open('#lang=uk', 'en'), '#lang=uk', 'en')).toContain('lang=uk');
    expect(hashFor(open('#lang=en', 'uk'), '#lang=en', 'uk')).toContain('lang=en');
  });
});
