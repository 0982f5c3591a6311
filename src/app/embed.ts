/**
 * Embedding: the `embed=1` query parameter that asks for the compact page, and the `<iframe>` snippet that
 * embeds the current view in another site. Pure: URL strings in, strings out. The view itself stays in the
 * hash, so a page in embed mode and its full page share one link format.
 */

import { escapeHtmlAttribute } from '../text/escape';

/** The query parameter (in the search, not the hash: it is how the page is shown, not the view). */
export const EMBED_PARAM = 'embed';
/** The snippet's height in px: room for the title line, the map and the credits. */
export const EMBED_HEIGHT = 600;

/** Whether a page with this `location.search` asks for embed mode. */
export function isEmbedMode(search: string): boolean {
  return new URLSearchParams(search).get(EMBED_PARAM) === '1';
}

/** `pageUrl` with `embed=1`, its hash (the view) kept as it is. */
export function embedUrlFor(pageUrl: string): string {
  const url = new URL(pageUrl);
  url.searchParams.set(EMBED_PARAM, '1');
  return url.href;
}

/** `pageUrl` without `embed`: the full page at the same view. */
export function fullUrlFor(pageUrl: string): string {
  const url = new URL(pageUrl);
  url.searchParams.delete(EMBED_PARAM);
  return url.href;
}

/**
 * The HTML to paste into another page: a lazily loaded, full-width iframe of `pageUrl`'s view in embed mode,
 * allowed to go fullscreen, copy links and share.
 */
export function embedSnippetFor(pageUrl: string, title: string, height = EMBED_HEIGHT): string {
  return (
    `<iframe src="${escapeHtmlAttribute(embedUrlFor(pageUrl))}" title="${escapeHtmlAttribute(title)}" ` +
    `width="100%" height="${height}" loading="lazy" allow="fullscreen; clipboard-write; web-share" ` +
    'allowfullscreen style="border: 0; max-width: 100%;"></iframe>'
  );
}
