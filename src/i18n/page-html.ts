/**
 * The HTML of a language's page (issue #28), made at build time from the built index.html: its language, title and
 * descriptions (link previews included) in that language, its relative URLs one folder down for a page in a folder
 * (`en/`), and the app drawn in advance inside `#app`. Pure string work on the template Vite wrote.
 */
import { escapeHtmlAttribute, escapeXml } from '../text/escape';
import { PAGE_DIR, rootFromPage } from './pages';
import { type Lang, t } from './strings';

const LOCALE: Record<Lang, string> = { uk: 'uk_UA', en: 'en_GB' };

/** `template` (the built index.html) as `lang`'s page, with `appHtml` (the prerendered app) inside `#app`. */
export function pageHtmlFor(template: string, lang: Lang, appHtml: string): string {
  const other: Lang = lang === 'uk' ? 'en' : 'uk';
  const title = escapeHtmlAttribute(t(lang, 'app.title'));
  const description = escapeHtmlAttribute(t(lang, 'meta.description'));
  const meta = (attr: string, value: string) => (html: string) =>
    html.replace(new RegExp(`(<meta ${attr} content=")[^"]*"`, 'g'), (_m, head: string) => `${head}${value}"`);
  const steps = [
    (html: string) => html.replace(/<html lang="[^"]*"/, `<html lang="${lang}"`),
    (html: string) => html.replace(/<title>[^<]*<\/title>/, `<title>${escapeXml(t(lang, 'app.title'))}</title>`),
    meta('(?:name="description"|property="og:description"|name="twitter:description")', description),
    meta('(?:property="og:title"|name="twitter:title")', title),
    meta('property="og:image:alt"', escapeHtmlAttribute(t(lang, 'map.staticAlt'))),
    meta('property="og:locale"', LOCALE[lang]),
    meta('property="og:locale:alternate"', LOCALE[other]),
    // With SITE_URL the build writes the page's address (vite.config.ts): this page's, under its folder.
    (html: string) =>
      html.replace(/(<meta property="og:url" content=")([^"]*)"/, (_m, head: string, url: string) => {
        return `${head}${url}${url.endsWith('/') ? '' : '/'}${PAGE_DIR[lang]}"`;
      }),
    // The template's relative URLs are from the site's root (scripts, stylesheets, the share card).
    (html: string) => html.replace(/((?:src|href|content)=")\.\//g, `$1${rootFromPage(lang)}`),
  ];
  const page = steps.reduce((html, step) => step(html), template);
  if (!page.includes('<div id="app"></div>')) throw new Error('index.html has no empty <div id="app"></div>');
  return page.replace('<div id="app"></div>', () => `<div id="app">${appHtml}</div>`);
}
