/**
 * The page of each language, as the build writes them (issue #28): Ukrainian at the site's root (`index.html`),
 * English one folder down (`en/index.html`). Both are the same app drawn in advance in their language; a link's
 * `lang=` still chooses the language on either.
 */
import type { Lang } from './strings';

/** Each language's folder under the site's root ('' for the root itself). */
export const PAGE_DIR: Record<Lang, string> = { uk: '', en: 'en/' };

/** The site's root as a URL relative to `lang`'s page: `./`, or `../` from a page one folder down. */
export function rootFromPage(lang: Lang): string {
  const depth = PAGE_DIR[lang].split('/').filter(Boolean).length;
  return depth === 0 ? './' : '../'.repeat(depth);
}

/** The page of `to` as a URL relative to the page of `from` (`./en/` from the Ukrainian page, `../` back). */
export function pageFromPage(from: Lang, to: Lang): string {
  const root = rootFromPage(from);
  return root === './' && PAGE_DIR[to] !== '' ? `./${PAGE_DIR[to]}` : `${root}${PAGE_DIR[to]}`;
}
